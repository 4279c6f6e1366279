package org.iomworkbench.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the FX application thread stays blocked: every {@code probeMillis} a watchdog
 * thread posts a probe with {@link Platform#runLater} and, when it runs, the delay since posting
 * is how long the thread was busy with other work (a blocked FX thread is a frozen window). Keeps
 * the longest delay and the number of stalls over a limit since the last {@link #reset()}, and
 * logs each stall over the limit. One probe is in flight at a time, so a long stall is counted
 * once, with its full length.
 * <p>
 * Where the JVM can tell, each stall also gets the processor time the FX thread itself used in it:
 * a stall that is mostly the FX thread's own work (styling, layout, filling controls) tells apart
 * from one where it was ready but waited, for a processor taken by background work, for a pause of
 * the garbage collector or for the render thread, whose processor time in the stall is given too.
 */
public final class FxStallMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxStallMonitor.class);
    /** The responsiveness target: the FX thread never blocked for more than this. */
    public static final long LIMIT_MILLIS = 100;

    private final long probeMillis;
    private final long limitMillis;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final ScheduledExecutorService watchdog;
    private volatile ScheduledFuture<?> task;
    private volatile Thread fxThread;
    private volatile long postedAt;
    private volatile Thread renderer;
    private volatile long rendererSearchedAt;
    private final AtomicLong longestCpuNanos = new AtomicLong(-1);
    private final AtomicLong longestRenderCpuNanos = new AtomicLong(-1);
    private static final java.lang.management.ThreadMXBean THREADS = threads();
    private final AtomicBoolean sampled = new AtomicBoolean();
    private final java.util.concurrent.ConcurrentHashMap<String, Long> culprits = new java.util.concurrent.ConcurrentHashMap<>();

    public FxStallMonitor() {
        this(10, LIMIT_MILLIS);
    }

    public FxStallMonitor(long probeMillis, long limitMillis) {
        this.probeMillis = probeMillis;
        this.limitMillis = limitMillis;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-stall-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts probing (again); a started monitor is left as it is. */
    public synchronized FxStallMonitor start() {
        if (task == null) {
            task = watchdog.scheduleWithFixedDelay(this::probe, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void probe() {
        if (!inFlight.compareAndSet(false, true)) {
            sampleIfOverdue();
            return;
        }
        long posted = System.nanoTime();
        postedAt = posted;
        Thread fx = fxThread;
        long cpuAtPost = THREADS == null || fx == null ? -1 : THREADS.getThreadCpuTime(fx.getId());
        Thread render = renderThread();
        long renderAtPost = THREADS == null || render == null ? -1 : THREADS.getThreadCpuTime(render.getId());
        sampled.set(false);
        Platform.runLater(() -> {
            long delay = System.nanoTime() - posted;
            long cpu = cpuAtPost < 0 ? -1 : THREADS.getCurrentThreadCpuTime() - cpuAtPost;
            long renderCpu = renderAtPost < 0 ? -1 : THREADS.getThreadCpuTime(render.getId()) - renderAtPost;
            fxThread = Thread.currentThread();
            inFlight.set(false);
            probes.incrementAndGet();
            synchronized (maxNanos) {
                if (delay > maxNanos.get()) {
                    maxNanos.set(delay);
                    longestCpuNanos.set(cpu);
                    longestRenderCpuNanos.set(renderCpu);
                }
            }
            if (delay > limitMillis * 1_000_000L) {
                stalls.incrementAndGet();
                if (cpu >= 0 && renderCpu >= 0) {
                    LOG.info("The window did not respond for {} ms (the FX thread was busy; in that time it used {} ms of processor"
                            + " time, the render thread {} ms).", delay / 1_000_000, cpu / 1_000_000, renderCpu / 1_000_000);
                } else if (cpu >= 0) {
                    LOG.info("The window did not respond for {} ms (the FX thread was busy; it used {} ms of processor time in it).",
                            delay / 1_000_000, cpu / 1_000_000);
                } else {
                    LOG.info("The window did not respond for {} ms (the FX thread was busy).", delay / 1_000_000);
                }
            }
        });
    }

    /** JavaFX's render thread (Prism's "QuantumRenderer"), found once it runs; null before or elsewhere. */
    private Thread renderThread() {
        Thread r = renderer;
        if ((r == null || !r.isAlive()) && THREADS != null && System.nanoTime() - rendererSearchedAt > 1_000_000_000L) {
            rendererSearchedAt = System.nanoTime();
            r = null;
            ThreadGroup g = Thread.currentThread().getThreadGroup();
            while (g.getParent() != null) {
                g = g.getParent();
            }
            Thread[] all = new Thread[g.activeCount() * 2 + 16];
            int n = g.enumerate(all, true);
            for (int i = 0; i < n && r == null; i++) {
                if (all[i].getName().startsWith("QuantumRenderer")) {
                    r = all[i];
                }
            }
            renderer = r;
        }
        return r;
    }

    private static java.lang.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            if (mx.isThreadCpuTimeSupported() && mx.isCurrentThreadCpuTimeSupported()) {
                if (!mx.isThreadCpuTimeEnabled()) {
                    mx.setThreadCpuTimeEnabled(true);
                }
                return mx;
            }
        } catch (SecurityException e) { // both supported, checked above: only a security manager can refuse
            LOG.debug("No processor time per thread here: {}", e.toString());
        }
        return null;
    }

    /**
     * While a probe is overdue (the FX thread blocked beyond the limit), what the FX thread is
     * doing is sampled once: the first frame of the workbench's own code on its stack (or its top
     * frame), so that a stall can be traced to what caused it.
     */
    private void sampleIfOverdue() {
        Thread fx = fxThread;
        if (fx == null || System.nanoTime() - postedAt <= limitMillis * 1_000_000L || !sampled.compareAndSet(false, true)) {
            return;
        }
        StackTraceElement[] stack = fx.getStackTrace();
        String where = null;
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("org.iomworkbench.") && !e.getClassName().startsWith(FxStallMonitor.class.getName())) {
                where = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName() + ":"
                        + e.getLineNumber();
                break;
            }
        }
        if (where == null) {
            where = stack.length == 0 ? "(no stack)" : stack[0].getClassName() + "." + stack[0].getMethodName()
                    + " (not the workbench's own code: layout, rendering or a pause of the whole JVM)";
        }
        culprits.merge(where, 1L, Long::sum);
        LOG.debug("The FX thread has been busy for over {} ms in {}", limitMillis, where);
    }

    /** Where the FX thread was found during stalls since the last reset, with how often. */
    public java.util.Map<String, Long> culprits() {
        return new java.util.TreeMap<>(culprits);
    }

    /** The longest the FX thread was blocked since the last reset, in milliseconds. */
    public double maxStallMillis() {
        return maxNanos.get() / 1e6;
    }

    /**
     * The processor time the FX thread itself used during the longest stall since the last reset,
     * in milliseconds; negative when the JVM cannot tell (or before the first stall).
     */
    public double longestStallCpuMillis() {
        long cpu = longestCpuNanos.get();
        return cpu < 0 ? -1 : cpu / 1e6;
    }

    /** The same for JavaFX's render thread, which the FX thread waits for at the start of each frame. */
    public double longestStallRenderCpuMillis() {
        long cpu = longestRenderCpuNanos.get();
        return cpu < 0 ? -1 : cpu / 1e6;
    }

    /** Stalls over the limit since the last reset. */
    public long stallsOverLimit() {
        return stalls.get();
    }

    /** Probes answered since the last reset. */
    public long probesAnswered() {
        return probes.get();
    }

    public long limitMillis() {
        return limitMillis;
    }

    public void reset() {
        synchronized (maxNanos) {
            maxNanos.set(0);
            longestCpuNanos.set(-1);
            longestRenderCpuNanos.set(-1);
        }
        stalls.set(0);
        probes.set(0);
        culprits.clear();
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        watchdog.shutdownNow();
    }
}
