package org.iomworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The workbench's version, from the build. */
public final class Version {
    private Version() {
    }

    public static String get() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/iomworkbench/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
