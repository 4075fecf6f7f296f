package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The report's header (its authors and status) is written in the Report panel, as pmw write does. */
@ExtendWith(ApplicationExtension.class)
class ReportHeaderWindowTest {

    @TempDir
    static Path tmp;

    private WorkbenchModel workbench;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(new ImmediateTaskRunner());
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        TestWindows.show(stage, workbench);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> workbench.closeProject()).get();
    }

    @Test
    void theAuthorsAreTypedInTheReportPanelAndEachSaveIsOneUndoableEdit(FxRobot robot) throws Exception {
        Project project = TestProjects.create(tmp.resolve("authors"));
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("Report");
        WaitForAsyncUtils.waitForFxEvents();
        TextField authors = robot.lookup("#reportAuthors").queryAs(TextField.class);
        assertEquals("", authors.getText());
        robot.clickOn(authors).write("Ana Lima,  Ben Okafor ,").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ana Lima", "Ben Okafor"), project.incident().getAuthors());
        assertEquals(List.of("Ana Lima", "Ben Okafor"), new org.pmw.project.ProjectStore(
                new org.pmw.project.ProjectLayout(project.root())).load().getAuthors(),
                "saved in the project, as pmw write authors saves them");
        ScrollPane preview = robot.lookup("#reportPreview").queryAs(ScrollPane.class);
        assertTrue(drawnText(preview.getContent()).contains("Ana Lima, Ben Okafor"), "the preview's header names them");
        assertEquals("Ana Lima, Ben Okafor", authors.getText(), "the field shows the names as saved");

        robot.clickOn(authors).press(KeyCode.END).release(KeyCode.END).write(", Cy Diallo");
        // another edit while the names are being typed leaves them in the field
        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Too few workers", null)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ana Lima, Ben Okafor, Cy Diallo", authors.getText());
        // leaving the field saves what it holds
        Node status = robot.lookup("#reportStatus").query();
        WaitForAsyncUtils.asyncFx(status::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ana Lima", "Ben Okafor", "Cy Diallo"), project.incident().getAuthors());

        WaitForAsyncUtils.asyncFx(() -> workbench.undo()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ana Lima", "Ben Okafor"), project.incident().getAuthors(), "one undo, one save");
        assertEquals("Ana Lima, Ben Okafor", authors.getText(), "the field follows the undo");
        WaitForAsyncUtils.asyncFx(() -> workbench.undo()).get(); // the hypothesis
        WaitForAsyncUtils.asyncFx(() -> workbench.undo()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), project.incident().getAuthors());
        assertEquals("", authors.getText());
        assertTrue(drawnText(preview.getContent()).contains("Authors"), "the header row stays, with no names");
    }

    private static String drawnText(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof javafx.scene.text.Text t) {
            out.append(t.getText());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.append(drawnText(child)).append(' ');
            }
        }
        return out.toString();
    }
}
