package org.iomworkbench.ui.data;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.browse.TableBrowser;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Debouncer;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Browses one table of a snapshot: choose the snapshot and table, type a filter, and the rows
 * appear in a {@link PagedRowList}. Changing the snapshot or table re-queries at once; typing a
 * filter re-queries once typing pauses. Only the latest query's answer is shown, however the
 * answers arrive.
 */
public final class BrowserViewModel {
    static final Duration FILTER_DELAY = Duration.ofMillis(300);

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Debouncer filterDebouncer;
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final StringProperty table = new SimpleStringProperty(this, "table");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ReadOnlyObjectWrapper<PagedRowList> rows = new ReadOnlyObjectWrapper<>(this, "rows", PagedRowList.empty());
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", -1);
    private final ReadOnlyLongWrapper matching = new ReadOnlyLongWrapper(this, "matching", -1);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long query;

    public BrowserViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        this.filterDebouncer = new Debouncer(runner, FILTER_DELAY);
        snapshot.addListener((o, a, b) -> requery());
        table.addListener((o, a, b) -> requery());
        filter.addListener((o, a, b) -> filterDebouncer.submit(this::requery));
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    public StringProperty tableProperty() {
        return table;
    }

    /** Text to look for in any column, case-insensitively; blank shows every row. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Column headings of the table: the source line, then its own columns. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    public ReadOnlyObjectProperty<PagedRowList> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Rows in the table, or -1 before the first count. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Rows matching the filter, or -1 before the first count. */
    public ReadOnlyLongProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** The count in words, e.g. "3 of 84 rows match “smith”". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Queries the table as the properties now say, at once; a filter change still waiting is included. */
    public void requery() {
        filterDebouncer.cancel();
        long id = ++query;
        Snapshot s = snapshot.get();
        Workspace ws = session.workspace();
        String t = table.get();
        String f = filter.get() == null ? "" : filter.get().strip();
        if (s == null || ws == null || t == null) {
            counting.set(false);
            columns.clear();
            show(PagedRowList.empty());
            total.set(-1);
            matching.set(-1);
            status.set("");
            return;
        }
        counting.set(true);
        status.set(f.isEmpty() ? "Counting rows…" : "Looking for “" + f + "”…");
        TableBrowser browser = new TableBrowser(ws);
        runner.run(BackgroundTask.of("Reading the table " + label(t), (progress, cancel) -> {
                    List<String> cols = browser.columns(s, t);
                    long all = browser.count(s, t, "");
                    long match = f.isEmpty() ? all : browser.count(s, t, f);
                    return new Count(cols, all, match);
                })
                .onSuccess(c -> {
                    if (id != query) {
                        return;
                    }
                    if (!columns.equals(c.columns())) {
                        columns.setAll(c.columns());
                    }
                    total.set(c.total());
                    matching.set(c.matching());
                    show(new PagedRowList(c.matching(), (offset, limit) -> browser.page(s, t, f, offset, limit),
                            runner, "Reading rows of the table " + label(t)));
                    counting.set(false);
                    status.set(describe(c.total(), c.matching(), f));
                })
                .onFailure(e -> {
                    if (id == query) {
                        counting.set(false);
                        status.set("The table could not be read.");
                    }
                }));
    }

    private void show(PagedRowList next) {
        PagedRowList old = rows.get();
        rows.set(next);
        old.close();
    }

    /** A table's name as the analyst reads it: {@code DRUG_TESTS} is "drug tests". */
    public static String label(String table) {
        return table == null ? "" : table.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A column's heading: its name in the database, except the rejections' two whose names
     * had to avoid SQL words, which read as in the rejections export.
     */
    public static String heading(String column) {
        return switch (column) {
            case "column_name" -> "column";
            case "cell_value" -> "value";
            default -> column;
        };
    }

    static String describe(long total, long matching, String filter) {
        String s;
        if (filter.isEmpty()) {
            s = Format.plural(total, "row", "rows");
        } else if (matching == 0) {
            s = "No rows of " + Format.count(total) + " match “" + filter + "”";
        } else {
            s = Format.count(matching) + " of " + Format.plural(total, "row", "rows") + " match “" + filter + "”";
        }
        if (matching > Integer.MAX_VALUE) {
            s += "; the first " + Format.count(Integer.MAX_VALUE) + " can be scrolled";
        }
        return s;
    }

    private record Count(List<String> columns, long total, long matching) {
    }
}
