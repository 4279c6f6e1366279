package org.iomworkbench.ui.data;

import javafx.collections.ObservableListBase;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.TaskRunner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one query, as a list that a {@code TableView} can show however long it is. The
 * list claims its full size at once but holds only a few pages: asking for a row whose page is
 * not cached returns a {@link Row#loading} stand-in and asks the database for the page in the
 * background; when the page arrives its rows are announced as updated, and the table redraws.
 *
 * <p>Fetches go one at a time, most recently wanted page first, and only the last few wanted
 * pages are remembered, so scrolling fast through millions of rows reads what is on screen
 * rather than every page passed on the way. The cache keeps the most recently used pages.
 * Used on the UI thread only; read-only.
 */
public final class PagedRowList extends ObservableListBase<Row> {

    /** Where pages come from: rows {@code offset} to {@code offset + limit - 1} of the query. */
    @FunctionalInterface
    public interface PageSource {
        List<String[]> page(long offset, int limit);
    }

    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_PAGES = 40;
    /** More pages than any screen shows at once, so a visible page is never forgotten. */
    static final int MAX_WANTED = 8;

    private final int size;
    private final int pageSize;
    private final PageSource source;
    private final TaskRunner runner;
    private final String description;
    private final Map<Integer, List<Row>> cache;
    /** Pages asked for and not yet fetched, most recently wanted last. */
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private Integer fetching;
    private boolean closed;
    private int fetches;

    /**
     * @param size        rows in the query; beyond {@code Integer.MAX_VALUE} only the first are shown
     * @param description what a failed fetch was doing, for the error dialog
     */
    public PagedRowList(long size, PageSource source, TaskRunner runner, String description) {
        this(size, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES, source, runner, description);
    }

    PagedRowList(long size, int pageSize, int maxPages, PageSource source, TaskRunner runner, String description) {
        this.size = (int) Math.min(Integer.MAX_VALUE, Math.max(0, size));
        this.pageSize = pageSize;
        this.source = source;
        this.runner = runner;
        this.description = description;
        this.cache = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<Row>> eldest) {
                return size() > maxPages;
            }
        };
    }

    /** An empty list, for when there is nothing to browse. */
    public static PagedRowList empty() {
        return new PagedRowList(0, (o, l) -> List.of(), null, "");
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Row get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / pageSize;
        Row cached = cached(page, index);
        if (cached != null) {
            return cached;
        }
        want(page);
        // a runner that fetches at once (tests) has filled the cache by now
        cached = cached(page, index);
        return cached != null ? cached : Row.loading(index);
    }

    private Row cached(int page, int index) {
        List<Row> rows = cache.get(page);
        int at = index - page * pageSize;
        return rows != null && at < rows.size() ? rows.get(at) : null;
    }

    /** Stops fetching: the list is no longer shown. Pages already asked for are ignored on arrival. */
    public void close() {
        closed = true;
        wanted.clear();
    }

    /** Pages read from the source so far (for tests and the curious). */
    public int fetchCount() {
        return fetches;
    }

    public int cachedPageCount() {
        return cache.size();
    }

    private void want(int page) {
        if (closed || (fetching != null && fetching == page)) {
            return;
        }
        wanted.remove(page);
        wanted.addLast(page);
        if (wanted.size() > MAX_WANTED) {
            wanted.removeFirst();
        }
        pump();
    }

    private void pump() {
        if (closed || fetching != null || wanted.isEmpty()) {
            return;
        }
        int page = wanted.removeLast();
        fetching = page;
        long offset = (long) page * pageSize;
        int limit = (int) Math.min(pageSize, size - offset);
        fetches++;
        runner.run(BackgroundTask.of(description, (progress, cancel) -> source.page(offset, limit))
                .onSuccess(rows -> arrived(page, offset, rows))
                .onFailure(e -> {
                    // the error is reported once; fetching on would repeat it for every row in view
                    fetching = null;
                    close();
                }));
    }

    private void arrived(int page, long offset, List<String[]> values) {
        fetching = null;
        if (closed) {
            return;
        }
        List<Row> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            rows.add(Row.loaded(offset + i, values.get(i)));
        }
        cache.put(page, rows);
        if (!rows.isEmpty()) {
            beginChange();
            for (int i = 0; i < rows.size(); i++) {
                nextUpdate((int) offset + i);
            }
            endChange();
        }
        pump();
    }
}
