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
        // the loaded table's rows are read and drawn when its tab is first shown (Ctrl+F: the filter)
        stage("browse (Tables tab)", monitor, () -> push(KeyCode.CONTROL, KeyCode.F));
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

        System.out.printf(Locale.ROOT, "FX thread responsiveness, %,d persons, %d processors (limit %d ms), "
                        + "thread priorities %s:%n", persons, Runtime.getRuntime().availableProcessors(),
                monitor.limitMillis(), priorities());
        lines.forEach(System.out::println);
    }

    /**
     * Whether the JVM gives the task threads' low priority to the system (on Linux only with
     * {@code -XX:ThreadPriorityPolicy=1}, from installer/jvm-linux.options through the pom).
     */
    private static String priorities() {
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return !linux ? "as the system gives them"
                : vm.getVMOption("ThreadPriorityPolicy").getValue().equals("1") ? "honoured (ThreadPriorityPolicy=1)"
                : "ignored (ThreadPriorityPolicy=0)";
    }

    /**
     * With {@code -Diom.bench.fxProfile=true}: samples the FX thread's stack every 3 ms while a
     * stage runs and prints, for the stage's longest stretch of the FX thread busy without a break,
     * what it was doing (the pass, CSS or layout, and the controls' code it was in).
     */
    private static final class FxSampler implements AutoCloseable {
        private final Thread fx;
        private final List<long[]> times = new ArrayList<>();
        private final List<String> where = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        FxSampler(Thread fx) {
            this.fx = fx;
            thread = new Thread(this::run, "fx-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                StackTraceElement[] st = fx.getStackTrace();
                long t = System.nanoTime();
                synchronized (this) {
                    times.add(new long[]{t});
                    where.add(signature(st));
                }
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static String signature(StackTraceElement[] st) {
            if (st.length == 0) {
                return null;
            }
            String top = st[0].getClassName() + "." + st[0].getMethodName();
            if (top.contains("Object.wait") || top.contains("LockSupport.park") || top.contains("Unsafe.park")
                    || (st.length > 1 && st[1].getMethodName().equals("wait"))) {
                return null; // idle: waiting for the next event
            }
            String phase = "event";
            String component = null;
            String own = null;
            for (StackTraceElement e : st) {
                String m = e.getMethodName();
                String c = e.getClassName();
                if (m.equals("doCSSPass") || m.equals("processCSS") && phase.equals("event")) {
                    phase = "css";
                } else if (m.equals("doLayoutPass") && phase.equals("event")) {
                    phase = "layout";
                } else if ((m.equals("waitForRenderingToComplete") || m.equals("syncAll")) && phase.equals("event")) {
                    phase = "render";
                }
                String simple = c.substring(c.lastIndexOf('.') + 1);
                if (component == null && (simple.contains("Skin") || simple.contains("Chart") || simple.contains("Axis")
                        || simple.contains("VirtualFlow"))) {
                    component = simple + "." + m;
                }
                if (own == null && c.startsWith("org.iomworkbench.") && !c.contains("bench")) {
                    own = simple + "." + m + ":" + e.getLineNumber();
                }
            }
            return phase + " | " + (component == null ? "-" : component) + " | " + (own == null ? "-" : own);
        }

        synchronized List<String> longestBusyStretch() {
            int bestFrom = -1;
            int bestTo = -1;
            long bestLength = 0;
            int from = -1;
            for (int i = 0; i <= where.size(); i++) {
                boolean busy = i < where.size() && where.get(i) != null;
                if (busy && from < 0) {
                    from = i;
                } else if (!busy && from >= 0) {
                    long length = times.get(i - 1)[0] - times.get(from)[0];
                    if (length > bestLength) {
                        bestLength = length;
                        bestFrom = from;
                        bestTo = i;
                    }
                    from = -1;
                }
            }
            List<String> out = new ArrayList<>();
            if (bestFrom < 0) {
                return out;
            }
            java.util.Map<String, Integer> count = new java.util.TreeMap<>();
            for (int i = bestFrom; i < bestTo; i++) {
                count.merge(where.get(i), 1, Integer::sum);
            }
            out.add(String.format(Locale.ROOT, "        longest busy stretch of the FX thread: %.0f ms, %d samples", bestLength / 1e6,
                    bestTo - bestFrom));
            count.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> out.add("          " + e.getValue() + "  " + e.getKey()));
            return out;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    private Thread fxThread() throws Exception {
        Thread[] fx = new Thread[1];
        interact(() -> fx[0] = Thread.currentThread());
        return fx[0];
    }

    /** Runs the actions, waits until the background work has been idle for 1.5 s, and records the stalls. */
    private void stage(String name, FxStallMonitor monitor, Runnable actions) throws Exception {
        FxSampler sampler = Boolean.getBoolean("iom.bench.fxProfile") ? new FxSampler(fxThread()) : null;
        try {
            measuredStage(name, monitor, actions);
        } finally {
            if (sampler != null) {
                sampler.close();
                lines.addAll(sampler.longestBusyStretch());
            }
        }
    }

    private void measuredStage(String name, FxStallMonitor monitor, Runnable actions) throws Exception {
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
        lines.add(String.format(Locale.ROOT, "  %-16s %8.1f s   longest FX stall %7.1f ms (processor time in it: FX thread %5.1f ms, renderer %5.1f ms)   stalls over %d ms: %d   (%,d probes; GC pauses %,d ms)   %s",
                name, seconds, monitor.maxStallMillis(), monitor.longestStallCpuMillis(), monitor.longestStallRenderCpuMillis(), monitor.limitMillis(), monitor.stallsOverLimit(),
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
