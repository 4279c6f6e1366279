package org.iomworkbench;

import org.iomworkbench.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Entry point of {@code iom-workbench.jar}: a command runs headless; no command opens the
 * desktop application. Kept free of JavaFX types so that the jar's main class loads without
 * the JavaFX launcher checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (Cli.isCommand(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
        String noDisplay = noDisplay(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"));
        if (noDisplay != null) {
            err.println(noDisplay);
            System.exit(Cli.BAD_INPUT);
        }
        org.iomworkbench.ui.WorkbenchApp.launchWith(args);
    }

    /**
     * Why the window cannot open, or null if it can: on Linux and other X11/Wayland systems
     * without a display (a remote shell, a server), JavaFX would fail with a stack trace; the
     * analyst gets a sentence instead. Headless Monocle (the UI tests) needs none.
     */
    static String noDisplay(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "monocle".equalsIgnoreCase(glassPlatform)) {
            return null;
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "error: IOM Workbench's window needs a display, and this session has none (DISPLAY is not set)."
                + " Open it from the desktop, or run a command without a window: iom-workbench --help";
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }
}
