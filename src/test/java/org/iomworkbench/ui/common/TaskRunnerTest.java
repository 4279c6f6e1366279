package org.iomworkbench.ui.common;

import org.iomworkbench.core.util.CancelledException;
import org.iomworkbench.core.util.WorkbenchException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerTest {
    private final RecordingErrors errors = new RecordingErrors();

    @Test
    void successDeliversTheResultAndTheProgressInOrder() {
        List<String> events = new ArrayList<>();
        SameThreadTaskRunner.immediate(errors).run(BackgroundTask.of("Counting", (progress, cancel) -> {
                    progress.update("half", 1, 2);
                    return 42;
                })
                .onProgress(p -> events.add("progress " + p.message() + " " + p.fraction()))
                .onSuccess(r -> events.add("result " + r))
                .onFailure(e -> events.add("failed")));

        assertThat(events).containsExactly("progress half 0.5", "result 42");
        assertThat(errors.reports).isEmpty();
    }

    @Test
    void aFailureGoesToTheTaskAndToTheOneErrorPath() {
        List<Throwable> seen = new ArrayList<>();
        WorkbenchException boom = new WorkbenchException("The folder is gone.", "Choose another.", true);
        SameThreadTaskRunner.immediate(errors).run(BackgroundTask.of("Loading the extract folder", (p, c) -> {
            throw boom;
        }).onFailure(seen::add).onSuccess(r -> seen.add(new AssertionError("no success expected"))));

        assertThat(seen).containsExactly(boom);
        assertThat(errors.reports).singleElement().satisfies(r -> {
            assertThat(r.activity()).isEqualTo("Loading the extract folder");
            assertThat(r.error()).isSameAs(boom);
        });
    }

    @Test
    void cancellingIsNotAnError() {
        List<String> events = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of("Loading", (p, cancel) -> {
            cancel.check();
            return 1;
        }).onCancelled(() -> events.add("cancelled")).onSuccess(r -> events.add("success"));
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
        runner.run(task);
        task.cancel();
        runner.runPending();

        assertThat(events).containsExactly("cancelled");
        assertThat(task.isCancelRequested()).isTrue();
        assertThat(errors.reports).isEmpty();
    }

    @Test
    void aCancelledExceptionThrownByTheWorkEndsAsCancelled() {
        List<String> events = new ArrayList<>();
        SameThreadTaskRunner.immediate(errors).run(BackgroundTask.of("Loading", (p, c) -> {
            throw new CancelledException();
        }).onCancelled(() -> events.add("cancelled")));
        assertThat(events).containsExactly("cancelled");
        assertThat(errors.reports).isEmpty();
    }

    @Test
    void deferredWorkWaitsUntilRun() {
        List<Integer> results = new ArrayList<>();
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
        runner.run(BackgroundTask.of("one", (p, c) -> 1).onSuccess(results::add));
        runner.run(BackgroundTask.of("two", (p, c) -> 2).onSuccess(results::add));

        assertThat(results).isEmpty();
        assertThat(runner.pendingCount()).isEqualTo(2);
        assertThat(runner.runPending()).isEqualTo(2);
        assertThat(results).containsExactly(1, 2);
    }

    @Test
    void aDebouncerRunsOnlyTheLatestOfABurst() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
        Debouncer debouncer = new Debouncer(runner, Duration.ofMillis(300));
        List<String> ran = new ArrayList<>();
        debouncer.submit(() -> ran.add("s"));
        debouncer.submit(() -> ran.add("sm"));
        debouncer.submit(() -> ran.add("smi"));
        runner.runPending();

        assertThat(ran).containsExactly("smi");
    }

    @Test
    void aCancelledDebounceRunsNothing() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
        Debouncer debouncer = new Debouncer(runner, Duration.ofMillis(300));
        List<String> ran = new ArrayList<>();
        debouncer.submit(() -> ran.add("x"));
        debouncer.cancel();
        runner.runPending();

        assertThat(ran).isEmpty();
    }

    @Test
    void aTaskAskedForAfterTheWindowClosedIsDroppedQuietly() {
        FxTaskRunner runner = new FxTaskRunner(errors);
        runner.close();
        List<String> events = new ArrayList<>();
        // a view's follow-up read asked for while the window closes: no worker is left to run it
        runner.run(BackgroundTask.of("Reading the summary", (p, c) -> {
            events.add("ran");
            return 1;
        }).onSuccess(r -> events.add("result")).onFailure(e -> events.add("failed")));
        assertThat(runner.activeTasks()).isZero();
        assertThat(events).isEmpty();
        assertThat(errors.reports).isEmpty();
    }
}
