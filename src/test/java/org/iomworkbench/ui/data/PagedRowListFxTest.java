package org.iomworkbench.ui.data;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iomworkbench.ui.common.FxTaskRunner;
import org.iomworkbench.ui.common.RecordingErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A real TableView over ten million rows that exist only as pages read on demand. */
@ExtendWith(ApplicationExtension.class)
class PagedRowListFxTest {
    private static final int TEN_MILLION = 10_000_000;

    private final RecordingErrors errors = new RecordingErrors();
    private final FxTaskRunner runner = new FxTaskRunner(errors);
    private final AtomicInteger pagesRead = new AtomicInteger();
    private TableView<Row> table;
    private PagedRowList rows;

    @Start
    void start(Stage stage) {
        rows = new PagedRowList(TEN_MILLION, (offset, limit) -> {
            pagesRead.incrementAndGet();
            List<String[]> page = new ArrayList<>();
            for (long i = offset; i < offset + limit; i++) {
                page.add(new String[]{Long.toString(i + 2), "P" + i});
            }
            return page;
        }, runner, "Reading rows");
        table = new TableView<>(rows);
        table.getStyleClass().add("browser-table");
        table.setFixedCellSize(24);
        for (int c = 0; c < 2; c++) {
            int index = c;
            TableColumn<Row, String> col = new TableColumn<>(c == 0 ? "line" : "id");
            col.setSortable(false);
            col.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().value(index)));
            table.getColumns().add(col);
        }
        stage.setScene(new Scene(table, 400, 500));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void jumpingToTheEndReadsOnlyThePagesOnScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstShown(robot).equals("P0"));

        robot.interact(() -> table.scrollTo(TEN_MILLION - 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastShown(robot).equals("P9999999"));

        assertThat(pagesRead.get()).isLessThanOrEqualTo(4);
        assertThat(rows.cachedPageCount()).isLessThanOrEqualTo(4);
        assertThat(errors.reports).isEmpty();
    }

    private String firstShown(FxRobot robot) throws Exception {
        return shown(robot, true);
    }

    private String lastShown(FxRobot robot) throws Exception {
        return shown(robot, false);
    }

    private String shown(FxRobot robot, boolean first) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableRow<?> pick = null;
            for (var n : table.lookupAll(".table-row-cell")) {
                TableRow<?> r = (TableRow<?>) n;
                if (r.isVisible() && !r.isEmpty() && r.getItem() != null
                        && (pick == null || (first ? r.getIndex() < pick.getIndex() : r.getIndex() > pick.getIndex()))) {
                    pick = r;
                }
            }
            return pick == null ? "" : ((Row) pick.getItem()).value(1);
        }).get(5, TimeUnit.SECONDS);
    }
}
