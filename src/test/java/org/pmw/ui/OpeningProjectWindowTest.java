package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.DeferredTaskRunner;
import org.pmw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first open of a project builds its index, which takes a while: the window says what is happening meanwhile. */
@ExtendWith(ApplicationExtension.class)
class OpeningProjectWindowTest {

    @TempDir
    static Path tmp;

    /** The test decides when the open (and what it starts) finishes. */
    private final DeferredTaskRunner tasks = new DeferredTaskRunner();
    private WorkbenchModel workbench;
    private MainView main;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(tasks);
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        main = TestWindows.show(stage, workbench);
        main.installStatusBar(new FxTaskRunner());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.closeProject();
            tasks.runAll();
        }).get();
    }

    /** A project with evidence and no index, as a fresh copy of one has it. */
    private static Path projectWithoutIndex(String name) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ web1 %s%n", i / 60, i % 60,
                    i % 10 == 0 ? "child exited segmentation fault" : "request served"));
        }
        Path log = tmp.resolve(name + ".log");
        Files.writeString(log, sb.toString());
        Path dir = tmp.resolve(name);
        Project.create(dir, "Checkout outage", java.time.ZoneId.of("UTC"), java.time.Clock.systemUTC());
        try (Project p = Project.open(dir, Progress.NONE)) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
        }
        try (Stream<Path> index = Files.walk(dir.resolve("index"))) {
            for (Path f : index.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        return dir;
    }

    @Test
    void theProjectIsNamedWhileItOpensAndASearchEnteredMeanwhileRunsOnceItIsOpen(FxRobot robot) throws Exception {
        Path dir = projectWithoutIndex("checkout");
        WaitForAsyncUtils.asyncFx(() -> main.open(dir)).get();
        Label project = robot.lookup("#projectLabel").queryAs(Label.class);
        assertEquals("Opening " + dir + "…", project.getText(), "named before its incident.json is read");
        WaitForAsyncUtils.asyncFx(tasks::runOldest).get(); // the title read; the open (the indexing) still runs
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Checkout outage  —  " + dir + "  —  opening…", project.getText());
        assertNull(workbench.project());

        ComboBox<?> box = robot.lookup("#queryField").queryAs(ComboBox.class);
        robot.clickOn(box).write("segmentation").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        assertEquals("Runs when the index is ready", count.getText());
        TableView<?> results = robot.lookup("#results").queryTableView();
        assertTrue(((Label) results.getPlaceholder()).getText().contains("'segmentation'"));
        robot.write(" fault"); // the box's text when the project is open is what runs, and what the hint names
        assertEquals("The project is opening (its first open builds the index). The search for 'segmentation fault'"
                + " runs as soon as it is ready.", ((Label) results.getPlaceholder()).getText());

        WaitForAsyncUtils.asyncFx(tasks::runAll).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(count.getText().startsWith("60 events"), count.getText());
        assertEquals(60, results.getItems().size());
        assertTrue(results.getSelectionModel().isEmpty(), "no row picked for the user");
        assertTrue(project.getText().startsWith("Checkout outage  —  " + dir + "  —  600 events"), project.getText());
    }

    @Test
    void aSearchWaitingForAnOpenThatFailsIsNoLongerPromised(FxRobot robot) throws Exception {
        Path dir = projectWithoutIndex("broken");
        Files.writeString(dir.resolve("incident.json"), "{ not json");
        List<Throwable> errors = new java.util.ArrayList<>();
        workbench.setErrorHandler(errors::add);
        WaitForAsyncUtils.asyncFx(() -> main.open(dir)).get();
        robot.clickOn("#queryField").write("segmentation fault").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        assertEquals("Runs when the index is ready", count.getText());
        WaitForAsyncUtils.asyncFx(tasks::runAll).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size(), "the open failed: " + errors);
        assertEquals("", count.getText());
        assertEquals("No project open", robot.lookup("#projectLabel").queryAs(Label.class).getText());
        TableView<?> results = robot.lookup("#results").queryTableView();
        assertTrue(((Label) results.getPlaceholder()).getText().startsWith("Type a query and press Enter"));
    }
}
