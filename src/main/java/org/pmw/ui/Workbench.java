package org.pmw.ui;

import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import org.pmw.model.TimeWindow;
import org.pmw.ui.patterns.PatternsView;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;

/** Builds the window's content; shared by the application and the UI tests. */
public final class Workbench {

    private Workbench() {
    }

    public static MainView build(WorkbenchModel workbench, RecentProjects recent) {
        MainView main = new MainView(workbench, recent);
        PatternsView patterns = new PatternsView(workbench);
        patterns.setOnSearch(query -> {
            main.searchModel().queryProperty().set(query);
            main.searchModel().search();
        });
        Tab patternsTab = new Tab("Patterns", patterns);
        patternsTab.setId("patternsTab");
        main.addSideTab(patternsTab);
        Runnable reloadPatterns = () -> {
            Instant from = main.searchModel().fromProperty().get();
            Instant to = main.searchModel().toProperty().get();
            patterns.reload(from == null || to == null ? null : new TimeWindow(from, to));
        };
        workbench.revisionProperty().addListener((o, a, b) -> reloadPatterns.run());
        main.searchModel().toProperty().addListener((o, a, b) -> reloadPatterns.run());
        return main;
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(Workbench.class.getResource("/org/pmw/ui/workbench.css").toExternalForm());
    }
}
