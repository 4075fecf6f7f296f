package org.pmw.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.pmw.app.Progress;

/**
 * Runs work on a background thread and shows the running task's title, progress and a cancel action
 * through properties the status bar binds to. One task at a time is shown; others still run.
 */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pmw-task");
        t.setDaemon(true);
        return t;
    });
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    /** The tasks started with {@link #run} and not finished, oldest first; the newest is the one shown. */
    private final java.util.List<Shown> shown = new java.util.ArrayList<>();

    private record Shown(Task<?> task, java.util.concurrent.atomic.AtomicBoolean cancel) {
    }

    public StringProperty messageProperty() { return message; }
    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty runningProperty() { return running; }

    /** Cancels the task the status bar shows. */
    public void cancelCurrent() {
        // The work sees the flag, undoes what it did and fails; only then is the task over.
        if (!shown.isEmpty()) {
            shown.get(shown.size() - 1).cancel().set(true);
            message.unbind();
            message.set("Cancelling...");
        }
    }

    @Override
    public <T> void runQuietly(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(org.pmw.app.Progress.NONE);
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        executor.submit(task);
    }

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.call(new Progress() {
                    @Override
                    public void update(String text, double fraction) {
                        updateMessage(text);
                        updateProgress(fraction < 0 ? -1 : fraction, 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancel.get();
                    }
                });
            }
        };
        shown.add(new Shown(task, cancel));
        show(shown.get(shown.size() - 1));
        task.setOnSucceeded(e -> {
            finished(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            onError.accept(task.getException());
        });
        executor.submit(task);
    }

    private void show(Shown top) {
        message.bind(top.task().messageProperty());
        progress.bind(top.task().progressProperty());
        running.set(true);
        if (top.cancel().get()) {
            message.unbind();
            message.set("Cancelling...");
        }
    }

    /**
     * When the task shown finishes, the bar goes back to the newest one still running (a search started during an
     * import must not leave the import without its progress and Cancel), or hides.
     */
    private void finished(Task<?> task) {
        boolean wasShown = !shown.isEmpty() && shown.get(shown.size() - 1).task() == task;
        shown.removeIf(s -> s.task() == task);
        if (!wasShown) {
            return;
        }
        message.unbind();
        progress.unbind();
        if (!shown.isEmpty()) {
            show(shown.get(shown.size() - 1));
            return;
        }
        message.set("");
        progress.set(0);
        running.set(false);
    }
}
