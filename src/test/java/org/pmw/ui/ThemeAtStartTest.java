package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A dark theme remembered from the last session is the whole window's when it opens again. */
@ExtendWith(ApplicationExtension.class)
class ThemeAtStartTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theDarkSheetComesAfterTheWindowsOwnSoItWins() throws Exception {
        Preferences prefs = Preferences.userRoot().node("org/pmw/workbench");
        boolean before = prefs.getBoolean("dark", false);
        prefs.putBoolean("dark", true);
        try {
            List<String> sheets = WaitForAsyncUtils.asyncFx(() -> {
                // as WorkbenchApp builds the window
                MainView main = Workbench.build(new WorkbenchModel(new ImmediateTaskRunner()),
                        new RecentProjects(Preferences.userRoot().node("org/pmw/test-" + System.nanoTime())));
                Scene scene = new Scene(main, 800, 600);
                Workbench.style(scene);
                stage.setScene(scene);
                stage.show();
                return List.copyOf(scene.getStylesheets());
            }).get();
            int own = indexOf(sheets, "workbench.css");
            int dark = indexOf(sheets, "dark.css");
            assertTrue(own >= 0 && dark > own, "workbench.css then dark.css: " + sheets);
        } finally {
            prefs.putBoolean("dark", before);
        }
    }

    private static int indexOf(List<String> sheets, String name) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).endsWith(name)) {
                return i;
            }
        }
        return -1;
    }
}
