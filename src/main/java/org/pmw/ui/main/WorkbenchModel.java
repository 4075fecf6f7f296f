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
    private Consumer<Throwable> errorHandler = e -> { };

    public WorkbenchModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public TaskRunner tasks() { return tasks; }
    public ReadOnlyObjectProperty<Project> projectProperty() { return project; }
    public Project project() { return project.get(); }
    public IntegerProperty revisionProperty() { return revision; }

    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    public void showError(Throwable error) {
        errorHandler.accept(error);
    }

    /** Tells every view that the project changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    /** Opens a project in the background (re-indexing it if needed), closing the one open now. */
    public void open(Path dir, Runnable onOpened) {
        closeProject();
        tasks.run("Opening " + dir.getFileName(), progress -> Project.open(dir, progress), opened -> {
            project.set(opened);
            changed();
            onOpened.run();
        }, errorHandler);
    }

    /** Makes an already open project the window's (tests, and opening right after creating). */
    public void setProject(Project opened) {
        closeProject();
        project.set(opened);
        changed();
    }

    public void closeProject() {
        Project current = project.get();
        if (current != null) {
            project.set(null);
            try {
                current.close();
            } catch (java.io.IOException e) {
                errorHandler.accept(e);
            }
            changed();
        }
    }
}
