package org.iomworkbench.ui.common;

/**
 * What the workbench remembers between sessions. A value: change it with the {@code with…}
 * methods and hand the result to whoever stores it.
 *
 * @param theme         light or dark
 * @param fontSize      base font size in pixels, between {@link #MIN_FONT_SIZE} and {@link #MAX_FONT_SIZE}
 * @param window        the main window's place and size last time
 * @param lastWorkspace the workspace folder opened last, or null before the first one opens
 */
public record Settings(Theme theme, double fontSize, WindowBounds window, String lastWorkspace) {
    public static final double DEFAULT_FONT_SIZE = 13;
    public static final double MIN_FONT_SIZE = 9;
    public static final double MAX_FONT_SIZE = 24;
    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, DEFAULT_FONT_SIZE, WindowBounds.DEFAULT, null);

    public Settings {
        fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, fontSize));
    }

    public Settings withTheme(Theme t) {
        return new Settings(t, fontSize, window, lastWorkspace);
    }

    public Settings withFontSize(double size) {
        return new Settings(theme, size, window, lastWorkspace);
    }

    public Settings withWindow(WindowBounds w) {
        return new Settings(theme, fontSize, w, lastWorkspace);
    }

    public Settings withLastWorkspace(String dir) {
        return new Settings(theme, fontSize, window, dir);
    }

    /**
     * The main window's geometry; x and y are NaN when the window manager should place it.
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public static final WindowBounds DEFAULT = new WindowBounds(Double.NaN, Double.NaN, 1280, 820, false);

        public WindowBounds {
            // a size never measured (a window closed before it was shown) falls back to the default
            width = Double.isFinite(width) ? Math.max(640, width) : 1280;
            height = Double.isFinite(height) ? Math.max(480, height) : 820;
        }

        public boolean placed() {
            return !Double.isNaN(x) && !Double.isNaN(y);
        }
    }
}
