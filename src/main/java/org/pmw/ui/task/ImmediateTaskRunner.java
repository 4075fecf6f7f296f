package org.pmw.ui.task;

import java.util.function.Consumer;
import org.pmw.app.Progress;

/** Runs work synchronously on the calling thread: deterministic UI tests. */
public final class ImmediateTaskRunner implements TaskRunner {

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call(Progress.NONE);
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
