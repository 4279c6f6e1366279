package org.iomworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

/** Parts of a view that appear only when they have something to say, and take no room otherwise. */
public final class Visibility {
    private Visibility() {
    }

    /** Shows {@code node}, and gives it room in the layout, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Binds the label's text and shows the label only while the text is not empty. */
    public static void showText(Labeled label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhen(label, label.textProperty().isNotEmpty());
    }
}
