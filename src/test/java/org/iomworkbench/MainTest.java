package org.iomworkbench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening the window where there is no display says so in a sentence, not a stack trace. */
class MainTest {
    @Test
    void noDisplayIsNamedOnLinuxOnly() {
        assertThat(Main.noDisplay("Linux", Map.of(), null)).contains("needs a display", "--help");
        assertThat(Main.noDisplay("Linux", Map.of("DISPLAY", " "), null)).isNotNull();
        assertThat(Main.noDisplay("Linux", Map.of("DISPLAY", ":0"), null)).isNull();
        assertThat(Main.noDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isNull();
        assertThat(Main.noDisplay("Linux", Map.of(), "Monocle")).isNull();
        assertThat(Main.noDisplay("Windows 11", Map.of(), null)).isNull();
        assertThat(Main.noDisplay("Mac OS X", Map.of(), null)).isNull();
    }
}
