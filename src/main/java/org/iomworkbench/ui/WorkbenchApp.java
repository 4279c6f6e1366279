package org.iomworkbench.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application. */
public final class WorkbenchApp extends Application {
    public static void launchWith(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
