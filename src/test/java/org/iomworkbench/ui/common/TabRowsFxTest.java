package org.iomworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A table behind another tab has no rows, and builds no row cells, until its tab is selected. */
@ExtendWith(ApplicationExtension.class)
class TabRowsFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 500, 400));
        stage.show();
    }

    @Test
    void rowsFollowTheTabSelection() throws Exception {
        ObservableList<String> rows = FXCollections.observableArrayList();
        TableView<String> table = new TableView<>();
        TableColumn<String, String> c = new TableColumn<>("Name");
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue()));
        table.getColumns().add(c);
        Tab front = new Tab("Front", new Label("front"));
        Tab behind = new Tab("Behind", table);
        TabPane tabs = new TabPane(front, behind);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().setRoot(new VBox(tabs));
            TabRows.whileSelected(table, behind, rows);
            rows.setAll("Anne", "Bob", "Carl");
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
        // laid out behind the front tab, the table made no cell for a row
        assertThat(table.lookupAll(".table-row-cell").stream().filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null))
                .isEmpty();

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(behind)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).containsExactly("Anne", "Bob", "Carl");
        WaitForAsyncUtils.asyncFx(() -> rows.add("Dora")).get(5, TimeUnit.SECONDS);
        assertThat(table.getItems()).containsExactly("Anne", "Bob", "Carl", "Dora");

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(front)).get(5, TimeUnit.SECONDS);
        assertThat(table.getItems()).isEmpty();
        assertThat(rows).containsExactly("Anne", "Bob", "Carl", "Dora");
        List<String> again = WaitForAsyncUtils.asyncFx(() -> {
            tabs.getSelectionModel().select(behind);
            return List.copyOf(table.getItems());
        }).get(5, TimeUnit.SECONDS);
        assertThat(again).containsExactly("Anne", "Bob", "Carl", "Dora");
    }
}
