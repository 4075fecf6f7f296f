package org.pmw.ui.main;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.pmw.app.Project;
import org.pmw.ui.task.TaskRunner;

/**
 * The window's state: the open project, and a revision number that every part of the window watches to
 * refresh after the project changed (an import, an edit).
 */
public final class WorkbenchModel {

    private final TaskRunner tasks;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    /** The folder of the project being opened (its index may be rebuilding), or null. */
    private final ObjectProperty<Path> opening = new SimpleObjectProperty<>();
    private Consumer<Throwable> errorHandler = e -> { };
    private org.pmw.app.EditSession edits;

    /** Counts opens and closes: an open that finishes after a later one (or a close) is discarded. */
    private int opens;

    public WorkbenchModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public TaskRunner tasks() { return tasks; }
    public ReadOnlyObjectProperty<Project> projectProperty() { return project; }
    public Project project() { return project.get(); }
    public IntegerProperty revisionProperty() { return revision; }
    /** The folder of the project being opened, from the moment it is asked for until it is open or fails; else null. */
    public ReadOnlyObjectProperty<Path> openingProperty() { return opening; }

    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    public void showError(Throwable error) {
        errorHandler.accept(error);
    }

    /** Applies an edit of the investigation, saves it and refreshes the views; a refusal is shown as an error. */
    public boolean edit(String label, org.pmw.app.EditSession.Edit edit) {
        try {
            return editOrRefuse(label, edit);
        } catch (java.io.IOException | RuntimeException e) {
            errorHandler.accept(e);
            return false;
        }
    }

    /**
     * Applies an edit as {@link #edit} does, but hands a refusal to the caller: a form stays open with what the
     * user typed and says why, rather than closing behind an error.
     */
    public boolean editOrRefuse(String label, org.pmw.app.EditSession.Edit edit) throws java.io.IOException {
        if (edits == null) {
            return false;
        }
        try {
            edits.apply(label, edit);
            return true;
        } finally {
            // refused edits too: the session has put the investigation back as it was
            changed();
        }
    }

    /** Takes back the last edit (Ctrl+Z). */
    public void undo() {
        if (edits == null) {
            return;
        }
        try {
            if (edits.undo() != null) {
                changed();
            }
        } catch (java.io.IOException e) {
            errorHandler.accept(e);
        }
    }

    /** Tells every view that the project changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    /** Opens a project in the background (re-indexing it if needed), closing the one open now. */
    public void open(Path dir, Runnable onOpened) {
        if (!closeProject()) {
            return;
        }
        int mine = ++opens;
        opening.set(dir);
        tasks.run("Opening " + dir.getFileName(), progress -> Project.open(dir, progress), opened -> {
            if (mine != opens) {
                // another project was opened, or this one closed, while it was opening
                closeQuietly(opened);
                return;
            }
            edits = new org.pmw.app.EditSession(opened);
            project.set(opened);
            opening.set(null);
            changed();
            onOpened.run();
        }, error -> {
            if (mine == opens) {
                opening.set(null);
            }
            errorHandler.accept(error);
        });
    }

    /** Makes an already open project the window's (tests, and opening right after creating). */
    public void setProject(Project opened) {
        if (!closeProject()) {
            closeQuietly(opened);
            return;
        }
        edits = new org.pmw.app.EditSession(opened);
        project.set(opened);
        changed();
    }

    /**
     * Closes the window's project. Refused, with a message, while an import runs in it: cancel or wait first.
     * Returns whether no project is open now.
     */
    public boolean closeProject() {
        opens++;
        opening.set(null);
        Project current = project.get();
        if (current == null) {
            return true;
        }
        if (current.busy()) {
            errorHandler.accept(new IllegalStateException("an import is still running in "
                    + current.root().getFileName() + ": cancel it (or let it finish) before closing the project"));
            return false;
        }
        edits = null;
        project.set(null);
        try {
            current.close();
        } catch (java.io.IOException e) {
            errorHandler.accept(e);
        }
        changed();
        return true;
    }

    /** On exit: an import still running is abandoned with the process; the next open rolls it back. */
    public void closeOnExit() {
        Project current = project.get();
        if (current != null && !current.busy()) {
            closeProject();
        }
    }

    private void closeQuietly(Project p) {
        try {
            p.close();
        } catch (java.io.IOException | RuntimeException e) {
            // the project was never shown; its lock goes with the process at the latest
        }
    }
}
