package org.iomworkbench.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.VBox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fixed row height for every table, the height the theme itself gives a table row at the
 * window's font size. A table whose rows have a fixed height lays out a new result without asking
 * every cell of every visible row for its preferred height, part of what the window does in the
 * moment a long task's results arrive ({@code TableFillBenchmark}: refilling three tables of twelve
 * columns, 16.5 against 19.7 ms warm). The height is measured, not assumed: probe tables are styled with the
 * window's stylesheets and font size and laid out off screen, and their rows' heights are what the
 * tables get, through a small generated stylesheet ({@code .table-view { -fx-fixed-cell-size: …px; }}).
 * A table with a monospaced column carries the style class {@value #MONO_ROWS} and gets the height
 * of a row in that font (taller than the system font's at large sizes; the same at the default).
 * Tables with a row height of their own in {@code workbench.css} (the row browser, the review
 * queue) keep theirs: their rules are the more specific.
 * <p>
 * FX thread only; measured once per look (stylesheets and font size).
 */
final class RowHeights {
    /** The style class of a table with a monospaced column ({@code .table-column.mono}): its rows are measured with that font. */
    static final String MONO_ROWS = "mono-rows";

    private static final Map<String, String> STYLESHEETS = new HashMap<>();

    private RowHeights() {
    }

    /** A stylesheet (a {@code data:} URL) giving every table the rows measured for this look. */
    static String stylesheet(List<String> stylesheets, String rootStyle) {
        return STYLESHEETS.computeIfAbsent(String.join("\n", stylesheets) + "\n" + rootStyle, k -> {
            double[] h = measure(stylesheets, rootStyle);
            return "data:text/css;base64," + Base64.getEncoder().encodeToString(css(h[0], h[1]).getBytes(StandardCharsets.UTF_8));
        });
    }

    static String css(double rowHeight, double monoRowHeight) {
        return String.format(Locale.ROOT, ".table-view { -fx-fixed-cell-size: %.2fpx; }%n"
                + ".table-view.%s { -fx-fixed-cell-size: %.2fpx; }%n", rowHeight, MONO_ROWS, monoRowHeight);
    }

    /**
     * The height of a row of text (with a check box column too), and of a row with a monospaced
     * column (whose font is the taller at large sizes), as the theme lays them out unfixed.
     */
    static double[] measure(List<String> stylesheets, String rootStyle) {
        TableView<String> text = probe(column("Text", null), tick());
        TableView<String> mono = probe(column("Text", null), column("Mono", "mono"));
        VBox root = new VBox(text, mono);
        root.setStyle(rootStyle);
        Scene scene = new Scene(root, 400, 400);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.resize(400, 400);
        root.layout();
        return new double[]{rowHeight(text), rowHeight(mono)};
    }

    private static TableView<String> probe(TableColumn<String, ?> a, TableColumn<String, ?> b) {
        TableView<String> t = new TableView<>(FXCollections.observableArrayList("Xg 0,9"));
        t.getColumns().add(a);
        t.getColumns().add(b);
        t.setPrefHeight(150);
        return t;
    }

    private static TableColumn<String, String> column(String name, String styleClass) {
        TableColumn<String, String> c = new TableColumn<>(name);
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue()));
        return c;
    }

    private static TableColumn<String, Boolean> tick() {
        TableColumn<String, Boolean> c = new TableColumn<>("Tick");
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(Boolean.TRUE));
        c.setCellFactory(col -> new CheckBoxTableCell<>());
        return c;
    }

    /** The tallest laid-out row of a table that holds items. */
    static double rowHeight(TableView<?> probe) {
        double height = 0;
        for (Node n : probe.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && !row.isEmpty()) {
                height = Math.max(height, row.getHeight());
            }
        }
        if (!(height > 0)) {
            throw new IllegalStateException("The probe table laid out no row");
        }
        return height;
    }
}
