package org.pmw.ui;

import javafx.scene.Scene;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;

/** Builds the window's content; shared by the application and the UI tests. */
public final class Workbench {

    private Workbench() {
    }

    public static MainView build(WorkbenchModel workbench, RecentProjects recent) {
        return new MainView(workbench, recent);
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(Workbench.class.getResource("/org/pmw/ui/workbench.css").toExternalForm());
    }
}
