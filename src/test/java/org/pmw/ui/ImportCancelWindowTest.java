package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An import runs in the background with a Cancel button; cancelling leaves the project as it was. */
@ExtendWith(ApplicationExtension.class)
class ImportCancelWindowTest {

    @TempDir
    static Path tmp;

    private final FxTaskRunner runner = new FxTaskRunner();
    private WorkbenchModel workbench;
    private MainView main;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(runner);
        main = TestWindows.show(stage, workbench);
        main.installStatusBar(runner);
    }

    @Test
    void cancelledImportLeavesTheProjectUnchanged(FxRobot robot) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600_000; i++) {
            sb.append("2005-10-10T14:00:00Z info web1 request served status=200\n");
        }
        Path big = tmp.resolve("big.log");
        Files.writeString(big, sb.toString());
        Project project = TestProjects.create(tmp.resolve("cancel"));
        byte[] before = Files.readAllBytes(project.root().resolve("incident.json"));
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.asyncFx(() -> main.importFiles(List.of(big))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.runningProperty().get()
                && runner.messageProperty().get().startsWith("Importing"));
        robot.clickOn("#cancelTask");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !runner.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(project.incident().getSources().isEmpty());
        assertEquals(0, project.eventCount());
        assertEquals(new String(before), Files.readString(project.root().resolve("incident.json")));
        WaitForAsyncUtils.asyncFx(() -> workbench.closeProject()).get();
    }
}
