package org.pmw.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.ChooserFolders;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.DeferredTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report panel makes the report in the background: the window's thread only starts the work and shows what it
 * made, edits while it runs ask for one more build rather than one each, and a build overtaken by an edit is not
 * shown.
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {

    @TempDir
    Path tmp;

    private final DeferredTaskRunner tasks = new DeferredTaskRunner();
    private WorkbenchModel workbench;
    private ReportView view;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(tasks);
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        view = new ReportView(workbench, new ChooserFolders(
                Preferences.userRoot().node("org/pmw/test-" + System.nanoTime())));
        stage.setScene(new Scene(view, 600, 700));
        stage.setWidth(600);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            tasks.runAll();
            workbench.closeProject();
        }).get();
    }

    @Test
    void aBurstOfEditsWhileTheReportIsMadeCausesOneMoreBuildAndOnlyItsResultIsShown(FxRobot robot)
            throws Exception {
        Project project = TestProjects.create(tmp.resolve("burst"));
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        assertEquals(1, tasks.pending(), "opening the project starts one build");

        for (int i = 1; i <= 5; i++) {
            String statement = "Hypothesis number " + i;
            WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis(statement, null))).get();
        }
        assertEquals(1, tasks.pending(), "the edits wait for the build that is running");
        assertTrue(preparing(robot).isVisible(), "the panel says the report is being prepared");

        WaitForAsyncUtils.asyncFx(tasks::runOldest).get();
        assertFalse(drawnText(robot).contains("Postmortem"), "the overtaken build is not shown");
        assertTrue(preparing(robot).isVisible());
        assertEquals(1, tasks.pending(), "one more build, for the report as it now stands");

        WaitForAsyncUtils.asyncFx(tasks::runOldest).get();
        assertEquals(0, tasks.pending());
        String drawn = drawnText(robot);
        assertTrue(drawn.contains("Hypothesis number 1") && drawn.contains("Hypothesis number 5"), drawn);
        assertFalse(preparing(robot).isVisible(), "ready");
    }

    @Test
    void theInvestigationIsCopiedInTheBackgroundSoTheWindowDoesNotWaitForAnImportHoldingIt(FxRobot robot)
            throws Exception {
        Project project = TestProjects.create(tmp.resolve("held"));
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.asyncFx(tasks::runAll).get();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread importer = new Thread(() -> {
            try {
                // as an import does while it publishes what it read
                project.changeIncident(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        importer.start();
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            // the window's thread starts a build without waiting for the investigation
            WaitForAsyncUtils.asyncFx(view::refresh).get(10, TimeUnit.SECONDS);
            assertEquals(1, tasks.pending());
            assertTrue(preparing(robot).isVisible());
        } finally {
            release.countDown();
            importer.join();
        }
        WaitForAsyncUtils.asyncFx(tasks::runAll).get();
        assertTrue(drawnText(robot).contains("Postmortem: Test incident"));
        assertFalse(preparing(robot).isVisible());
    }

    @Test
    void theTextIsShownBeforeTheChartsAreDrawnAndAChartDrawnOnceIsNotDrawnAgain(FxRobot robot) throws Exception {
        Project project = TestProjects.create(tmp.resolve("charts"));
        StringBuilder log = new StringBuilder();
        for (int m = 0; m < 60; m++) {
            log.append(String.format("2005-10-10T21:%02d:00Z info web1 request served status=200%n", m));
        }
        Path file = tmp.resolve("app.log");
        java.nio.file.Files.writeString(file, log.toString());
        project.importFiles(java.util.List.of(file), org.pmw.app.ImportOptions.defaults(),
                org.pmw.app.Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();

        WaitForAsyncUtils.asyncFx(tasks::runOldest).get();
        assertTrue(drawnText(robot).contains("Postmortem: Test incident"), "the text first");
        assertEquals(0, pictures(robot), "the overview chart is still being drawn");
        assertEquals("Drawing its charts…", preparing(robot).getText());
        assertTrue(preparing(robot).isVisible());
        assertEquals(1, tasks.pending());

        WaitForAsyncUtils.asyncFx(tasks::runOldest).get();
        assertEquals(1, pictures(robot), "then the chart");
        assertFalse(preparing(robot).isVisible());

        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Too few workers", null)))
                .get();
        WaitForAsyncUtils.asyncFx(tasks::runOldest).get();
        assertEquals(0, tasks.pending(), "the chart did not change: its picture is used again");
        assertEquals(1, pictures(robot));
        assertTrue(drawnText(robot).contains("Too few workers"));
    }

    private static long pictures(FxRobot robot) {
        return robot.lookup("#reportPreview").queryAs(ScrollPane.class).getContent().lookupAll("ImageView").size();
    }

    private static Label preparing(FxRobot robot) {
        return robot.lookup("#reportPreparing").queryAs(Label.class);
    }

    private static String drawnText(FxRobot robot) {
        return drawnText(robot.lookup("#reportPreview").queryAs(ScrollPane.class).getContent());
    }

    private static String drawnText(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof javafx.scene.text.Text t) {
            out.append(t.getText());
        } else if (node instanceof Label l) {
            out.append(l.getText());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.append(drawnText(child)).append(' ');
            }
        }
        return out.toString();
    }
}
