package org.iomworkbench.ui.common;

import javafx.scene.input.KeyCombination;
import org.iomworkbench.ui.shell.Destination;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShortcutTest {

    @Test
    void noTwoActionsShareKeys() {
        Set<String> keys = new HashSet<>();
        for (Shortcut s : Shortcut.values()) {
            assertThat(keys.add(s.keys().getName())).as("keys of %s", s).isTrue();
        }
    }

    @Test
    void everyDestinationHasItsOwnShortcut() {
        assertThat(Arrays.stream(Destination.values()).map(Destination::shortcut).distinct())
                .hasSize(Destination.values().length);
        assertThat(Destination.DATA.shortcut().keys()).isEqualTo(KeyCombination.keyCombination("Shortcut+1"));
        assertThat(Destination.AUDIT.shortcut().keys()).isEqualTo(KeyCombination.keyCombination("Shortcut+7"));
        assertThat(Destination.HELP.shortcut().keysText()).isEqualTo("F1");
    }

    @Test
    void everyShortcutSaysWhatItDoes() {
        for (Shortcut s : Shortcut.values()) {
            assertThat(s.action()).isNotBlank();
            assertThat(s.keysText()).isNotBlank();
        }
    }
}
