package org.pmw.ui.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The result table as it reads on a narrow window. */
@ExtendWith(ApplicationExtension.class)
class SearchViewTest {

    @TempDir
    Path tmp;

    private final WorkbenchModel workbench = new WorkbenchModel(new ImmediateTaskRunner());
    private SearchViewModel model;

    @Start
    void start(Stage stage) {
        model = new SearchViewModel(workbench);
        stage.setScene(new Scene(new SearchView(model), 700, 400));
        stage.setWidth(700);
        stage.setHeight(400);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(workbench::closeProject).get();
    }

    @Test
    void aLongFileNameGivesWayBeforeTheLineNumber(FxRobot robot) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append(String.format("2005-10-10T14:00:%02dZ info web1 request served%n", i));
        }
        Path log = tmp.resolve("frontend-loadbalancer-eu-west-1-access.log");
        Files.writeString(log, sb.toString());
        Project project = TestProjects.create(tmp.resolve("p"));
        project.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.setProject(project);
            model.search();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup(".table-row-cell .table-cell").nth(1).queryAs(TableCell.class);
        String full = String.valueOf(cell.getItem());
        assertTrue(full.endsWith(".log:1"), full);
        // what the cell draws: cut short in this width, and still ending with the line
        String drawn = ((javafx.scene.text.Text) cell.lookup(".text")).getText();
        assertTrue(drawn.length() < full.length(), "the column is narrower than the name: " + drawn);
        assertTrue(drawn.endsWith(":1"), "the line number stays whole: " + drawn);
    }
}
