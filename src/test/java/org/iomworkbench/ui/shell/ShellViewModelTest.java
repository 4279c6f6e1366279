package org.iomworkbench.ui.shell;

import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.Settings;
import org.iomworkbench.ui.common.SettingsStore;
import org.iomworkbench.ui.common.Theme;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    @TempDir
    Path dir;
    private final RecordingErrors errors = new RecordingErrors();
    private final WorkspaceSession session = new WorkspaceSession();
    private ShellViewModel vm;

    private ShellViewModel shell() {
        vm = new ShellViewModel(session, SameThreadTaskRunner.immediate(errors), new SettingsStore(dir.resolve("settings")));
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.closeWorkspace();
        }
    }

    @Test
    void openingAWorkspaceSharesItAndRemembersIt() {
        ShellViewModel shell = shell();
        Path ws = dir.resolve("ws");
        boolean[] then = {false};
        shell.openWorkspace(ws, () -> then[0] = true);

        assertThat(then[0]).isTrue();
        assertThat(errors.reports).isEmpty();
        assertThat(session.workspace()).isNotNull();
        assertThat(session.workspace().dir()).isEqualTo(ws.toAbsolutePath().normalize());
        assertThat(Files.isDirectory(ws.resolve("logs"))).isTrue();
        assertThat(shell.workspaceTextProperty().get()).isEqualTo("Workspace: " + ws.toAbsolutePath().normalize());
        assertThat(new SettingsStore(dir.resolve("settings")).load().lastWorkspace())
                .isEqualTo(ws.toAbsolutePath().normalize().toString());
        assertThat(shell.logFile()).isEqualTo(session.workspace().logsDir().resolve("workbench.log"));
    }

    @Test
    void aWorkspaceThatCannotBeOpenedIsReportedAndNothingChanges() throws Exception {
        ShellViewModel shell = shell();
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        boolean[] then = {false};
        shell.openWorkspace(notAFolder, () -> then[0] = true);

        assertThat(then[0]).isFalse();
        assertThat(session.workspace()).isNull();
        assertThat(errors.reports).singleElement()
                .satisfies(r -> assertThat(r.activity()).startsWith("Opening the workspace"));
        assertThat(shell.openingProperty().get()).isFalse();
        assertThat(shell.workspaceTextProperty().get()).isEqualTo("No workspace open");
    }

    @Test
    void theStartWorkspaceIsTheArgumentThenTheLastUsedThenTheDefault() {
        SettingsStore store = new SettingsStore(dir.resolve("settings"));
        ShellViewModel shell = shell();
        assertThat(shell.startWorkspace(LaunchOptions.parse(List.of()))).isEqualTo(store.defaultWorkspace());

        store.save(Settings.DEFAULTS.withLastWorkspace("/data/last"));
        ShellViewModel again = shell();
        assertThat(again.startWorkspace(LaunchOptions.parse(List.of()))).isEqualTo(Path.of("/data/last"));
        assertThat(again.startWorkspace(LaunchOptions.parse(List.of("--workspace", "/data/given"))))
                .isEqualTo(Path.of("/data/given"));
        assertThat(again.startWorkspace(LaunchOptions.parse(List.of("--sample-data"))))
                .isEqualTo(store.defaultWorkspace());
    }

    @Test
    void themeAndFontSizeAreSavedAtOnce() {
        ShellViewModel shell = shell();
        shell.toggleTheme();
        shell.biggerFont();
        shell.biggerFont();

        Settings saved = new SettingsStore(dir.resolve("settings")).load();
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.fontSize()).isEqualTo(Settings.DEFAULT_FONT_SIZE + 2);

        shell.resetFont();
        shell.smallerFont();
        assertThat(new SettingsStore(dir.resolve("settings")).load().fontSize()).isEqualTo(Settings.DEFAULT_FONT_SIZE - 1);
    }
}
