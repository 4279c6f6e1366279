package org.iomworkbench.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import java.net.URL;
import java.util.List;
import java.util.Locale;

/**
 * Puts the theme and font size of {@link Settings} on a scene or dialog. The whole look is CSS:
 * the base stylesheet, one per theme, and the font size on the root, from which every size in
 * the stylesheets is derived (em units); and a generated one that gives every table the row height
 * measured for that theme and size ({@link RowHeights}).
 */
public final class Appearance {
    public static final String BASE_STYLESHEET = "workbench.css";

    private Appearance() {
    }

    public static void apply(Scene scene, Settings settings) {
        apply(scene.getStylesheets(), scene.getRoot(), settings);
    }

    /** For a dialog pane or any other root that has its own stylesheets. */
    public static void apply(Parent root, Settings settings) {
        apply(root.getStylesheets(), root, settings);
    }

    /** Gives a dialog its owner and the owner's look (theme and font size). */
    public static void matchWindow(Dialog<?> dialog, Window owner) {
        dialog.initOwner(owner);
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        pane.setStyle(owner.getScene().getRoot().getStyle());
    }

    private static void apply(ObservableList<String> stylesheets, Parent root, Settings settings) {
        List<String> themed = List.of(url(BASE_STYLESHEET), url(settings.theme().stylesheet()));
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", settings.fontSize());
        List<String> wanted = List.of(themed.get(0), themed.get(1), RowHeights.stylesheet(themed, style));
        if (!stylesheets.equals(wanted)) {
            stylesheets.setAll(wanted);
        }
        root.setStyle(style);
    }

    private static String url(String file) {
        URL u = Appearance.class.getResource("/fxml/" + file);
        if (u == null) {
            throw new IllegalStateException("The stylesheet /fxml/" + file + " is missing from the build");
        }
        return u.toExternalForm();
    }
}
