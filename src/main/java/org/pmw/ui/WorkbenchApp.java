package org.pmw.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.FxTaskRunner;

/**
 * The workbench window. Opens the project given on the command line, else the last one opened, else the
 * sample incident shipped in {@code sample-incident/}.
 */
public final class WorkbenchApp extends Application {

    static final String SAMPLE = "sample-incident";
    private WorkbenchModel workbench;

    @Override
    public void start(Stage stage) {
        FxTaskRunner runner = new FxTaskRunner();
        workbench = new WorkbenchModel(runner);
        RecentProjects recent = RecentProjects.forUser();
        MainView main = Workbench.build(workbench, recent);
        main.installStatusBar(runner);
        workbench.setErrorHandler(error -> showError(stage, error));
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(main, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        Workbench.style(scene);
        stage.setTitle("Postmortem Workbench");
        workbench.projectProperty().addListener((o, a, p) -> stage.setTitle(p == null ? "Postmortem Workbench"
                : p.incident().getTitle() + " — Postmortem Workbench"));
        for (String size : List.of("16", "32", "64", "128", "256")) {
            var icon = WorkbenchApp.class.getResourceAsStream("/org/pmw/ui/icons/pmw-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setScene(scene);
        stage.setMaximized(screen.getWidth() <= 1600);
        stage.show();
        Path start = startProject(getParameters().getRaw(), recent);
        if (start != null) {
            main.open(start);
        }
    }

    static Path startProject(List<String> args, RecentProjects recent) {
        if (!args.isEmpty()) {
            return Path.of(args.get(0));
        }
        List<Path> last = recent.list();
        if (!last.isEmpty()) {
            return last.get(0);
        }
        Path sample = Path.of(SAMPLE);
        return Files.isRegularFile(sample.resolve("incident.json")) ? sample : null;
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.closeOnExit();
        }
    }

    static void showError(Stage owner, Throwable error) {
        Throwable shown = error;
        while (shown.getCause() != null && (shown.getMessage() == null || shown.getMessage().isBlank())) {
            shown = shown.getCause();
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setHeaderText("Something went wrong");
        alert.setContentText(shown.getMessage() == null ? shown.toString() : shown.getMessage());
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
