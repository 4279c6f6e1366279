package org.iomworkbench;

import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.SettingsStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /**
     * Generates {@code persons} persons with {@code seed} (default window and error rates) into
     * {@code dir} and returns the parameters, whose {@code end} is the extract date to load with.
     */
    public static GeneratorParameters generatedExtract(Path dir, int persons, long seed) {
        GeneratorParameters g = new GeneratorParameters();
        g.persons = persons;
        g.seed = seed;
        new ExtractGenerator(g, 2).generate(dir, Progress.NONE, Cancellation.none());
        return g;
    }

    /**
     * Loads the extract folder into {@code ws} as a new snapshot at {@code extractDate} and links it
     * with the default settings: the linked snapshot most tests start from.
     */
    public static Snapshot loadAndLink(Workspace ws, Path extract, LocalDate extractDate) {
        Snapshot s = new ExtractLoader(ws).load(extract, extractDate, Progress.NONE, Cancellation.none()).snapshot();
        new LinkRun(ws, new LinkParameters()).run(s, Progress.NONE, Cancellation.none());
        return s;
    }

    /**
     * Points the app's settings at a fresh folder under {@code dir}, with a 1200 × 760 window, so a
     * headless test neither reads nor changes the user's own settings.
     */
    public static void headlessSettings(Path dir) {
        try {
            Path settingsDir = dir.resolve("settings");
            Files.createDirectories(settingsDir);
            Files.writeString(settingsDir.resolve("settings.properties"), "window.width=1200\nwindow.height=760\n");
            System.setProperty(SettingsStore.DIR_PROPERTY, settingsDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
