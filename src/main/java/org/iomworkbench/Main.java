package org.iomworkbench;

import org.iomworkbench.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code iom-workbench.jar}: a command runs headless; no command opens the
 * desktop application. Kept free of JavaFX types so that the jar's main class loads without
 * the JavaFX launcher checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
        org.iomworkbench.ui.WorkbenchApp.launchWith(args);
    }
}
