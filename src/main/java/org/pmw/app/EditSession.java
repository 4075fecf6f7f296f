package org.pmw.app;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.pmw.app.investigation.Investigation;

/**
 * Edits of the investigation from the window: each one is applied, saved atomically at once, and can be
 * undone. Evidence and load-test runs are not part of undo; they change only through imports.
 */
public final class EditSession {

    /** An edit of the investigation; throws IllegalArgumentException with a message when refused. */
    @FunctionalInterface
    public interface Edit {
        void apply(Investigation investigation);
    }

    private static final int MAX_UNDO = 100;

    private final Project project;
    private final Deque<Step> undo = new ArrayDeque<>();

    private record Step(String label, byte[] before) {
    }

    public EditSession(Project project) {
        this.project = project;
    }

    /** Applies and saves the edit; a refused edit leaves the investigation as it was. */
    public void apply(String label, Edit edit) throws IOException {
        byte[] before = project.changeIncident(() -> {
            byte[] snapshot = project.snapshot();
            try {
                edit.apply(project.investigation());
                project.save();
            } catch (RuntimeException | IOException e) {
                project.restoreRefused(snapshot);
                throw e;
            }
            return snapshot;
        });
        undo.push(new Step(label, before));
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** What the next undo would take back, or null. */
    public String nextUndo() {
        return undo.isEmpty() ? null : undo.peek().label();
    }

    /** Takes back the last edit and saves; returns its label, or null when there was none. */
    public String undo() throws IOException {
        if (undo.isEmpty()) {
            return null;
        }
        Step step = undo.pop();
        project.restore(step.before());
        // the verdicts the snapshot kept may be older than the evidence imported since it was taken
        project.remeasureOutcomesQuietly();
        return step.label();
    }
}
