package org.iomworkbench.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stall monitor sees a blocked FX thread, with the length of the block, and forgets it on reset. */
class FxStallMonitorTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBlockedFxThreadIsMeasured() throws Exception {
        try (FxStallMonitor m = new FxStallMonitor(5, 100).start()) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.probesAnswered() >= 5);
            m.reset();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                sleep(400);
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.stallsOverLimit() >= 1);
            // the probe posted just before the block waited for all of it, less at most one probe interval
            assertThat(m.maxStallMillis()).isGreaterThanOrEqualTo(300).isLessThan(10_000);
            assertThat(m.stallsOverLimit()).isEqualTo(1);
            // asleep, the FX thread used (next to) no processor time in the stall
            assertThat(m.longestStallCpuMillis()).isLessThan(100);

            m.reset();
            CountDownLatch spun = new CountDownLatch(1);
            Platform.runLater(() -> {
                long until = System.nanoTime() + 400_000_000L;
                double x = 0;
                while (System.nanoTime() < until) {
                    x += Math.sqrt(x + 1);
                }
                spun.countDown();
                assertThat(x).isPositive();
            });
            assertThat(spun.await(10, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.stallsOverLimit() >= 1);
            // busy, it used most of the stall (the machine's other work may take a little of it)
            assertThat(m.longestStallCpuMillis()).isGreaterThan(150);

            m.reset();
            assertThat(m.maxStallMillis()).isZero();
            assertThat(m.stallsOverLimit()).isZero();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.probesAnswered() >= 5);
            assertThat(m.stallsOverLimit()).isZero();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
