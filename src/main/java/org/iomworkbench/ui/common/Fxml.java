package org.iomworkbench.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads an {@link FxmlView} with a controller the caller has already built around its view
 * model, so controllers need no static state and no reflection-made dependencies.
 */
public final class Fxml {
    private Fxml() {
    }

    /** The view's root; the FXML's {@code fx:controller} must name {@code controller}'s class. */
    public static Parent load(FxmlView view, Object controller) {
        URL url = Fxml.class.getResource(view.resource());
        if (url == null) {
            throw new IllegalStateException("The view " + view.resource() + " is missing from the build");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(view.resource() + " wants a " + type.getName()
                        + " but was given a " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + view.resource() + " could not be built", e);
        }
    }
}
