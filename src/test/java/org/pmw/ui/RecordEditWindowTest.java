package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.Project;
import org.pmw.model.ActionItem;
import org.pmw.model.Experiment;
import org.pmw.model.TimeWindow;
import org.pmw.testing.TestProjects;
import org.pmw.ui.investigation.InvestigationView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Experiments and action items are edited from the inspector's Edit…, as changes and outcomes are. */
@ExtendWith(ApplicationExtension.class)
class RecordEditWindowTest {

    // not UTC: the form shows times in the project's zone and reads them back in it
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

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

    private Project project(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Project.create(dir, "Test incident", ZONE, TestProjects.CLOCK);
        Project project = TestProjects.open(dir);
        project.investigation().addHypothesis("Concurrent requests overwhelm the web tier", null);
        project.investigation().addHypothesis("One Xen VM misbehaves", null);
        return project;
    }

    /** Opens the project, then the record in the inspector, then its Edit… form. */
    private DialogPane openEditForm(FxRobot robot, Project project, String section, String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        robot.clickOn("#investigationTab");
        TitledPane pane = robot.from(investigation).lookup(".titled-pane").queryAllAs(TitledPane.class).stream()
                .filter(p -> p.getText().startsWith(section)).findFirst().orElseThrow();
        // the last sections start closed and may lie below the board's visible part: opened, at once, from here
        WaitForAsyncUtils.asyncFx(() -> {
            pane.setAnimated(false);
            pane.setExpanded(true);
        }).get();
        // and the card from the keyboard, which needs no scrolling to it
        Node card = robot.from(investigation).lookup("#card-" + id).queryAs(Node.class);
        WaitForAsyncUtils.asyncFx(card::requestFocus).get();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(investigation).lookup("#editRecord").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static List<TextField> textFields(FxRobot robot, DialogPane form) {
        return robot.from(form).lookup(".text-field").queryAllAs(TextField.class).stream().toList();
    }

    private static List<TextArea> textAreas(FxRobot robot, DialogPane form) {
        return robot.from(form).lookup(".text-area").queryAllAs(TextArea.class).stream().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<ComboBox<String>> choices(FxRobot robot, DialogPane form) {
        return robot.from(form).lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .map(box -> (ComboBox<String>) box).toList();
    }

    private static void replaceText(FxRobot robot, javafx.scene.control.TextInputControl field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    private static void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anExperimentsTitleMethodWindowAndHypothesisAreEditedAndTheEditIsOneUndo(FxRobot robot) throws Exception {
        Project project = project("experiment");
        Experiment original = project.investigation().addExperiment(new Experiment(null, "Load test the web tier",
                "ab -c 50 against web1", "H1", new TimeWindow(Instant.parse("2005-10-10T12:00:00Z"),
                Instant.parse("2005-10-10T12:30:00Z")), List.of(), List.of(), "throughput levels off",
                "errors at 120", "supports", "ops"));
        project.save();
        DialogPane form = openEditForm(robot, project, "Experiments", original.id());
        Window window = form.getScene().getWindow();
        List<TextField> fields = textFields(robot, form);
        List<TextArea> areas = textAreas(robot, form);
        List<ComboBox<String>> choices = choices(robot, form);
        assertEquals("Load test the web tier", fields.get(0).getText(), "the form opens filled in");
        assertEquals("2005-10-10 14:00", fields.get(1).getText(), "in the project's zone");
        assertEquals("2005-10-10 14:30", fields.get(2).getText());
        assertEquals("ab -c 50 against web1", areas.get(0).getText());
        assertEquals("errors at 120", areas.get(2).getText());
        assertEquals("H1", choices.get(0).getValue());
        assertEquals("supports", choices.get(1).getValue());

        replaceText(robot, fields.get(0), "Load test the web tier at 150 clients");
        replaceText(robot, areas.get(0), "ab -c 150 against web1");
        replaceText(robot, fields.get(2), "2005-10-10 14:45");
        WaitForAsyncUtils.asyncFx(() -> choices.get(0).setValue("H2")).get();
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(window.isShowing());
        assertEquals(1, project.incident().getExperiments().size(), "the experiment is replaced, not added");
        Experiment edited = project.incident().getExperiments().get(0);
        assertEquals(original.id(), edited.id());
        assertEquals("Load test the web tier at 150 clients", edited.title());
        assertEquals("ab -c 150 against web1", edited.method());
        assertEquals(new TimeWindow(Instant.parse("2005-10-10T12:00:00Z"), Instant.parse("2005-10-10T12:45:00Z")),
                edited.window());
        assertEquals("H2", edited.hypothesis());
        assertEquals("throughput levels off", edited.expected(), "what was not changed is kept");
        assertEquals("supports", edited.verdict());
        assertEquals("ops", edited.author(), "the author, which the form does not show, is kept");
        assertTrue(Files.readString(project.root().resolve("incident.json")).contains("at 150 clients"));

        undo(robot);
        assertEquals(original, project.incident().getExperiments().get(0), "one undo takes the whole edit back");
    }

    /** Opens a hypothesis in the inspector and the form that re-dates one of its status moves. */
    private DialogPane openRedateForm(FxRobot robot, String hypothesis, int move) throws Exception {
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        Node card = robot.from(investigation).lookup("#card-" + hypothesis).queryAs(Node.class);
        WaitForAsyncUtils.asyncFx(card::requestFocus).get();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Hyperlink redate = robot.from(investigation).lookup("#redateMove-" + move)
                .queryAs(javafx.scene.control.Hyperlink.class);
        // the history is at the foot of the inspector; the form it opens waits for OK, so it is not waited on
        javafx.application.Platform.runLater(redate::fire);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void aStatusMoveLoggedAtTheWrongTimeIsReDatedFromTheHypothesissHistory(FxRobot robot) throws Exception {
        Project project = project("redate");
        project.investigation().setStatus("H1", org.pmw.model.HypothesisStatus.TESTING, "load test planned",
                Instant.parse("2005-10-10T17:00:00Z"));
        // set in the window the next day, as most verdicts of a write-up are: dated when it was typed
        project.investigation().setStatus("H1", org.pmw.model.HypothesisStatus.SUPPORTED, "errors past 80 users");
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        DialogPane form = openRedateForm(robot, "H1", 2);
        Window window = form.getScene().getWindow();
        TextField when = textFields(robot, form).get(0);
        assertEquals("2026-01-01 01:00", when.getText(), "filled in with the time recorded, in the project's zone");
        replaceText(robot, when, "2005-10-10 21:30");
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
        var history = project.incident().getHypotheses().get(0).history();
        assertEquals(Instant.parse("2005-10-10T19:30:00Z"), history.get(1).at());
        assertEquals("errors past 80 users", history.get(1).reason());
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        assertTrue(robot.from(investigation).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Mon 10 Oct 21:30: testing → supported")),
                "the history shows the new time");

        // before the move ahead of it: refused, the form stays open with what was typed and says why
        form = openRedateForm(robot, "H1", 2);
        window = form.getScene().getWindow();
        replaceText(robot, textFields(robot, form).get(0), "2005-10-10 18:00");
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isShowing());
        String problem = robot.from(form).lookup("#formError").queryAs(Label.class).getText();
        assertTrue(problem.contains("would come before move 1 (open → testing"), problem);
        robot.clickOn(form.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Instant.parse("2005-10-10T19:30:00Z"),
                project.incident().getHypotheses().get(0).history().get(1).at());

        undo(robot);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                project.incident().getHypotheses().get(0).history().get(1).at(), "one undo");
    }

    @Test
    void aStatusSetInTheWindowIsDatedWhenTheUserSaysItWasDecided(FxRobot robot) throws Exception {
        Project project = project("status-at");
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        WaitForAsyncUtils.asyncFx(() -> investigation.select("H1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<org.pmw.model.HypothesisStatus> status = robot.from(investigation).lookup(".combo-box")
                .queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> status.setValue(org.pmw.model.HypothesisStatus.TESTING)).get();
        robot.clickOn("#statusAt").write("2005-10-10 18:00");
        robot.clickOn("#statusReason").write("load test planned");
        robot.clickOn("#setStatus");
        WaitForAsyncUtils.waitForFxEvents();
        var h1 = project.incident().getHypotheses().get(0);
        assertEquals(org.pmw.model.HypothesisStatus.TESTING, h1.status());
        assertEquals(Instant.parse("2005-10-10T16:00:00Z"), h1.history().get(0).at(), "in the project's zone");
        assertEquals("load test planned", h1.history().get(0).reason());
        assertTrue(robot.from(investigation).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Mon 10 Oct 18:00: open → testing")), "the history says so");
    }

    @Test
    void aRefusedStatusKeepsWhatWasTypedSoThatItCanBeCorrected(FxRobot robot) throws Exception {
        Project project = project("status-refused");
        List<Throwable> errors = new java.util.ArrayList<>();
        workbench.setErrorHandler(errors::add);
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        WaitForAsyncUtils.asyncFx(() -> investigation.select("H1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<org.pmw.model.HypothesisStatus> status = robot.from(investigation).lookup("#hypothesisStatus")
                .queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> status.setValue(org.pmw.model.HypothesisStatus.SUPPORTED)).get();
        robot.clickOn("#statusAt").write("2005-10-10 25:30");
        robot.clickOn("#statusReason").write("errors past 80 users in the load test");
        robot.clickOn("#setStatus");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("cannot read the time '2005-10-10 25:30'"),
                errors.get(0).getMessage());
        assertEquals(org.pmw.model.HypothesisStatus.OPEN, project.incident().getHypotheses().get(0).status());
        // the hour mistyped is corrected in place: the status, time and reason typed are still there
        @SuppressWarnings("unchecked")
        ComboBox<org.pmw.model.HypothesisStatus> shown = robot.from(investigation).lookup("#hypothesisStatus")
                .queryAs(ComboBox.class);
        assertEquals(org.pmw.model.HypothesisStatus.SUPPORTED, shown.getValue());
        TextField when = robot.from(investigation).lookup("#statusAt").queryAs(TextField.class);
        assertEquals("2005-10-10 25:30", when.getText());
        assertEquals("errors past 80 users in the load test",
                robot.from(investigation).lookup("#statusReason").queryAs(TextField.class).getText());
        replaceText(robot, when, "2005-10-10 21:30");
        robot.clickOn("#setStatus");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size());
        var h1 = project.incident().getHypotheses().get(0);
        assertEquals(org.pmw.model.HypothesisStatus.SUPPORTED, h1.status());
        assertEquals(Instant.parse("2005-10-10T19:30:00Z"), h1.history().get(0).at());
        assertEquals("errors past 80 users in the load test", h1.history().get(0).reason());
        assertEquals("", robot.from(investigation).lookup("#statusReason").queryAs(TextField.class).getText(),
                "once set, the form starts empty again");
    }

    /** The board's section whose title starts with {@code name} ("Changes (2)"), as it stands now. */
    private static TitledPane section(FxRobot robot, String name) {
        return robot.lookup(".titled-pane").queryAllAs(TitledPane.class).stream()
                .filter(p -> p.getText().startsWith(name + " (")).findFirst().orElseThrow();
    }

    @Test
    void aSectionOfTheBoardStaysAsTheUserLeftItWhenARecordInItIsOpenedOrAnythingIsEdited(FxRobot robot)
            throws Exception {
        Project project = project("sections");
        project.investigation().addChange(new org.pmw.model.Change(null, "config", "Fewer Apache children", null,
                null, null, null, Instant.parse("2005-10-10T16:00:00Z"), null, "done", "dan", null, null, null, null,
                List.of(), null, null));
        project.investigation().addChange(new org.pmw.model.Change(null, "infra", "More memory for the guests", null,
                null, null, null, Instant.parse("2005-10-10T16:30:00Z"), null, "done", "dan", null, null, null, null,
                List.of(), null, null));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        WaitForAsyncUtils.asyncFx(() -> {
            section(robot, "Changes").setAnimated(false);
            section(robot, "Changes").setExpanded(true); // as a click on its title does
            section(robot, "Experiments").setExpanded(false);
        }).get();
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        Node card = robot.from(investigation).lookup("#card-C1").queryAs(Node.class);
        WaitForAsyncUtils.asyncFx(card::requestFocus).get();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("C1", investigation.selected());
        assertTrue(section(robot, "Changes").isExpanded(), "opening a change leaves its list open");
        assertFalse(section(robot, "Experiments").isExpanded(), "and a section closed by the user closed");
        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Too few workers", null)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(section(robot, "Changes").isExpanded(), "after another edit too");
        assertFalse(section(robot, "Experiments").isExpanded());

        WaitForAsyncUtils.asyncFx(() -> section(robot, "Changes").setExpanded(false)).get();
        // opened from the timeline: its section opens to show it
        WaitForAsyncUtils.asyncFx(() -> investigation.select("C2")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(section(robot, "Changes").isExpanded());
    }

    @Test
    void aSectionClosedWhileItsRecordIsOpenStaysClosedAfterAnEdit(FxRobot robot) throws Exception {
        Project project = project("section-closed");
        project.investigation().addChange(new org.pmw.model.Change(null, "config", "Fewer Apache children", null,
                null, null, null, Instant.parse("2005-10-10T16:00:00Z"), null, "done", "dan", null, null, null, null,
                List.of(), null, null));
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        // opened from the timeline: its section opens to show it
        WaitForAsyncUtils.asyncFx(() -> investigation.select("C1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(section(robot, "Changes").isExpanded());
        // closed by the user to make room, the change still open in the inspector
        WaitForAsyncUtils.asyncFx(() -> {
            section(robot, "Changes").setAnimated(false);
            section(robot, "Changes").setExpanded(false);
        }).get();
        WaitForAsyncUtils.asyncFx(() -> workbench.edit("add", inv -> inv.addHypothesis("Too few workers", null)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("C1", investigation.selected());
        assertFalse(section(robot, "Changes").isExpanded(), "an edit leaves it as the user left it");
        undo(robot);
        assertFalse(section(robot, "Changes").isExpanded(), "and so does an undo");
    }

    @Test
    void aLinkNamesTheOtherRecordAndIsTakenOffWithUnlink(FxRobot robot) throws Exception {
        Project project = project("unlink");
        project.investigation().addExperiment(new Experiment(null, "Load test the web tier", null, null, null,
                List.of(), List.of(), null, null, "supports", null));
        project.investigation().link("E1", "supports", "H1");
        project.save();
        WaitForAsyncUtils.asyncFx(() -> workbench.setProject(project)).get();
        robot.clickOn("#investigationTab");
        InvestigationView investigation = robot.lookup("#investigation").queryAs(InvestigationView.class);
        WaitForAsyncUtils.asyncFx(() -> investigation.select("H1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.from(investigation).lookup(".hyperlink").queryAllAs(javafx.scene.control.Hyperlink.class)
                .stream().anyMatch(l -> l.getText().equals("E1  Load test the web tier  (E1 supports H1)")),
                "the linked record by its title, and how the two are linked");
        javafx.scene.control.Hyperlink unlink = robot.from(investigation).lookup("#unlink-E1-supports-H1")
                .queryAs(javafx.scene.control.Hyperlink.class);
        WaitForAsyncUtils.asyncFx(unlink::fire).get(); // at the foot of the inspector
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), project.incident().getLinks());
        assertEquals(List.of(), new org.pmw.project.ProjectStore(new org.pmw.project.ProjectLayout(project.root()))
                .load().getLinks(), "saved");
        assertEquals("H1", investigation.selected(), "the hypothesis stays open");
        assertTrue(robot.from(investigation).lookup("#unlink-E1-supports-H1").tryQuery().isEmpty());
        undo(robot);
        assertEquals(1, project.incident().getLinks().size(), "one undo puts the link back");
    }

    @Test
    void cancellingAnExperimentsEditChangesNothing(FxRobot robot) throws Exception {
        Project project = project("experiment-cancel");
        Experiment original = project.investigation().addExperiment(new Experiment(null, "Load test the web tier",
                null, "H1", null, List.of(), List.of(), null, null, "pending", "ops"));
        project.save();
        String saved = Files.readString(project.root().resolve("incident.json"));
        DialogPane form = openEditForm(robot, project, "Experiments", original.id());
        Window window = form.getScene().getWindow();
        List<TextField> fields = textFields(robot, form);
        assertEquals("", fields.get(1).getText(), "an experiment without a window leaves its times empty");
        replaceText(robot, fields.get(0), "Something else");
        robot.clickOn(form.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
        assertEquals(List.of(original), project.incident().getExperiments());
        assertEquals(saved, Files.readString(project.root().resolve("incident.json")));
    }

    @Test
    void anActionItemsTextKindOwnerAndTicketAreEditedAndItsStatusKept(FxRobot robot) throws Exception {
        Project project = project("action");
        ActionItem original = project.investigation().addActionItem(new ActionItem(null,
                "Alert on MaxClients", "prevent", "ops", null, "in_progress"));
        project.save();
        DialogPane form = openEditForm(robot, project, "Action items", original.id());
        Window window = form.getScene().getWindow();
        List<TextField> fields = textFields(robot, form);
        ComboBox<String> type = choices(robot, form).get(0);
        assertEquals("Alert on MaxClients", fields.get(0).getText(), "the form opens filled in");
        assertEquals("prevent", type.getValue());
        assertEquals("ops", fields.get(1).getText());
        assertEquals(0, fields.get(2).getLength(), "no ticket yet");

        replaceText(robot, fields.get(0), "Alert when busy workers near MaxClients");
        replaceText(robot, fields.get(1), "web team");
        robot.clickOn(fields.get(2)).write("OPS-1234");
        WaitForAsyncUtils.asyncFx(() -> type.setValue("mitigate")).get();
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(window.isShowing());
        assertEquals(List.of(new ActionItem(original.id(), "Alert when busy workers near MaxClients", "mitigate",
                "web team", "OPS-1234", "in_progress")), project.incident().getActionItems());
        assertTrue(Files.readString(project.root().resolve("incident.json")).contains("OPS-1234"));

        undo(robot);
        assertEquals(List.of(original), project.incident().getActionItems(), "one undo takes the whole edit back");
    }

    @Test
    void anActionItemLeftWithoutItsTextKeepsTheFormOpenAndCancelChangesNothing(FxRobot robot) throws Exception {
        Project project = project("action-refused");
        ActionItem original = project.investigation().addActionItem(new ActionItem(null,
                "Alert on MaxClients", "prevent", "ops", "OPS-1", "open"));
        project.save();
        DialogPane form = openEditForm(robot, project, "Action items", original.id());
        Window window = form.getScene().getWindow();
        List<TextField> fields = textFields(robot, form);
        robot.clickOn(fields.get(0)).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE);
        replaceText(robot, fields.get(1), "web team");
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(window.isShowing(), "the form stays open");
        Label problem = robot.from(form).lookup("#formError").queryAs(Label.class);
        assertTrue(problem.getText().contains("action"), problem.getText());
        assertEquals("web team", fields.get(1).getText(), "what was typed is still there");
        assertEquals(List.of(original), project.incident().getActionItems());

        robot.clickOn(form.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
        assertEquals(List.of(original), project.incident().getActionItems());
    }
}
