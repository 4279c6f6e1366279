package org.iomworkbench.ui.common;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work for a {@link TaskRunner}: what runs off the UI thread and what happens on the UI thread
 * when it reports progress, succeeds, fails or is cancelled. A failure is always also reported
 * through the runner's {@link ErrorReporter}; {@link #onFailure} is for putting the view's state
 * right, not for telling the analyst. {@link #cancel} asks the work to stop at its next check.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    /** The part that runs off the UI thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress, Cancellation cancellation) throws Exception;
    }

    private final String description;
    private final Work<T> work;
    private final Cancellation cancellation = new Cancellation();
    private Consumer<ProgressUpdate> onProgress = p -> { };
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(String description, Work<T> work) {
        this.description = Objects.requireNonNull(description);
        this.work = Objects.requireNonNull(work);
    }

    /**
     * @param description what the task does, as the end of "… failed" in the error dialog
     *                    (for example "Loading the extract folder")
     */
    public static <T> BackgroundTask<T> of(String description, Work<T> work) {
        return new BackgroundTask<>(description, work);
    }

    public BackgroundTask<T> onProgress(Consumer<ProgressUpdate> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public String description() {
        return description;
    }

    /** Asks the work to stop; it throws {@code CancelledException} at its next check and undoes itself. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelRequested() {
        return cancellation.isCancelled();
    }

    T call(Progress progress) throws Exception {
        return work.call(progress, cancellation);
    }

    void progressed(ProgressUpdate update) {
        onProgress.accept(update);
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }
}
