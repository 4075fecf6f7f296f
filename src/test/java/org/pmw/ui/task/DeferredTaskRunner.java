package org.pmw.ui.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.pmw.app.Progress;

/**
 * Queues background work; the test decides when, and in which order, it runs and its callbacks fire. Shows what
 * the window does when results arrive late or out of order, which {@link ImmediateTaskRunner} cannot.
 */
public final class DeferredTaskRunner implements TaskRunner {

    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        queue.add(() -> {
            T result;
            try {
                result = work.call(Progress.NONE);
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the oldest work queued, and only it: one task finishing while another still runs. */
    public void runOldest() {
        queue.remove(0).run();
    }

    /** Runs everything queued, oldest first, including work queued meanwhile. */
    public void runAll() {
        while (!queue.isEmpty()) {
            List<Runnable> now = new ArrayList<>(queue);
            queue.clear();
            now.forEach(Runnable::run);
        }
    }

    /** Runs what is queued now, newest first: the order two searches finish in when the later one is quicker. */
    public void runNewestFirst() {
        List<Runnable> now = new ArrayList<>(queue);
        queue.clear();
        Collections.reverse(now);
        now.forEach(Runnable::run);
    }
}
