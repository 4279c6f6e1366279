package org.iomworkbench.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void beforeAnythingIsSavedItIsTheFirstStartWithDefaults() {
        SettingsStore store = new SettingsStore(dir.resolve("settings"));

        assertThat(store.isFirstStart()).isTrue();
        assertThat(store.load()).isEqualTo(Settings.DEFAULTS);
        assertThat(store.defaultWorkspace()).isEqualTo(dir.resolve("settings").resolve("workspace"));
    }

    @Test
    void savedSettingsComeBack() {
        SettingsStore store = new SettingsStore(dir);
        Settings s = Settings.DEFAULTS.withTheme(Theme.DARK).withFontSize(16)
                .withWindow(new Settings.WindowBounds(10, 20, 1400, 900, true))
                .withLastWorkspace("/data/ws one");
        store.save(s);

        assertThat(store.isFirstStart()).isFalse();
        assertThat(new SettingsStore(dir).load()).isEqualTo(s);
    }

    @Test
    void anUnplacedWindowStaysUnplaced() {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.DEFAULTS);

        Settings back = store.load();
        assertThat(back.window().placed()).isFalse();
        assertThat(back).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void damagedValuesFallBackOneByOne() throws IOException {
        Files.writeString(dir.resolve("settings.properties"),
                "theme=purple\nfont.size=huge\nwindow.width=1500\nworkspace.last=/w\n");

        Settings s = new SettingsStore(dir).load();
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.fontSize()).isEqualTo(Settings.DEFAULT_FONT_SIZE);
        assertThat(s.window().width()).isEqualTo(1500);
        assertThat(s.lastWorkspace()).isEqualTo("/w");
    }

    @Test
    void fontSizesStayReadable() {
        assertThat(Settings.DEFAULTS.withFontSize(2).fontSize()).isEqualTo(Settings.MIN_FONT_SIZE);
        assertThat(Settings.DEFAULTS.withFontSize(99).fontSize()).isEqualTo(Settings.MAX_FONT_SIZE);
    }

    @Test
    void theSystemPropertyMovesTheSettingsFolder() {
        String before = System.getProperty(SettingsStore.DIR_PROPERTY);
        try {
            System.setProperty(SettingsStore.DIR_PROPERTY, dir.toString());
            assertThat(SettingsStore.standard().file()).isEqualTo(dir.resolve("settings.properties"));
        } finally {
            if (before == null) {
                System.clearProperty(SettingsStore.DIR_PROPERTY);
            } else {
                System.setProperty(SettingsStore.DIR_PROPERTY, before);
            }
        }
    }
}
