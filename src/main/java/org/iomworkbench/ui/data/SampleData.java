package org.iomworkbench.ui.data;

import org.iomworkbench.core.load.ExtractFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The fictional extract bundled with the workbench (classpath {@code /sample-data/}), so that a
 * newcomer sees real-looking data at once. The loader reads folders, so the files are copied
 * out first.
 */
public final class SampleData {
    private static final String RESOURCE_DIR = "/sample-data/";

    private SampleData() {
    }

    /** Copies every bundled extract file into {@code dir} (created if needed) and returns it. */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        int copied = 0;
        for (ExtractFile f : ExtractFile.values()) {
            try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE_DIR + f.fileName())) {
                if (in != null) {
                    Files.copy(in, dir.resolve(f.fileName()), StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IOException("the bundled sample data is missing from this build of the workbench");
        }
        return dir;
    }

    /** Removes what {@link #copyTo} put in {@code dir}, and {@code dir} when that leaves it empty. */
    public static void remove(Path dir) throws IOException {
        for (ExtractFile f : ExtractFile.values()) {
            Files.deleteIfExists(dir.resolve(f.fileName()));
        }
        try (var left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }
}
