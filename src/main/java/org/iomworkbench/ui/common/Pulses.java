package org.iomworkbench.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Spreads the display of a result over frames. A view that fills several tables and charts from
 * one result would style and lay out all their new cells and nodes in one pulse; the FX thread is
 * then blocked for the sum. A part handed to {@link #afterNext} is built after the next pulse
 * has laid out the scene, with the events that arrived meanwhile (input, progress) handled in
 * between.
 */
public final class Pulses {
    private Pulses() {
    }

    /**
     * Runs {@code part} on the FX thread after the scene's next layout pass, as an event of its
     * own; at once when there is no scene (a view not on screen lays nothing out).
     */
    public static void afterNext(Scene scene, Runnable part) {
        if (scene == null) {
            part.run();
            return;
        }
        boolean[] posted = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            // the scene is walking its listeners: it is removed from the event, not from here
            if (!posted[0]) {
                posted[0] = true;
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    part.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
