package org.iomworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;

/**
 * A table that shows its rows only while its tab is selected. JavaFX lays out the content of every
 * tab of a tab pane, selected or not, so a table behind another tab builds and styles a screenful
 * of rows each time its list changes (a link, a scoring, a model run), for nobody. Bound so, it
 * builds them when its tab is opened. For tables whose selection nothing else follows: a table
 * emptied while hidden loses its selection.
 */
public final class TabRows {
    private TabRows() {
    }

    public static <T> void whileSelected(TableView<T> table, Tab tab, ObservableList<T> rows) {
        whileSelected(table, tab, new ReadOnlyObjectWrapper<>(rows));
    }

    /** The same for a list that is replaced whole (a new query's rows). */
    public static <T> void whileSelected(TableView<T> table, Tab tab, ObservableValue<? extends ObservableList<T>> rows) {
        ObservableList<T> none = FXCollections.emptyObservableList();
        table.itemsProperty().bind(Bindings.createObjectBinding(() -> tab.isSelected() ? rows.getValue() : none,
                tab.selectedProperty(), rows));
    }
}
