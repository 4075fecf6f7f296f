package org.pmw.ui;

import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;

/** The workbench's window as the window tests show it. */
final class TestWindows {

    private TestWindows() {
    }

    /**
     * Shows {@code workbench}'s window on the test's stage, styled, at 1280×720, with a list of recent projects of
     * its own so no test sees another's.
     */
    static MainView show(Stage stage, WorkbenchModel workbench) {
        MainView main = Workbench.build(workbench,
                new RecentProjects(Preferences.userRoot().node("org/pmw/test-" + System.nanoTime())));
        Scene scene = new Scene(main, 1280, 720);
        Workbench.style(scene);
        stage.setScene(scene);
        // the stage is shared by every test class of the run: one before may have left it another size
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
        return main;
    }
}
