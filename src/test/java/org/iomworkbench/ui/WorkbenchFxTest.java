package org.iomworkbench.ui;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.iomworkbench.ui.common.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the tests that drive the whole application headless share: the application they started
 * (closed after each test, with its stages and the settings folder they set), reading a label or
 * field on the FX thread, waiting for a condition with a sentence that names it, and giving the
 * window the keyboard before a shortcut is pressed.
 */
public abstract class WorkbenchFxTest extends FxRobot {
    /** The application a test started with {@code FxToolkit.setupApplication}, or null. */
    protected Application app;

    @AfterEach
    void closeTheApplication() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty(SettingsStore.DIR_PROPERTY);
    }

    /** The text of the label or field with this id. */
    protected String text(String id) throws Exception {
        return onFx(() -> {
            Node n = lookup(id).query();
            return n instanceof TextInputControl t ? t.getText() : ((Labeled) n).getText();
        });
    }

    protected static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    protected static void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("Timed out waiting until " + what);
        }
    }

    /**
     * Gives the window the keyboard, for shortcuts: a stage shown under Monocle does not get it by
     * itself, and gets it a little after it is asked to.
     */
    protected void focusWindow() throws TimeoutException {
        interact(() -> window().requestFocus());
        waitUntil("the window has the focus", () -> onFx(() -> window().isFocused()));
    }

    protected Window window() {
        return lookup("#content").query().getScene().getWindow();
    }
}
