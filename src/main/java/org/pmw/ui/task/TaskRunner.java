package org.pmw.ui.task;

import java.util.function.Consumer;
import org.pmw.app.Progress;

/**
 * Runs long work off the FX thread with progress and cancel. The window uses {@link FxTaskRunner}; tests use
 * {@link ImmediateTaskRunner}, which runs everything at once on the calling thread.
 */
public interface TaskRunner {

    /** Work that reports progress and checks for cancel through the {@link Progress} it is given. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /**
     * Starts the work; exactly one of the callbacks is later called on the FX thread (cancel counts as an error
     * whose cause is a {@link java.util.concurrent.CancellationException} or an exception saying so).
     */
    <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Like {@link #run} but not shown in the status bar: quick refreshes such as redrawing the timeline. */
    default <T> void runQuietly(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        run("", work, onSuccess, onError);
    }
}
