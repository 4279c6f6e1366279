package org.iomworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every table's rows have one fixed height, the one the theme gives a row at the chosen font size. */
@ExtendWith(ApplicationExtension.class)
class RowHeightsFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 600, 600));
        stage.show();
    }

    private static TableView<String> table(String... styleClasses) {
        TableView<String> t = new TableView<>(FXCollections.observableArrayList("Anne", "Bob", "Carl"));
        TableColumn<String, String> c = new TableColumn<>("Name");
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue()));
        t.getColumns().add(c);
        t.getStyleClass().addAll(styleClasses);
        if (t.getStyleClass().contains(RowHeights.MONO_ROWS)) {
            TableColumn<String, String> id = new TableColumn<>("Id");
            id.getStyleClass().add("mono");
            id.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().toUpperCase()));
            t.getColumns().add(id);
        }
        return t;
    }

    private record Shown(TableView<String> plain, TableView<String> mono, TableView<String> browser,
                         TableView<String> queue) {
    }

    /** Three tables in the window with the given look; with {@code measured} false, without the generated sheet. */
    private Shown show(double fontSize, boolean measured) {
        List<Shown> out = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Shown s = new Shown(table(), table(RowHeights.MONO_ROWS), table("browser-table"), table("queue-table"));
            VBox root = new VBox(s.plain(), s.mono(), s.browser(), s.queue());
            Scene scene = new Scene(root, 600, 600);
            Appearance.apply(scene, Settings.DEFAULTS.withFontSize(fontSize));
            if (!measured) {
                scene.getStylesheets().remove(2);
            }
            stage.setScene(scene);
            root.applyCss();
            root.layout();
            out.add(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return out.get(0);
    }

    @Test
    void tablesGetTheRowHeightTheThemeGivesTheirRowsAtEachFontSize() {
        for (double size : new double[]{Settings.DEFAULTS.fontSize(), 20}) {
            Shown natural = show(size, false);
            double free = RowHeights.rowHeight(natural.plain());
            double freeMono = RowHeights.rowHeight(natural.mono());
            assertThat(natural.plain().getFixedCellSize()).as("no fixed size without the sheet").isLessThanOrEqualTo(0);
            assertThat(free).isGreaterThan(size);

            Shown fixed = show(size, true);
            assertThat(fixed.plain().getFixedCellSize()).as("font %s px", size).isCloseTo(free, within(0.01));
            assertThat(RowHeights.rowHeight(fixed.plain())).isCloseTo(free, within(0.01));
            assertThat(fixed.mono().getFixedCellSize()).as("monospaced, font %s px", size).isCloseTo(freeMono, within(0.01));
            // the tables that size their rows themselves keep their own rules
            assertThat(fixed.browser().getFixedCellSize()).isCloseTo(2 * size, within(0.01));
            assertThat(fixed.queue().getFixedCellSize()).isCloseTo(3.1 * size, within(0.01));
        }
    }

    @Test
    void aLargerFontGivesTallerRows() {
        double small = show(12, true).plain().getFixedCellSize();
        double large = show(22, true).plain().getFixedCellSize();
        assertThat(large).isGreaterThan(small + 5);
    }

    /** A table with a monospaced column carries the class that gives it rows of that font's height. */
    @Test
    void everyViewTableWithAMonospacedColumnHasMonospacedRows() throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        int tables = 0;
        int mono = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("fxml"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".fxml")).sorted().toList()) {
                org.w3c.dom.NodeList views = factory.newDocumentBuilder().parse(f.toFile()).getElementsByTagName("TableView");
                for (int i = 0; i < views.getLength(); i++) {
                    org.w3c.dom.Element t = (org.w3c.dom.Element) views.item(i);
                    if (t.getAttribute("fx:id").isEmpty()) {
                        continue; // a column resize policy's constant, not a table
                    }
                    tables++;
                    boolean hasMono = false;
                    org.w3c.dom.NodeList cols = t.getElementsByTagName("TableColumn");
                    for (int c = 0; c < cols.getLength(); c++) {
                        hasMono |= List.of(((org.w3c.dom.Element) cols.item(c)).getAttribute("styleClass").split("[ ,]+"))
                                .contains("mono");
                    }
                    boolean marked = List.of(t.getAttribute("styleClass").split("[ ,]+")).contains(RowHeights.MONO_ROWS);
                    assertThat(marked).as("%s in %s", t.getAttribute("fx:id"), f.getFileName()).isEqualTo(hasMono);
                    mono += hasMono ? 1 : 0;
                }
            }
        }
        assertThat(tables).isGreaterThan(20);
        assertThat(mono).isEqualTo(5);
    }
}
