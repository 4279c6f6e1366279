package org.iomworkbench.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.iomworkbench.Fixtures;
import org.iomworkbench.ui.common.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application, headless: started as {@code Main} starts it, with a temporary
 * workspace and settings folder, and driven through its controls and keyboard shortcuts.
 */
class WorkbenchAppFxTest extends WorkbenchFxTest {
    @TempDir
    Path dir;
    private Path settingsDir;

    @BeforeEach
    void settings() throws Exception {
        settingsDir = dir.resolve("settings");
        Files.createDirectories(settingsDir);
        // smaller than Monocle's default screen, so every control can be clicked
        Files.writeString(settingsDir.resolve("settings.properties"), "window.width=1200\nwindow.height=760\n");
        System.setProperty(SettingsStore.DIR_PROPERTY, settingsDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    private void start(String... args) throws Exception {
        app = FxToolkit.setupApplication(WorkbenchApp.class, args);
        waitUntil("the workspace is open", () -> text("#workspaceLabel").startsWith("Workspace:"));
    }

    @Test
    void loadingAFolderThroughTheDataViewShowsItsCountsAndRejections() throws Exception {
        start("--workspace", dir.resolve("ws").toString());
        waitUntil("the empty workspace offers the sample", () -> onFx(() -> lookup("#emptyState").query().isVisible()));
        Path extract = Fixtures.handmadeExtract(dir.resolve("extract"));

        clickOn("#folderField").write(extract.toString());
        clickOn("#loadButton");
        waitUntil("the load has finished", () -> text("#noticeLabel").startsWith("Snapshot 1 loaded"));

        assertThat(text("#noticeLabel")).startsWith("Snapshot 1 loaded: 417 rows read, 415 accepted, 2 rejected");
        // the summary is read after the load, by a task of its own
        waitUntil("the summary is shown", () -> text("#rowsReadValue").equals("417"));
        assertThat(text("#acceptedValue")).isEqualTo("415");
        assertThat(text("#rejectedValue")).isEqualTo("2");
        assertThat(onFx(() -> lookup("#emptyState").query().isVisible())).isFalse();
        waitUntil("the files are drawn", () -> rendered("#filesTable").size() == 7);
        List<List<String>> files = rendered("#filesTable");
        assertThat(files).anySatisfy(row -> assertThat(row).startsWith("nominals.csv", "84", "84", "0"));
        assertThat(files).anySatisfy(row -> assertThat(row).startsWith("crimes.csv", "189", "187", "2"));
        assertThat(text("#snapshotTitle")).startsWith("Snapshot 1 · extract ");
    }

    @Test
    void theSampleDataOpensWithTheArgumentAndEveryStepAnswersItsShortcut() throws Exception {
        start("--workspace", dir.resolve("ws").toString(), "--sample-data", "--view", "audit");
        waitUntil("the sample is loaded and audited", () -> text("#statusLabel").startsWith("Intact: 1 entry"));
        waitUntil("the entry is drawn", () -> rendered("#entriesTable").size() == 1);
        assertThat(rendered("#entriesTable")).singleElement()
                .satisfies(row -> assertThat(row).contains("1", "load", "snapshot.created"));
        clickOn("#verifyButton");
        waitUntil("verified again", () -> text("#statusLabel").startsWith("Intact: 1 entry, every link verified."));

        focusWindow();
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        // the generated sample in sample-data/: 31,331 rows, none rejected, 4,427 nominals
        waitUntil("the Data view shows", () -> text("#rowsReadValue").equals("31,331"));
        assertThat(text("#acceptedValue")).isEqualTo("31,331");
        assertThat(text("#rejectedValue")).isEqualTo("0");

        push(KeyCode.CONTROL, KeyCode.F);
        waitUntil("the filter has the cursor", () -> onFx(() -> lookup("#filterField").query().isFocused()));
        waitUntil("the nominals are browsed", () -> text("#tableStatus").equals("4,427 rows"));
        waitUntil("their first page has arrived", () -> rendered("#browserTable").stream()
                .anyMatch(row -> row.contains("CR0000012345")));
        write("cr1103527590");
        waitUntil("the filter is applied", () -> text("#tableStatus").equals("1 of 4,427 rows match “cr1103527590”"));
        waitUntil("the matching row has arrived", () -> rendered("#browserTable").size() == 1
                && rendered("#browserTable").get(0).contains("CR1103527590"));

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil("Match & merge shows", () -> text("#statusLabel").equals(
                "Snapshot 1 has not been linked yet. Press Link (Ctrl+K) to resolve its person records into persons."));

        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil("Scores shows", () -> text("#statusLabel").startsWith("Snapshot 1 has not been linked yet. Run Match & merge first (step 2)"));

        push(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil("Models shows", () -> text("#statusLabel").startsWith("No model run yet."));

        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitUntil("Validation shows", () -> text("#statusLabel").startsWith("No model run yet"));

        push(KeyCode.CONTROL, KeyCode.DIGIT6);
        waitUntil("Publish shows", () -> text("#statusLabel").startsWith("Publishing needs a saved scoring run"));

        push(KeyCode.F1);
        waitUntil("Help shows", () -> onFx(() -> lookup("#shortcutsGrid").tryQuery().isPresent()));
        List<String> help = onFx(() -> lookup("#shortcutsGrid .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList());
        assertThat(help).contains("Ctrl+7", "Go to step 7, Audit", "F1", "Ctrl+L", "Load an extract folder", "Ctrl+K", "A",
                "Review queue: accept the pair, the two records are the same person");
    }

    @Test
    void themeAndFontSizeChangeAtOnceAndAreRemembered() throws Exception {
        start("--workspace", dir.resolve("ws").toString());
        focusWindow();

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitUntil("the dark theme is on", () -> onFx(() -> window().getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("theme-dark.css"))));
        push(KeyCode.CONTROL, KeyCode.EQUALS);
        waitUntil("the text is larger", () -> onFx(() -> window().getScene().getRoot().getStyle())
                .equals("-fx-font-size: 14.0px;"));

        String saved = Files.readString(settingsDir.resolve("settings.properties"));
        assertThat(saved).contains("theme=dark").contains("font.size=14.0")
                .contains("workspace.last=" + dir.resolve("ws").toAbsolutePath().normalize());
    }

    @Test
    void controlsCarryNamesForScreenReaders() throws Exception {
        start("--workspace", dir.resolve("ws").toString());
        for (String id : List.of("#folderField", "#datePicker", "#loadButton", "#snapshotList", "#filterField",
                "#browserTable", "#exportButton", "#nav")) {
            String name = onFx(() -> lookup(id).query().getAccessibleText());
            assertThat(name).as("accessible text of %s", id).isNotBlank();
        }
    }

    /** The texts of the table's rows as they are drawn, top to bottom; rows still loading are left out. */
    private List<List<String>> rendered(String tableId) throws Exception {
        return onFx(() -> {
            TableView<?> table = lookup(tableId).queryAs(TableView.class);
            List<TableRow<?>> rows = new ArrayList<>();
            for (Node n : table.lookupAll(".table-row-cell")) {
                TableRow<?> r = (TableRow<?>) n;
                if (!r.isEmpty() && r.getItem() != null && r.isVisible() && !r.getPseudoClassStates().toString().contains("loading")) {
                    rows.add(r);
                }
            }
            rows.sort(Comparator.comparingInt(TableRow::getIndex));
            List<List<String>> out = new ArrayList<>();
            for (TableRow<?> r : rows) {
                List<String> cells = new ArrayList<>();
                for (Node c : ((Parent) r).getChildrenUnmodifiable()) {
                    if (c instanceof TableCell<?, ?> cell) {
                        cells.add(cell.getText() == null ? "" : cell.getText());
                    }
                }
                out.add(cells);
            }
            return out;
        });
    }
}
