package org.iomworkbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test extract folders kept on the test classpath, copied out because the loader reads folders. */
public final class Fixtures {
    private static final String HANDMADE = "/fixtures/handmade-extract/";
    private static final List<String> HANDMADE_FILES = List.of("harm_index.csv", "nominals.csv", "crimes.csv",
            "custody.csv", "prison.csv", "drug_tests.csv", "markers.csv", "truth/person_map.csv");

    private Fixtures() {
    }

    /**
     * Copies the small hand-made extract folder (see its README.md) into {@code dir}, created if
     * needed, and returns {@code dir}: 417 rows (84 nominals, 189 crimes), of which 2 crime rows are
     * rejected on purpose.
     */
    public static Path handmadeExtract(Path dir) {
        try {
            for (String name : HANDMADE_FILES) {
                Path to = dir.resolve(name);
                Files.createDirectories(to.getParent());
                try (InputStream in = Fixtures.class.getResourceAsStream(HANDMADE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("test fixture missing from the classpath: " + HANDMADE + name);
                    }
                    Files.copy(in, to);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
