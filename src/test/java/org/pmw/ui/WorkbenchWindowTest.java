package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.pmw.ui.timeline.TimelineView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    @TempDir
    static Path tmp;

    private WorkbenchModel workbench;
    private MainView main;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(new ImmediateTaskRunner());
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        main = TestWindows.show(stage, workbench);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> workbench.closeProject()).get();
    }

    private Project sampleProject(String name) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3600; i++) {
            boolean burst = i >= 1200 && i < 1500;
            sb.append(String.format("2005-10-10T14:%02d:%02dZ %s web%d %s status=%d%n", i / 60, i % 60,
                    burst ? "error" : "info", i % 3 + 1,
                    burst && i % 5 == 0 ? "child exited segmentation fault" : "request served", burst ? 503 : 200));
        }
        Path file = tmp.resolve(name + ".log");
        Files.writeString(file, sb.toString());
        Project p = TestProjects.create(tmp.resolve(name));
        p.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        return p;
    }

    @Test
    void searchShowsExactCountAndRows(FxRobot robot) throws Exception {
        Project project = sampleProject("search");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#queryField").write("segmentation fault");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        assertTrue(count.getText().startsWith("60 events"), count.getText());
        TableView<?> table = robot.lookup("#results").queryAs(TableView.class);
        assertEquals(60, table.getItems().size());

        typeQuery(robot, "stauts:503");
        assertTrue(count.getText().startsWith("0 events") && count.getText().endsWith("(no field stauts in this project)"),
                count.getText());
        assertEquals("No event matches 'stauts:503'.", ((Label) table.getPlaceholder()).getText());
        typeQuery(robot, "segmentation fault");
        typeQuery(robot, "status:[500 TO");
        assertEquals("not run; below: the search before", count.getText(), "the rows are not this query's");
        assertEquals(60, table.getItems().size());
    }

    @Test
    void aProjectWithNoEvidenceSaysToImportRatherThanThatNothingMatches(FxRobot robot) throws Exception {
        Project empty = TestProjects.create(tmp.resolve("empty"));
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(empty)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#results").queryAs(TableView.class);
        typeQuery(robot, "segmentation fault");
        assertTrue(((Label) table.getPlaceholder()).getText().startsWith("No evidence yet. Import"),
                ((Label) table.getPlaceholder()).getText());

        Project withEvidence = sampleProject("not-empty");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(withEvidence)).get();
        typeQuery(robot, "no such words");
        assertEquals("No event matches 'no such words'.", ((Label) table.getPlaceholder()).getText());
    }

    @Test
    void withNoLoadTestRunTheLoadTestsPanelSaysHowToAddOneAndDrawsNoEmptyCharts(FxRobot robot) throws Exception {
        Project project = sampleProject("no-runs");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#loadTestsTab");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> runs = robot.lookup("#runs").queryListView();
        assertTrue(((Label) runs.getPlaceholder()).getText().startsWith("No load-test runs yet. Import JMeter"));
        assertFalse(robot.lookup("#loadTestThroughput").query().isVisible());
        assertFalse(robot.lookup("#loadTestLatency").query().isVisible());
    }

    @Test
    void createAHypothesisAndAddAnEventAsEvidenceForIt(FxRobot robot) throws Exception {
        Project project = sampleProject("hypothesis");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        robot.clickOn("#newHypothesis");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".dialog-pane .text-field").write("Concurrency overwhelms the web tier");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, project.incident().getHypotheses().size());
        assertEquals("Concurrency overwhelms the web tier", project.incident().getHypotheses().get(0).statement());

        robot.clickOn("#queryField").write("segmentation fault").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.detail().current() != null, "Down moves into the results and opens the first event");
        javafx.scene.control.ListView<org.pmw.model.Event> around = robot.lookup("#context").queryListView();
        assertEquals(21, around.getItems().size(), "ten events before it and ten after");
        javafx.scene.control.ListCell<?> marked = robot.lookup("#context .current-event").queryAs(
                javafx.scene.control.ListCell.class);
        assertTrue(marked.getText().trim().startsWith(main.detail().current().line() + " "),
                "the event itself is marked among its neighbours: " + marked.getText());
        String ref = main.detail().current().source() + ":" + main.detail().current().line();
        robot.clickOn("#evidenceFor");
        robot.clickOn("#evidence-for-H1");
        WaitForAsyncUtils.waitForFxEvents();
        var evidence = project.incident().getHypotheses().get(0).evidenceFor();
        assertEquals(1, evidence.size());
        assertEquals(ref, evidence.get(0).event());
        // saved at once, and undone with Ctrl+Z
        assertTrue(Files.readString(project.root().resolve("incident.json")).contains(ref));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(project.incident().getHypotheses().get(0).evidenceFor().isEmpty());
    }

    @Test
    void malformedQueryShowsAnExplanationNotAStackTrace(FxRobot robot) throws Exception {
        Project project = sampleProject("bad-query");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#queryField").write("status:[500 TO").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#queryError").queryAs(Label.class);
        assertTrue(error.getText().startsWith("cannot understand the query"), error.getText());
    }

    @Test
    void timelineZoomChangesTheVisibleWindowAndDragSelectsASearchWindow(FxRobot robot) throws Exception {
        Project project = sampleProject("zoom");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        long before = timeline.visibleEndProperty().get() - timeline.visibleStartProperty().get();
        robot.clickOn(timeline).type(javafx.scene.input.KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        long after = timeline.visibleEndProperty().get() - timeline.visibleStartProperty().get();
        assertEquals(before / 2, after, before / 100.0);
        // drag across the axis: the search gets that window and its count shrinks
        var bounds = timeline.localToScreen(timeline.getBoundsInLocal());
        robot.drag(bounds.getMinX() + 400, bounds.getMinY() + 12).dropTo(new javafx.geometry.Point2D(
                bounds.getMinX() + 700, bounds.getMinY() + 12));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.searchModel().fromProperty().get() != null);
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        int shown = Integer.parseInt(count.getText().split(" ")[0].replace(",", ""));
        assertTrue(shown > 0 && shown < 3600, count.getText());
        // a quick flick brings a press and a release and no drag in between: the window is theirs, not 1969
        java.time.Instant from = main.searchModel().fromProperty().get();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_PRESSED, 450, 12));
            timeline.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_RELEASED, 650, 12));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        java.time.Instant flicked = main.searchModel().fromProperty().get();
        assertTrue(flicked.isAfter(from) && flicked.isBefore(main.searchModel().toProperty().get()),
                flicked + " after " + from);
    }

    private static javafx.scene.input.MouseEvent mouse(javafx.event.EventType<javafx.scene.input.MouseEvent> type,
                                                       double x, double y) {
        return new javafx.scene.input.MouseEvent(type, x, y, x, y, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false, null);
    }

    @Test
    void aRecordOnTheTimelineShowsItsDetailOnHoverAndOpensOnClick(FxRobot robot) throws Exception {
        Project project = sampleProject("hover");
        project.investigation().addChange(new org.pmw.model.Change(null, "config", "Raise MaxClients to 256",
                null, "apache", "web2", "production", java.time.Instant.parse("2005-10-10T14:30:00Z"), null,
                "done", "ops", null, null, null, null, List.of(), null, "manual", null, null));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        String id = project.incident().getChanges().get(0).id();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.pointOf(id).isPresent());
        javafx.geometry.Point2D at = timeline.localToScreen(timeline.pointOf(id).orElseThrow());
        robot.moveTo(at.add(-30, 0)).moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        String text = timeline.hoverText();
        assertTrue(text != null && text.contains("Raise MaxClients to 256") && text.contains("apache on web2"),
                String.valueOf(text));
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, timeline.selectedItemProperty().get());
        robot.moveTo(at.add(0, 200));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, timeline.hoverText());
    }

    @Test
    void markersTooCloseForTwoLabelsAreCountedAndNamedOnHover(FxRobot robot) throws Exception {
        Project project = sampleProject("markers");
        project.investigation().setMarker("outage_begins", java.time.Instant.parse("2005-10-10T14:20:00Z"),
                "Outage begins");
        project.investigation().setMarker("detected", java.time.Instant.parse("2005-10-10T14:21:00Z"), "Errors noticed");
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.markerLabelPoint("Outage begins").isPresent());
        javafx.geometry.Point2D label = timeline.localToScreen(timeline.markerLabelPoint("Outage begins").orElseThrow());
        robot.moveTo(label.add(0, 40)).moveTo(label);
        WaitForAsyncUtils.waitForFxEvents();
        String text = timeline.hoverText();
        assertTrue(text != null && text.contains("Outage begins") && text.contains("Errors noticed"),
                "the label that stands for both names both: " + text);
    }

    @Test
    void aChangeIsEditedFromItsInspectorAndTheEditIsUndoable(FxRobot robot) throws Exception {
        Project project = sampleProject("edit");
        org.pmw.model.Change added = project.investigation().addChange(new org.pmw.model.Change(null, "config",
                "Raise MaxClients", null, "apache", "web2", "production",
                java.time.Instant.parse("2005-10-10T14:30:00Z"), null, "done", "ops", "r41", null, null, null,
                List.of(), null, "manual", null, null));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        robot.clickOn("Changes (1)");
        robot.clickOn("#card-" + added.id());
        robot.clickOn("#editRecord");
        WaitForAsyncUtils.waitForFxEvents();
        TextField title = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertEquals("Raise MaxClients", title.getText(), "the form opens filled in");
        robot.doubleClickOn(title).eraseText(title.getText().length()).write("Raise MaxClients to 256");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        org.pmw.model.Change edited = project.incident().getChanges().get(0);
        assertEquals("Raise MaxClients to 256", edited.title());
        assertEquals(added.startedAt(), edited.startedAt(), "the time read back from the form is the same");
        assertEquals("r41", edited.revision(), "what the form does not show is kept");
        assertEquals("web2", edited.target());
        assertTrue(Files.readString(project.root().resolve("incident.json")).contains("Raise MaxClients to 256"));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Raise MaxClients", project.incident().getChanges().get(0).title());
    }

    @Test
    void draggingOneRecordOntoAnotherOnTheTimelineLinksThem(FxRobot robot) throws Exception {
        Project project = sampleProject("drag-link");
        org.pmw.model.Change change = project.investigation().addChange(new org.pmw.model.Change(null, "config",
                "Raise MaxClients", null, "apache", "web2", null, java.time.Instant.parse("2005-10-10T14:10:00Z"),
                null, "done", "ops", null, null, null, null, List.of(), null, "manual", null, null));
        org.pmw.model.Experiment experiment = project.investigation().addExperiment(new org.pmw.model.Experiment(
                null, "ab at 120 concurrent", null, null, new org.pmw.model.TimeWindow(
                java.time.Instant.parse("2005-10-10T14:40:00Z"), java.time.Instant.parse("2005-10-10T14:45:00Z")),
                List.of(), List.of(), null, null, "pending", null));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.pointOf(change.id()).isPresent()
                && timeline.pointOf(experiment.id()).isPresent());
        javafx.geometry.Point2D from = timeline.localToScreen(timeline.pointOf(change.id()).orElseThrow());
        javafx.geometry.Point2D to = timeline.localToScreen(timeline.pointOf(experiment.id()).orElseThrow().add(3, 0));
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#linkType").clickOn("caused_by");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(project.incident().getLinks().contains(
                new org.pmw.model.Link(change.id(), "caused_by", experiment.id())), project.incident().getLinks().toString());
    }

    @Test
    void anEventIsTaggedAndTheTagTakenOffAgain(FxRobot robot) throws Exception {
        Project project = sampleProject("tags");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#queryField").write("segmentation fault").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        String ref = main.detail().current().source() + ":" + main.detail().current().line();
        robot.clickOn("#tagEvent").clickOn("#addTag");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".dialog-pane .text-field").write("burst");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("burst"), project.incident().getBookmarks().get(0).tags());
        assertEquals(ref, project.incident().getBookmarks().get(0).event());
        robot.clickOn("#tagEvent").clickOn("#removeTag-burst");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), project.incident().getBookmarks().get(0).tags());
    }

    @Test
    void aSavedSearchIsRunReplacedRenamedAndDeletedFromTheSavedMenu(FxRobot robot) throws Exception {
        Project project = sampleProject("saved");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#savedSearches");
        assertTrue(robot.lookup("No saved searches yet").tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn("#queryField").write("segmentation fault").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#saveSearch");
        robot.clickOn(".dialog-pane .text-field").write("Segfaults");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("segmentation fault", project.incident().getSavedSearches().get(0).query());

        // another search on screen replaces S1, which keeps its id and name
        typeQuery(robot, "level:error");
        assertEquals("level:error", main.searchModel().queryProperty().get(), "the box keeps the query just run");
        robot.clickOn("#savedSearches").clickOn("#savedSearch-S1").clickOn("#replaceSearch-S1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new org.pmw.model.SavedSearch("S1", "Segfaults", "level:error", null)),
                project.incident().getSavedSearches());

        // running it puts its query back on screen and counts its events
        typeQuery(robot, "request served");
        robot.clickOn("#savedSearches").clickOn("#savedSearch-S1").clickOn("#runSearch-S1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("level:error", main.searchModel().queryProperty().get());
        assertTrue(robot.lookup("#resultCount").queryAs(Label.class).getText().contains("300"),
                robot.lookup("#resultCount").queryAs(Label.class).getText());

        robot.clickOn("#savedSearches").clickOn("#savedSearch-S1").clickOn("#renameSearch-S1");
        robot.clickOn(".dialog-pane .text-field").write("Errors in the burst");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Errors in the burst", project.incident().getSavedSearches().get(0).name());

        robot.clickOn("#savedSearches").clickOn("#savedSearch-S1").clickOn("#deleteSearch-S1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), project.incident().getSavedSearches());
        WaitForAsyncUtils.asyncFx(() -> workbench.undo()).get();
        assertEquals("Errors in the burst", project.incident().getSavedSearches().get(0).name());
    }

    @Test
    void aNewSearchStartsWithNoRowSelected(FxRobot robot) throws Exception {
        Project project = sampleProject("rows");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        typeQuery(robot, "request served");
        TableView<?> table = robot.lookup("#results").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        long pickedLine = main.detail().current().line();
        typeQuery(robot, "segmentation fault");
        assertTrue(table.getSelectionModel().isEmpty(), "no row of the new results was picked");
        assertEquals(pickedLine, main.detail().current().line(), "the detail keeps the event the user picked");
        assertTrue(robot.lookup("#outsideResults").query().isVisible(), "marked as not among the new results");
        typeQuery(robot, "request served");
        assertFalse(robot.lookup("#outsideResults").query().isVisible(), "a search that finds it again");
    }

    @Test
    void proseBeingWrittenSurvivesOtherEditsUntilSaved(FxRobot robot) throws Exception {
        Project project = sampleProject("prose");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("Report").clickOn("Write");
        robot.clickOn("#prose-summary").write("Apache children segfaulted under load.");
        WaitForAsyncUtils.waitForFxEvents();
        // another edit of the investigation (a hypothesis) refreshes every view
        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Too few workers", null)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea summary = robot.lookup("#prose-summary")
                .queryAs(javafx.scene.control.TextArea.class);
        assertEquals("Apache children segfaulted under load.", summary.getText());
        javafx.scene.control.Button save = robot.lookup("#saveProse").queryButton();
        WaitForAsyncUtils.asyncFx(save::fire).get(); // below the fold of the form
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Apache children segfaulted under load.", project.incident().getReport().summary());
        javafx.scene.control.ScrollPane preview = robot.lookup("#reportPreview")
                .queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(drawnText(preview.getContent()).contains("Apache children segfaulted under load."),
                "the preview draws the saved summary");
        WaitForAsyncUtils.asyncFx(() -> workbench.undo()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", summary.getText(), "undoing the save takes the text back out of the form");
    }

    @Test
    void theReportIsDrawnWhenItIsShownAndItsWindowFollowsTheProject(FxRobot robot) throws Exception {
        Project project = sampleProject("lazy-report");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("Report");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane preview = robot.lookup("#reportPreview")
                .queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(drawnText(preview.getContent()).contains("Postmortem: "), "drawn when the tab is shown");
        WaitForAsyncUtils.asyncFx(() -> main.sidePanel().getSelectionModel().select(0)).get(); // Investigation
        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Flaky DNS resolver", null)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!drawnText(preview.getContent()).contains("Flaky DNS resolver"),
                "an edit made while the report is hidden does not draw it");
        robot.clickOn("Report");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(drawnText(preview.getContent()).contains("Flaky DNS resolver"), "drawn once shown again");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.P)
                .release(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Stage window = (Stage) javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#windowPreview") != null)
                .findFirst().orElseThrow();
        assertEquals("Postmortem preview — " + project.incident().getTitle(), window.getTitle());
        WaitForAsyncUtils.asyncFx(() -> Workbench.applyTheme(main, true)).get();
        assertTrue(window.getScene().getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("dark.css")),
                "the preview window follows a theme switched after it opened");
        WaitForAsyncUtils.asyncFx(() -> Workbench.applyTheme(main, false)).get();
        javafx.scene.control.ScrollPane big = (javafx.scene.control.ScrollPane) window.getScene().lookup("#windowPreview");
        assertTrue(drawnText(big.getContent()).contains("Flaky DNS resolver"));
        WaitForAsyncUtils.asyncFx(() -> workbench.closeProject()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Postmortem preview — no project open", window.getTitle());
        assertTrue(drawnText(big.getContent()).isBlank(), "no report of a closed project");
        WaitForAsyncUtils.asyncFx(window::requestFocus).get();
        robot.targetWindow(window).type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing(), "Escape closes the preview window");
    }

    @Test
    void aRightClickOnALogsLaneReTimesItWithTheClockOffsetGiven(FxRobot robot) throws Exception {
        Project project = sampleProject("retime_window");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = main.timeline();
        double laneY = -1;
        for (double y = 0; y < timeline.getHeight() && laneY < 0; y++) {
            if (timeline.sourceAt(20, y).isPresent()) {
                laneY = y + 4;
            }
        }
        assertTrue(laneY > 0, "the source's lane is drawn");
        assertEquals(java.util.Optional.of("retime_window.log"), timeline.sourceAt(20, laneY));
        assertEquals(java.util.Optional.empty(), timeline.sourceAt(400, laneY), "only the lane's name");

        javafx.geometry.Point2D onName = timeline.localToScreen(20, laneY);
        robot.moveTo(onName).clickOn(javafx.scene.input.MouseButton.SECONDARY);
        robot.clickOn("Re-time retime_window.log…"); // the underscore shown, not taken for a mnemonic
        WaitForAsyncUtils.waitForFxEvents();
        TextField offset = robot.lookup("#retimeOffset").queryAs(TextField.class);
        assertEquals("0", offset.getText());
        WaitForAsyncUtils.asyncFx(() -> offset.setText("90 seconds")).get();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#retimeError").queryAs(Label.class).getText().startsWith("cannot read the duration"),
                "what cannot be read keeps the dialog open and says why");
        WaitForAsyncUtils.asyncFx(() -> offset.setText("-90s")).get();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        var first = project.search(org.pmw.model.EventSearch.of("*").withLimit(1)).events().get(0);
        assertEquals(java.time.Instant.parse("2005-10-10T13:58:30Z").toEpochMilli(), first.ts(), "90 s earlier");
        assertEquals(1, first.line(), "the same event, at the same line");
        assertEquals(-90_000, project.incident().getSources().get(0).clockOffsetMs());
    }

    /** The text of every Text node under {@code node}, as the preview draws it. */
    private static String drawnText(javafx.scene.Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof javafx.scene.text.Text t) {
            out.append(t.getText());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                out.append(drawnText(child)).append(' ');
            }
        }
        return out.toString();
    }

    @Test
    void aTimeTheFormCannotReadKeepsTheDialogOpenAndSaysWhy(FxRobot robot) throws Exception {
        Project project = sampleProject("form");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#newRecord").clickOn("Change…");
        WaitForAsyncUtils.waitForFxEvents();
        List<TextField> fields = robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class)
                .stream().toList();
        robot.clickOn(fields.get(0)).write("Raise MaxClients");
        robot.clickOn(fields.get(1)).write("18:00");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#formError").queryAs(Label.class);
        assertTrue(problem.getText().startsWith("cannot read the time '18:00'"), problem.getText());
        assertTrue(project.incident().getChanges().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> fields.get(1).setText("2005-10-10 14:30")).get();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Raise MaxClients", project.incident().getChanges().get(0).title());
        assertEquals(java.time.Instant.parse("2005-10-10T14:30:00Z"), project.incident().getChanges().get(0).startedAt());
    }

    @Test
    void aRecordTheInvestigationRefusesKeepsTheFormOpenWithWhatWasTyped(FxRobot robot) throws Exception {
        Project project = sampleProject("refused");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#newRecord").clickOn("Experiment…");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane form = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.stage.Window window = form.getScene().getWindow();
        List<TextField> fields = robot.from(form).lookup(".text-field").queryAllAs(TextField.class).stream().toList();
        TextField title = fields.get(0);
        TextField runs = fields.get(3);
        robot.clickOn(title).write("Re-run ab with MaxClients 150");
        robot.clickOn(runs).write("R9");
        robot.clickOn(form.lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isShowing(), "the form stays open");
        Label problem = robot.from(form).lookup("#formError").queryAs(Label.class);
        assertTrue(problem.getText().contains("R9"), problem.getText());
        assertEquals("Re-run ab with MaxClients 150", title.getText(), "what was typed is still there");
        assertTrue(project.incident().getExperiments().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> runs.setText("")).get();
        robot.clickOn(form.lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
        assertEquals("Re-run ab with MaxClients 150", project.incident().getExperiments().get(0).title());
    }

    @Test
    void theFormsNameEachHypothesisByItsStatementNotItsIdAlone(FxRobot robot) throws Exception {
        Project project = sampleProject("hypothesis-choice");
        project.investigation().addHypothesis("Concurrent requests overwhelm the web tier", null);
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#newRecord").clickOn("Change…");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane form = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.stage.Window window = form.getScene().getWindow();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> addresses = robot.from(form).lookup(".combo-box")
                .queryAllAs(javafx.scene.control.ComboBox.class).stream().skip(1).findFirst().orElseThrow();
        // the cell the closed box shows (its list's cells are elsewhere)
        javafx.scene.control.ListCell<?> shown = addresses.getChildrenUnmodifiable().stream()
                .filter(javafx.scene.control.ListCell.class::isInstance).map(javafx.scene.control.ListCell.class::cast)
                .findFirst().orElseThrow();
        assertEquals("(none)", shown.getText());
        WaitForAsyncUtils.asyncFx(() -> addresses.setValue("H1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("H1  Concurrent requests overwhelm the web tier", shown.getText());
        List<TextField> fields = robot.from(form).lookup(".text-field").queryAllAs(TextField.class).stream().toList();
        robot.clickOn(fields.get(0)).write("Fewer threads per child");
        robot.clickOn(fields.get(1)).write("2005-10-10 14:30");
        robot.clickOn(form.lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
        assertEquals("H1", project.incident().getChanges().get(0).hypothesis(), "the id is what is kept");
    }

    @Test
    void aRecordIsOpenedFromTheKeyboardAndKeepsTheFocus(FxRobot robot) throws Exception {
        Project project = sampleProject("keyboard");
        project.investigation().addHypothesis("Concurrent requests overwhelm the web tier", null);
        project.investigation().addHypothesis("One Xen VM misbehaves", null);
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        robot.clickOn("#newRecord").type(javafx.scene.input.KeyCode.ESCAPE);
        // from the last button of the toolbar, Tab reaches the first card
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("card-H1", robot.targetWindow(main.getScene().getWindow()).lookup(".record-card:focused")
                .query().getId());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        org.pmw.ui.investigation.InvestigationView investigation = robot.lookup("#investigation").query();
        assertEquals("H1", investigation.selected());
        assertEquals("card-H1", main.getScene().getFocusOwner().getId(), "the focus stays on the record opened");
        robot.type(javafx.scene.input.KeyCode.TAB).type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("H2", investigation.selected());
    }

    @Test
    void aFormOpensWithTheFocusInItsFirstFieldSoWhatIsTypedLandsThere(FxRobot robot) throws Exception {
        Project project = sampleProject("first-field");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#newRecord").clickOn("Action item…");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane form = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.stage.Window window = form.getScene().getWindow();
        TextField action = robot.from(form).lookup(".text-field").queryAs(TextField.class);
        // typed into the form's window, without a click first
        robot.targetWindow(window).write("Alert on MaxClients");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alert on MaxClients", action.getText());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing(), "Enter is OK");
        assertEquals("Alert on MaxClients", project.incident().getActionItems().get(0).action());
    }

    @Test
    void onlyEnterOrAPickFromTheHistoryRunsTheQueryNotLeavingTheBox(FxRobot robot) throws Exception {
        Project project = sampleProject("focus");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        typeQuery(robot, "segmentation fault");
        assertTrue(count.getText().startsWith("60 events"), count.getText());
        typeQuery(robot, "request served");
        String served = count.getText();
        assertTrue(served.startsWith("3,540 events"), served);
        // Enter on the query already shown runs it again (new results), as after new evidence arrived
        Object firstResults = main.searchModel().resultsProperty().get();
        robot.clickOn("#queryField").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.searchModel().resultsProperty().get() != firstResults, "the same query ran again");
        Object secondResults = main.searchModel().resultsProperty().get();
        String servedAgain = count.getText(); // the same count; the time it took may differ
        assertTrue(servedAgain.startsWith("3,540 events"), servedAgain);

        javafx.scene.control.ComboBox<?> box = robot.lookup("#queryField").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.getEditor().clear()).get();
        robot.clickOn(box).write("level:error");
        robot.clickOn("#results");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(servedAgain, count.getText(), "clicking a row after typing runs nothing");
        assertTrue(main.searchModel().resultsProperty().get() == secondResults, "no search ran at all");

        robot.clickOn(box.lookup(".arrow-button"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("segmentation fault")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(count.getText().startsWith("60 events"), "picked from the history: " + count.getText());
        assertEquals("segmentation fault", main.searchModel().queryProperty().get());
    }

    @Test
    void theFieldsPanelCountsTheValuesOfTheSearchAndNarrowsItToOne(FxRobot robot) throws Exception {
        Project project = sampleProject("fields");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        Label count = robot.lookup("#resultCount").queryAs(Label.class);
        typeQuery(robot, "level:error");
        assertTrue(count.getText().startsWith("300 events"), count.getText());
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        // a field of the event shown is a link to its values among the search's events
        robot.clickOn("#field-status");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fieldsTab", main.sidePanel().getSelectionModel().getSelectedItem().getId());
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#fieldPicker").queryComboBox();
        TableView<org.pmw.model.FieldValues.Value> values = robot.lookup("#fieldValues").queryTableView();
        assertEquals("status", picker.getValue(), "a field worth a look is picked first");
        assertEquals(List.of(new org.pmw.model.FieldValues.Value("503", 300)), values.getItems());

        WaitForAsyncUtils.asyncFx(() -> picker.setValue("host")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(100L, 100L, 100L), values.getItems().stream().map(org.pmw.model.FieldValues.Value::count).toList());
        Label caption = robot.lookup("#fieldsCaption").queryAs(Label.class);
        assertTrue(caption.getText().startsWith("300 of the events of 'level:error' (300) have a host: 3 different values"),
                caption.getText());
        robot.doubleClickOn(robot.lookup("#fieldValues .table-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("web2")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(level:error) AND host:\"web2\"", main.searchModel().queryProperty().get());
        assertTrue(count.getText().startsWith("100 events"), count.getText());
        assertEquals(List.of(new org.pmw.model.FieldValues.Value("web2", 100)), values.getItems(),
                "the panel follows the new search");

        typeQuery(robot, "request served");
        WaitForAsyncUtils.asyncFx(() -> picker.setValue("status")).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#fieldValues .table-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("503")).queryLabeled());
        robot.clickOn("#withoutValue");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(request served) AND NOT status:503", main.searchModel().queryProperty().get());
        assertTrue(count.getText().startsWith("3,300 events"), count.getText());
    }

    @Test
    void aTotalOfSeveralKindsSaysWhichBesideTheCount(FxRobot robot) throws Exception {
        Path access = tmp.resolve("access_log");
        Files.writeString(access, """
                10.1.2.3 - - [10/Oct/2005:14:02:11 -0400] "GET /cart.php HTTP/1.1" 503 512 "-" "Mozilla/4.0"
                10.1.2.4 - - [10/Oct/2005:14:02:12 -0400] "GET /index.php HTTP/1.1" 503 2048 "-" "Mozilla/4.0"
                """);
        Path errors = tmp.resolve("error_log");
        Files.writeString(errors, """
                [Mon Oct 10 14:02:15 2005] [notice] child pid 4242 exit signal Segmentation fault (11)
                """);
        Project.create(tmp.resolve("kinds"), "Kinds", java.time.ZoneId.of("UTC"), TestProjects.CLOCK);
        Project project = Project.open(tmp.resolve("kinds"), Progress.NONE);
        project.importFiles(List.of(access, errors), ImportOptions.defaults(), Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        typeQuery(robot, "*");
        assertTrue(robot.lookup("#resultCount").queryAs(Label.class).getText().startsWith("3 events"));
        assertEquals("of which 2 requests, 1 log event", robot.lookup("#resultKinds").queryAs(Label.class).getText());
        typeQuery(robot, "status:503");
        assertEquals("", robot.lookup("#resultKinds").queryAs(Label.class).getText(), "one kind needs no breakdown");
    }

    @Test
    void theFieldsPanelOpensOnAFieldTheFoundEventsHave(FxRobot robot) throws Exception {
        Path file = tmp.resolve("mixed.log");
        Files.writeString(file, """
                2005-10-10T14:00:00Z info web1 request served status=200
                2005-10-10T14:00:01Z notice web2 child pid 12 exit signal Segmentation fault
                2005-10-10T14:00:02Z notice web3 child pid 13 exit signal Segmentation fault
                """);
        Project project = TestProjects.create(tmp.resolve("mixed"));
        project.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#fieldsTab");
        typeQuery(robot, "segmentation fault");
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#fieldPicker").queryComboBox();
        TableView<org.pmw.model.FieldValues.Value> values = robot.lookup("#fieldValues").queryTableView();
        assertEquals("host", picker.getValue(), "no segfault has a status: the next field worth a look");
        assertEquals(2, values.getItems().size());

        WaitForAsyncUtils.asyncFx(() -> picker.setValue("status")).get();
        typeQuery(robot, "exit signal");
        assertEquals("status", picker.getValue(), "a field the user picked stays, even where no event has it");
        assertEquals(0, values.getItems().size());
        assertEquals("None of these events has a status: pick another field.",
                ((Label) values.getPlaceholder()).getText());

        typeQuery(robot, "no such words");
        assertEquals("The search on screen found no event: nothing to count.",
                ((Label) values.getPlaceholder()).getText(), "not that none of no events has a status");
        assertEquals("", robot.lookup("#fieldsCaption").queryAs(Label.class).getText());
    }

    @Test
    void thePatternsPanelDrawsEachPatternsCountsOverTime(FxRobot robot) throws Exception {
        Project project = sampleProject("sparklines");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#patternsTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> patterns = robot.lookup("#patterns").queryTableView();
        assertTrue(patterns.getItems().size() >= 2, patterns.getItems().toString());
        List<javafx.scene.control.Labeled> cells = robot.lookup("#patterns .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.Labeled) n)
                .filter(c -> c.getGraphic() != null && c.getGraphic().getClass().getSimpleName().equals("Sparkline"))
                .toList();
        assertEquals(patterns.getItems().size(), cells.size(), "one sparkline a row");
        // drawn across its whole column: a drawing wider than the column lost its right end, where incidents are
        var cell = cells.get(0);
        double drawn = cell.getGraphic().getLayoutBounds().getWidth();
        assertTrue(drawn > 40 && drawn <= cell.getWidth(), drawn + " in a cell of " + cell.getWidth());
    }

    @Test
    void theTimelineLanesCountWhatTheSearchMatches(FxRobot robot) throws Exception {
        Project project = sampleProject("lanes");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.density() != null);
        assertEquals(3600, total(timeline.density()));
        assertEquals("", timeline.lanesNote());
        typeQuery(robot, "segmentation fault");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> total(timeline.density()) == 60);
        assertEquals("lanes: search matches", timeline.lanesNote());
        typeQuery(robot, "");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> total(timeline.density()) == 3600);
        assertEquals("", timeline.lanesNote());
    }

    private static long total(org.pmw.model.LaneDensity density) {
        long sum = 0;
        for (long[][] lane : density.counts().values()) {
            for (long[] level : lane) {
                for (long c : level) {
                    sum += c;
                }
            }
        }
        return sum;
    }

    @Test
    void aProjectOpensItsEvidenceWhereTheIncidentBegins(FxRobot robot) throws Exception {
        Project project = sampleProject("window");
        project.incident().setWindow(new org.pmw.model.TimeWindow(java.time.Instant.parse("2005-10-10T14:30:00Z"),
                java.time.Instant.parse("2005-10-10T14:45:00Z")));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#results").queryTableView();
        assertEquals(3600, table.getItems().size(), "all the evidence is there");
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        assertTrue(first > 1700 && first <= 1800 && last >= 1800, "14:30, the incident's start, is in view: rows "
                + first + ".." + last);
    }

    @Test
    void inASmallWindowAnEventWithManyFieldsLeavesTheLinesAroundItAndTheResultsReadable(FxRobot robot)
            throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ error web1 GET /product.php 503 client=12.68.200.%d"
                    + " method=GET path=/product.php query=id=%d protocol=HTTP/1.1 status=503 bytes=412"
                    + " referer=http://search.yahoo.com/search?p=keyboard"
                    + " agent=Mozilla/4.0_(compatible;_MSIE_6.0;_Windows_NT_5.1) vhost=shop.example.com port=80%n",
                    i / 60, i % 60, i % 250, i));
        }
        Path file = tmp.resolve("access.log");
        Files.writeString(file, sb.toString());
        Project project = TestProjects.create(tmp.resolve("small-window"));
        project.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = (Stage) main.getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(640);
            workbench.setProject(project);
        }).get();
        typeQuery(robot, "status:503");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.detail().current() != null);
        javafx.scene.layout.FlowPane fields = robot.lookup("#eventFields").queryAs(javafx.scene.layout.FlowPane.class);
        assertTrue(fields.getHeight() > 40, "the fields take more than a line here: " + fields.getHeight());

        javafx.scene.control.ListView<?> around = robot.lookup("#context").queryListView();
        javafx.geometry.Bounds aroundBounds = around.localToScene(around.getBoundsInLocal());
        javafx.geometry.Bounds detailBounds = main.detail().localToScene(main.detail().getBoundsInLocal());
        assertTrue(around.getHeight() >= 4 * 22, "four lines around the event at least: " + around.getHeight());
        assertTrue(aroundBounds.getMaxY() <= detailBounds.getMaxY() + 1, "and inside the pane, not cut off");
        TableView<?> results = robot.lookup("#results").queryTableView();
        assertTrue(results.getHeight() >= 6 * 24, "the column headers and five rows at least: " + results.getHeight());
    }

    @Test
    void aNewProjectGetsTheTimeZoneChosenInItsDialog(FxRobot robot) throws Exception {
        Project open = sampleProject("before-the-new-one");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(open)).get();
        Path folder = tmp.resolve("checkout-in-tokyo"); // beside the project open, where a bare name goes
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.ComboBox<String> zone = robot.lookup("#newProjectZone").queryComboBox();
        assertEquals(java.time.ZoneId.systemDefault().getId(), zone.getEditor().getText(),
                "the machine's zone unless another is chosen");
        TextField title = robot.lookup("#newProjectTitle").queryAs(TextField.class);
        TextField where = robot.lookup("#newProjectFolder").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> {
            title.setText("Checkout outage");
            where.setText("checkout-in-tokyo");
            zone.getEditor().setText("Asia/Tokio");
        }).get();
        javafx.scene.Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#newProjectError").queryAs(Label.class).getText().startsWith(
                "unknown time zone 'Asia/Tokio'"), "a zone it cannot read keeps the dialog open and says why");
        assertFalse(Files.exists(folder.resolve("incident.json")));

        WaitForAsyncUtils.asyncFx(() -> zone.getEditor().setText("Asia/Tokyo")).get();
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        Project created = workbench.project();
        assertEquals(folder.toAbsolutePath(), created.root().toAbsolutePath());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"), created.zone());
        assertEquals("Checkout outage", created.incident().getTitle());
    }

    @Test
    void ctrlAndADigitMovesTheKeyboardFocusIntoTheSidePanelItShows(FxRobot robot) throws Exception {
        Project project = sampleProject("side-keys");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#queryField");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TabPane side = main.sidePanel();
        for (int n : new int[] {5, 2, 4, 1}) {
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.getKeyCode(
                    Integer.toString(n))).release(javafx.scene.input.KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Tab tab = side.getTabs().get(n - 1);
            assertTrue(tab.isSelected(), tab.getText());
            javafx.scene.Node focused = main.getScene().getFocusOwner();
            assertTrue(isInside(focused, tab.getContent()), "Ctrl+" + n + " left the focus on " + focused);
        }
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Empties the query box, then types a query into it and presses Enter. */
    private static void typeQuery(FxRobot robot, String query) throws Exception {
        javafx.scene.control.ComboBox<?> box = robot.lookup("#queryField").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.getEditor().clear()).get();
        robot.clickOn(box).write(query).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
