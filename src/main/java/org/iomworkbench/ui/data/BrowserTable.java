package org.iomworkbench.ui.data;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.TabRows;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a {@code TableView} to a {@link BrowserViewModel}: one column per table column, rows from
 * its {@link PagedRowList}, and column widths fitted to the first page once it arrives (the
 * table cannot measure rows it does not have yet).
 */
final class BrowserTable {
    private static final int ROWS_MEASURED = 50;
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final TableView<Row> table;
    private final BrowserViewModel browser;
    private final Label status;
    /** Set when the columns are new, so the next rows to arrive decide their widths. */
    private boolean fitPending = true;
    private ListChangeListener<Row> awaitingFirstPage;

    private BrowserTable(BrowserViewModel browser, TableView<Row> table, Label status) {
        this.browser = browser;
        this.table = table;
        this.status = status;
    }

    /**
     * Binds the table to the browser. Rows are shown only while {@code tab} is selected
     * ({@link TabRows}): behind another tab the table would build and style a screenful of rows,
     * and read their page, for nobody each time a load changes it.
     */
    static void bind(BrowserViewModel browser, TableView<Row> table, TextField filter, Label status, Tab tab) {
        new BrowserTable(browser, table, status).bind(filter, tab);
    }

    private void bind(TextField filter, Tab tab) {
        filter.textProperty().bindBidirectional(browser.filterProperty());
        status.textProperty().bind(browser.statusProperty());
        table.setRowFactory(t -> new BrowserRow());
        rebuildColumns();
        browser.columns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        TabRows.whileSelected(table, tab, browser.rowsProperty());
        table.itemsProperty().addListener((o, old, rows) -> fitWhenRowsArrive(old, rows));
        browser.totalProperty().addListener((o, a, total) -> fitLineColumn());
        // the rows stay in view while a new filter is counted, but must not pass for its answer
        browser.countingProperty().addListener((o, a, counting) -> table.pseudoClassStateChanged(STALE, counting));
        status.fontProperty().addListener((o, a, font) -> {
            if (!table.getItems().isEmpty() && table.getItems().get(0).isLoaded()) {
                fitColumns(table.getItems());
            }
        });
    }

    private void rebuildColumns() {
        List<TableColumn<Row, String>> out = new ArrayList<>();
        List<String> names = browser.columns();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<Row, String> col = new TableColumn<>(BrowserViewModel.heading(names.get(i)));
            // sorting would pull the whole table into memory; the database keeps it in source order
            col.setSortable(false);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    c.getValue().isLoaded() ? c.getValue().value(index) : index == 0 ? "…" : ""));
            out.add(col);
        }
        table.getColumns().setAll(out);
        fitPending = true;
    }

    private void fitWhenRowsArrive(ObservableList<Row> old, ObservableList<Row> rows) {
        if (awaitingFirstPage != null && old != null) {
            old.removeListener(awaitingFirstPage);
        }
        awaitingFirstPage = null;
        if (!fitPending || rows == null || rows.isEmpty()) {
            return;
        }
        if (rows.get(0).isLoaded()) {
            fitColumns(rows);
            return;
        }
        awaitingFirstPage = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Row> c) {
                if (rows.get(0).isLoaded()) {
                    rows.removeListener(this);
                    awaitingFirstPage = null;
                    fitColumns(rows);
                }
            }
        };
        rows.addListener(awaitingFirstPage);
    }

    /** Each column as wide as its heading or its widest cell among the first rows, within reason. */
    private void fitColumns(List<Row> rows) {
        fitPending = false;
        List<Row> first = rows.subList(0, Math.min(ROWS_MEASURED, rows.size())).stream().filter(Row::isLoaded).toList();
        Columns.fitToContent(table.getColumns(), first, status.getFont());
        fitLineColumn();
    }

    /** Line numbers grow towards the end of a table: room for the largest there can be. */
    private void fitLineColumn() {
        long rows = browser.totalProperty().get();
        for (TableColumn<Row, ?> col : table.getColumns()) {
            if (col.getText().equals("line") && rows > 0) {
                // one digit spare: rejected rows and line breaks inside cells push line numbers past the row count
                String widest = "0".repeat(Long.toString(rows).length() + 1);
                col.setPrefWidth(Math.max(col.getPrefWidth(), Columns.cellWidth(widest, status.getFont())));
            }
        }
    }

    /** A row that looks pending until its page has arrived. */
    private static final class BrowserRow extends TableRow<Row> {
        private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(LOADING, !empty && row != null && !row.isLoaded());
        }
    }
}
