package org.iomworkbench.bench;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Settings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a new result costs the FX thread when it fills the tables on screen, as in the moment a
 * long task ends: three tables of twelve columns get new rows, and the CSS and layout pass that
 * follows is timed, with every table's rows at the measured fixed height (the workbench's look)
 * and with rows the theme sizes one by one (the generated row-height sheet taken away). The two
 * alternate, so that warming up favours neither. Prints figures; run with
 * {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=TableFillBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class TableFillBenchmark {
    private static final int TABLES = 3;
    private static final int COLUMNS = 12;
    private static final int ROUNDS = 60;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 1000, 700));
        stage.show();
    }

    private record Window(Scene scene, VBox root, List<TableView<String[]>> tables) {
    }

    private static Window window(boolean fixed) {
        List<TableView<String[]>> tables = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            TableView<String[]> table = new TableView<>();
            for (int c = 0; c < COLUMNS; c++) {
                int col = c;
                TableColumn<String[], String> column = new TableColumn<>("Column " + c);
                column.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue()[col]));
                table.getColumns().add(column);
            }
            table.setPrefHeight(220);
            tables.add(table);
        }
        VBox root = new VBox();
        root.getChildren().addAll(tables);
        Scene scene = new Scene(root, 1000, 700);
        Appearance.apply(scene, Settings.DEFAULTS);
        if (!fixed) {
            scene.getStylesheets().remove(2);
        }
        return new Window(scene, root, tables);
    }

    private static List<String[]> rows(int round) {
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            String[] row = new String[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = String.format(Locale.ROOT, "%d.%03d", round + r, c * 37 + r);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Puts new rows in every table and times the CSS and layout that follow, in ms. */
    private double fill(Window w, int round) {
        double[] ms = new double[1];
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage.getScene() != w.scene()) {
                stage.setScene(w.scene());
                w.root().applyCss();
                w.root().layout();
            }
            long t0 = System.nanoTime();
            for (TableView<String[]> t : w.tables()) {
                t.setItems(FXCollections.observableArrayList(rows(round)));
            }
            w.root().applyCss();
            w.root().layout();
            ms[0] = (System.nanoTime() - t0) / 1e6;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return ms[0];
    }

    @Test
    void fillingTablesWithFixedAndMeasuredRows() {
        String[] kinds = {"rows at the fixed height", "rows sized by the theme"};
        double[][] fresh = new double[2][ROUNDS];
        double[][] refill = new double[2][ROUNDS];
        Window[] kept = {window(true), window(false)};
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 2; k++) {
                // a new window: its rows and cells are created and styled afresh
                fresh[k][round] = fill(window(k == 0), round);
                // the same window again: new rows in tables whose cells exist (a view showing a new result)
                refill[k][round] = fill(kept[k], round);
            }
        }
        print("a new window's tables filled", kinds, fresh);
        print("the tables on screen refilled", kinds, refill);
        System.out.printf(Locale.ROOT, "  (%d tables of %d columns, 200 rows each, about 8 of them on screen)%n", TABLES, COLUMNS);
    }

    private static void print(String what, String[] kinds, double[][] ms) {
        System.out.println("  " + what + ":");
        for (int k = 0; k < 2; k++) {
            double[] warm = Arrays.copyOfRange(ms[k], 10, ROUNDS);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "    %-26s first %6.1f ms   median of the last %d %6.1f ms   (min %.1f, max %.1f)%n",
                    kinds[k], ms[k][0], warm.length, warm[warm.length / 2], warm[0], warm[warm.length - 1]);
        }
    }
}
