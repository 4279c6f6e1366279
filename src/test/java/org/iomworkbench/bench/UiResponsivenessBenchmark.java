package org.iomworkbench.bench;

import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.ui.WorkbenchApp;
import org.iomworkbench.ui.common.FxStallMonitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.iomworkbench.ui.WorkbenchFxTest;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The responsiveness target: the FX thread is never blocked for more than 100 ms during any
 * stage. Drives the whole application (headless, under Monocle) through every stage on a
 * generated population of {@code iom.bench.persons} persons (default 20,000): load through the
 * Data view, link (twice: the second time shows the window with its code warm), score (shown and saved), train, open the run in Validation and build the
 * list in Publish; for each stage prints its time, the longest the FX thread was blocked and the
 * stalls over 100 ms, as {@link FxStallMonitor} measures them. Prints figures; asserts nothing
 * about time. Run with {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=UiResponsivenessBenchmark}.
 */
@Tag("benchmark")
class UiResponsivenessBenchmark extends WorkbenchFxTest {
    @TempDir
    Path dir;
    private WorkbenchApp workbench;
    private final List<String> lines = new ArrayList<>();

    @Test
    void everyStageKeepsTheWindowResponsive() throws Exception {
        int persons = Integer.getInteger("iom.bench.persons", 20_000);
        Fixtures.headlessSettings(dir);
        Path extract = dir.resolve("extract");
        GeneratorParameters g = Fixtures.generatedExtract(extract, persons, 7);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--workspace", dir.resolve("ws").toString());
        workbench = (WorkbenchApp) app;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> textOrEmpty("#workspaceLabel").startsWith("Workspace:"));
        focusWindow();
        FxStallMonitor monitor = workbench.stallMonitor();

        stage("load", monitor, () -> {
            clickOn("#folderField").write(extract.toString());
            interact(() -> lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class).setValue(g.end));
            clickOn("#loadButton");
        });
        stage("link", monitor, () -> {
            push(KeyCode.CONTROL, KeyCode.DIGIT2);
            clickOn("#linkButton");
        });
        // the same again: what the window does once its code has run before (class loading, first
        // CSS and layout of the results) against the first time
        stage("link (again)", monitor, () -> clickOn("#linkButton"));
        stage("score (shown)", monitor, () -> push(KeyCode.CONTROL, KeyCode.DIGIT3));
        stage("score (saved)", monitor, () -> clickOn("#saveButton"));
        stage("train", monitor, () -> {
            push(KeyCode.CONTROL, KeyCode.DIGIT4);
            clickOn("#trainButton");
        });
        stage("validate", monitor, () -> clickOn("#validationButton"));
        stage("publish (list)", monitor, () -> push(KeyCode.CONTROL, KeyCode.DIGIT6));
        stage("audit", monitor, () -> push(KeyCode.CONTROL, KeyCode.DIGIT7));

        System.out.printf(Locale.ROOT, "FX thread responsiveness, %,d persons, %d processors (limit %d ms):%n", persons,
                Runtime.getRuntime().availableProcessors(), monitor.limitMillis());
        lines.forEach(System.out::println);
    }

    /** Runs the actions, waits until the background work has been idle for 1.5 s, and records the stalls. */
    private void stage(String name, FxStallMonitor monitor, Runnable actions) throws Exception {
        monitor.reset();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        actions.run();
        long idleSince = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(45);
        while (System.nanoTime() < deadline) {
            if (workbench.taskRunner().activeTasks() == 0) {
                if (idleSince < 0) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > 1_500_000_000L) {
                    break;
                }
            } else {
                idleSince = -1;
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0 - 1_500_000_000L) / 1e9;
        lines.add(String.format(Locale.ROOT, "  %-16s %8.1f s   longest FX stall %7.1f ms   stalls over %d ms: %d   (%,d probes; GC pauses %,d ms)   %s",
                name, seconds, monitor.maxStallMillis(), monitor.limitMillis(), monitor.stallsOverLimit(),
                monitor.probesAnswered(), gcMillis() - gc0, shown()));
        monitor.culprits().forEach((where, n) -> lines.add("        stalled in " + where + " (" + n + "×)"));
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private String shown() {
        try {
            String notice = textOrEmpty("#noticeLabel");
            return notice.isBlank() ? textOrEmpty("#statusLabel") : notice;
        } catch (Exception e) {
            return "";
        }
    }

    /** The label's or field's text, or "" while it is not on screen. */
    private String textOrEmpty(String id) throws Exception {
        return onFx(() -> lookup(id).tryQuery().map(n -> n instanceof TextField f ? f.getText()
                : n instanceof Labeled l ? l.getText() : "").orElse(""));
    }
}
