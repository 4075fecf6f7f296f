package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening the sample incident as a new user does: the story is there, searchable and linked. */
@ExtendWith(ApplicationExtension.class)
class SampleIncidentWindowTest {

    @TempDir
    static Path tmp;

    private final FxTaskRunner runner = new FxTaskRunner();
    private WorkbenchModel workbench;
    private MainView main;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(runner);
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        main = TestWindows.show(stage, workbench);
        main.installStatusBar(runner);
    }

    /** Follows a link of the inspector, which may be scrolled out of view. */
    private static void follow(FxRobot robot, String textStart) throws Exception {
        javafx.scene.control.Hyperlink link = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Hyperlink h
                && h.getText().startsWith(textStart)).queryAs(javafx.scene.control.Hyperlink.class);
        WaitForAsyncUtils.asyncFx(link::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openTheSampleFindTheSegfaultsAndFollowH3ToItsLoadTest(FxRobot robot) throws Exception {
        Path copy = org.pmw.testing.TestProjects.copyOfSample(tmp.resolve("sample"));
        WaitForAsyncUtils.asyncFx(() -> main.open(copy)).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.project() != null && !runner.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#queryField").write("segmentation fault").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#resultCount").queryAs(Label.class)
                .getText().startsWith("607 events"));

        robot.clickOn("#investigationTab");
        assertTrue(robot.lookup("#card-H1").tryQuery().isPresent());
        assertTrue(robot.lookup("#card-H2").tryQuery().isPresent());
        robot.clickOn("#card-H3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("H3", main.timeline().selectedItemProperty().get());
        follow(robot, "E3  Load test before any change");
        follow(robot, "R2 load-test run");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("loadTestsTab", main.sidePanel().getSelectionModel().getSelectedItem().getId());
        Label summary = robot.lookup("#loadTestSummary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("R2: Returns diminish from N=40"), "the analysis after the headline: "
                + summary.getText());
        assertTrue(summary.getText().contains("The highest successful throughput measured is 328 req/s at N=60."),
                summary.getText());
        // its first finding heads the charts, which come before the full analysis
        Label headline = robot.lookup("#loadTestHeadline").queryAs(Label.class);
        assertEquals("R2: The system starts to choke at N=80 concurrent users: errors start at N=80; the p99 latency"
                + " is over 3× its low-load value from N=80.", headline.getText());
        javafx.scene.Parent panel = headline.getParent();
        assertTrue(panel.getChildrenUnmodifiable().indexOf(headline)
                < panel.getChildrenUnmodifiable().indexOf(summary), "the headline is above the charts, the rest below");
        // overlaid runs keep apart: each run its own colour, named in the legend under the chart
        javafx.scene.control.ListView<?> runs = robot.lookup("#runs").queryListView();
        WaitForAsyncUtils.asyncFx(() -> runs.getSelectionModel().selectIndices(1, 3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Label> entries = robot.lookup("#loadTestLegend .label").queryAllAs(
                javafx.scene.control.Label.class).stream().toList();
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (javafx.scene.control.Label entry : entries) {
            String style = entry.getGraphic().getStyle();
            colours.add(style.substring(style.indexOf("-fx-stroke:") + 11, style.indexOf(';')).trim());
        }
        assertTrue(entries.stream().anyMatch(l -> l.getText().equals("R2 measured")), entries.toString());
        assertTrue(entries.stream().anyMatch(l -> l.getText().equals("R4 measured")), entries.toString());
        assertEquals(2, colours.size(), "one colour per run: " + colours);
        // R2's USL fit is loose (R² 0.68): said in its legend, and no N* is drawn from it
        assertTrue(entries.stream().anyMatch(l -> l.getText().startsWith("R2 USL fit (loose: R²=0.6")), entries.toString());
        assertTrue(entries.stream().noneMatch(l -> l.getText().startsWith("R2 N*")), entries.toString());
        javafx.scene.chart.NumberAxis throughputN = (javafx.scene.chart.NumberAxis) robot.lookup("#loadTestThroughput")
                .queryAs(javafx.scene.chart.LineChart.class).getXAxis();
        javafx.scene.chart.NumberAxis latencyN = (javafx.scene.chart.NumberAxis) robot.lookup("#loadTestLatency")
                .queryAs(javafx.scene.chart.LineChart.class).getXAxis();
        assertEquals(throughputN.getUpperBound(), latencyN.getUpperBound(), "both charts over the same N");
        WaitForAsyncUtils.asyncFx(() -> workbench.closeProject()).get();
    }
}
