package org.iomworkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A part handed to {@link Pulses#afterNext} runs once, after the scene has been laid out, in an event of its own. */
@ExtendWith(ApplicationExtension.class)
class PulsesFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 300, 200));
        stage.show();
    }

    @Test
    void runsAfterTheNextLayoutAndOnlyOnce() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Label label = new Label();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage.getScene();
            ((VBox) scene.getRoot()).getChildren().add(label);
            java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
            scene.addPostLayoutPulseListener(() -> {
                if (first.getAndSet(false)) {
                    // the first layout of the label: the part has not run yet
                    order.add("laid out, width " + (label.getWidth() > 0));
                }
            });
            label.setText("the tables");
            Pulses.afterNext(scene, () -> order.add("part"));
            order.add("event over");
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> order.contains("part"));
        // more pulses pass: the part does not run again
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.asyncFx(() -> label.setText(label.getText() + ".")).get(5, TimeUnit.SECONDS);
            Thread.sleep(20);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(order).containsExactly("event over", "laid out, width true", "part");
    }

    @Test
    void runsAtOnceWithoutAScene() {
        List<String> order = new CopyOnWriteArrayList<>();
        Pulses.afterNext(null, () -> order.add("part"));
        assertThat(order).containsExactly("part");
    }
}
