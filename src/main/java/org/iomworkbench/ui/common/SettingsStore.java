package org.iomworkbench.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Keeps {@link Settings} in {@code settings.properties} in the settings folder:
 * {@code ~/.iom-workbench} unless the system property {@value #DIR_PROPERTY} names another (tests
 * use that to stay out of the real home). A missing or damaged file gives the defaults: settings
 * are a convenience and must never stop the workbench from starting.
 */
public final class SettingsStore {
    public static final String DIR_PROPERTY = "iom.settings.dir";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String FILE = "settings.properties";

    private final Path dir;

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    /** The store in the folder the system property names, or in {@code ~/.iom-workbench}. */
    public static SettingsStore standard() {
        String override = System.getProperty(DIR_PROPERTY);
        Path dir = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".iom-workbench");
        return new SettingsStore(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** Where a newcomer's workspace lives: {@code workspace} in the settings folder. */
    public Path defaultWorkspace() {
        return dir.resolve("workspace");
    }

    /** True before the workbench has ever saved settings here: the very first start. */
    public boolean isFirstStart() {
        return !Files.exists(file());
    }

    public Settings load() {
        Path f = file();
        if (!Files.exists(f)) {
            return Settings.DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the settings in {}; using the defaults", f, e);
            return Settings.DEFAULTS;
        }
        Settings d = Settings.DEFAULTS;
        Settings.WindowBounds w = d.window();
        String last = p.getProperty("workspace.last");
        return new Settings(
                theme(p.getProperty("theme"), d.theme()),
                number(p, "font.size", d.fontSize()),
                new Settings.WindowBounds(number(p, "window.x", w.x()), number(p, "window.y", w.y()),
                        number(p, "window.width", w.width()), number(p, "window.height", w.height()),
                        Boolean.parseBoolean(p.getProperty("window.maximized", "false"))),
                last == null || last.isBlank() ? null : last);
    }

    /** Writes the settings; a failure is logged, not raised, since it costs only a preference. */
    public void save(Settings s) {
        Properties p = new Properties();
        p.setProperty("theme", s.theme().name().toLowerCase(Locale.ROOT));
        p.setProperty("font.size", Double.toString(s.fontSize()));
        p.setProperty("window.x", Double.toString(s.window().x()));
        p.setProperty("window.y", Double.toString(s.window().y()));
        p.setProperty("window.width", Double.toString(s.window().width()));
        p.setProperty("window.height", Double.toString(s.window().height()));
        p.setProperty("window.maximized", Boolean.toString(s.window().maximized()));
        if (s.lastWorkspace() != null) {
            p.setProperty("workspace.last", s.lastWorkspace());
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "settings", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "IOM Workbench settings");
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save the settings to {}", file(), e);
        }
    }

    private static Theme theme(String value, Theme fallback) {
        if (value != null) {
            for (Theme t : Theme.values()) {
                if (t.name().equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
        }
        return fallback;
    }

    private static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
