package org.iomworkbench.ui.data;

import javafx.collections.ListChangeListener;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedRowListTest {
    private static final long TEN_MILLION = 10_000_000L;

    private final RecordingErrors errors = new RecordingErrors();
    private final SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
    /** Offsets asked of the source, in order. */
    private final List<Long> asked = new ArrayList<>();

    /** A table whose row i holds "r" + i, read a page at a time like TableBrowser.page. */
    private PagedRowList.PageSource source(long size) {
        return (offset, limit) -> {
            asked.add(offset);
            List<String[]> rows = new ArrayList<>();
            for (long i = offset; i < Math.min(size, offset + limit); i++) {
                rows.add(new String[]{"r" + i, "x"});
            }
            return rows;
        };
    }

    @Test
    void claimsItsFullSizeWithoutReadingAnything() {
        PagedRowList list = new PagedRowList(TEN_MILLION, source(TEN_MILLION), runner, "reading");

        assertThat(list.size()).isEqualTo(10_000_000);
        assertThat(asked).isEmpty();
    }

    @Test
    void aRowNotYetReadIsAStandInUntilItsPageArrives() {
        PagedRowList list = new PagedRowList(TEN_MILLION, source(TEN_MILLION), runner, "reading");
        List<int[]> updated = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                assertThat(c.wasUpdated()).isTrue();
                updated.add(new int[]{c.getFrom(), c.getTo()});
            }
        });

        Row before = list.get(7_654_321);
        assertThat(before.isLoaded()).isFalse();
        assertThat(before.value(0)).isEmpty();
        assertThat(asked).isEmpty();

        runner.runPending();

        assertThat(asked).containsExactly(7_654_000L);
        assertThat(updated).singleElement().satisfies(r -> assertThat(r).containsExactly(7_654_000, 7_654_500));
        Row after = list.get(7_654_321);
        assertThat(after.isLoaded()).isTrue();
        assertThat(after.value(0)).isEqualTo("r7654321");
        assertThat(after.index()).isEqualTo(7_654_321);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aPageIsReadOnceHoweverOftenItsRowsAreAskedFor() {
        PagedRowList list = new PagedRowList(2_000, source(2_000), runner, "reading");
        for (int i = 0; i < 500; i++) {
            list.get(i);
        }
        runner.runPending();
        for (int i = 0; i < 500; i++) {
            assertThat(list.get(i).isLoaded()).isTrue();
        }
        runner.runPending();

        assertThat(asked).containsExactly(0L);
        assertThat(list.fetchCount()).isEqualTo(1);
    }

    @Test
    void theLastPageIsShort() {
        PagedRowList list = new PagedRowList(1_203, source(1_203), runner, "reading");
        list.get(1_202);
        runner.runPending();

        assertThat(list.get(1_202).value(0)).isEqualTo("r1202");
        assertThatThrownBy(() -> list.get(1_203)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theLeastRecentlyUsedPagesAreForgotten() {
        PagedRowList list = new PagedRowList(100_000, 100, 3, source(100_000), runner, "reading");
        for (int page : new int[]{0, 1, 2}) {
            list.get(page * 100);
            runner.runPending();
        }
        list.get(0);       // page 0 is now the most recently used, page 1 the least
        list.get(300);     // a fourth page pushes page 1 out
        runner.runPending();

        assertThat(list.cachedPageCount()).isEqualTo(3);
        assertThat(list.get(0).isLoaded()).isTrue();
        assertThat(list.get(150).isLoaded()).isFalse();
        runner.runPending();
        assertThat(list.get(150).isLoaded()).isTrue();
        assertThat(asked).containsExactly(0L, 100L, 200L, 300L, 100L);
    }

    @Test
    void scrollingFastReadsWhereTheAnalystStoppedNotEveryPagePassed() {
        PagedRowList list = new PagedRowList(TEN_MILLION, source(TEN_MILLION), runner, "reading");
        // a fling through 100 pages, asked for faster than any page arrives
        for (int page = 0; page < 100; page++) {
            list.get(page * 500 * 100);
        }
        runner.runPending();

        // the first page asked for was already on its way; after it, the most recent first,
        // and only the last few that were wanted
        assertThat(asked.get(0)).isZero();
        assertThat(asked.get(1)).isEqualTo(99L * 500 * 100);
        assertThat(asked).hasSize(1 + PagedRowList.MAX_WANTED);
    }

    @Test
    void aClosedListStopsReadingAndIgnoresLatePages() {
        PagedRowList list = new PagedRowList(5_000, source(5_000), runner, "reading");
        list.get(10);
        list.close();
        runner.runPending();
        list.get(1_000);
        runner.runPending();

        assertThat(list.get(10).isLoaded()).isFalse();
        assertThat(asked).containsExactly(0L);
    }

    @Test
    void aFailedReadIsReportedOnceAndReadingStops() {
        PagedRowList list = new PagedRowList(5_000, (o, l) -> {
            asked.add(o);
            throw new WorkbenchException("The workspace database reported an error: gone", "See the log.", false);
        }, runner, "Reading rows of the table nominals");
        list.get(0);
        runner.runPending();
        list.get(2_000);
        runner.runPending();

        assertThat(errors.reports).singleElement()
                .satisfies(r -> assertThat(r.activity()).isEqualTo("Reading rows of the table nominals"));
        assertThat(asked).containsExactly(0L);
    }

    @Test
    void anEmptyListReadsNothing() {
        PagedRowList list = PagedRowList.empty();
        assertThat(list).isEmpty();
    }
}
