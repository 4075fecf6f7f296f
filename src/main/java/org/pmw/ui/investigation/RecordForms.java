package org.pmw.ui.investigation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.pmw.app.TimeArguments;
import org.pmw.model.ActionItem;
import org.pmw.model.Change;
import org.pmw.model.Experiment;
import org.pmw.model.Incident;
import org.pmw.model.Outcome;
import org.pmw.model.TimeWindow;

/**
 * Forms that create and edit experiments, changes, outcomes and action items. OK hands the
 * filled record to {@code save}; the investigation validates it there, and a refusal keeps the form open, with
 * everything typed, and says what is wrong.
 */
final class RecordForms {

    private RecordForms() {
    }

    /** Adds or replaces the record of a filled form; throws with a message when the investigation refuses it. */
    @FunctionalInterface
    interface Save<T> {
        void save(T record) throws java.io.IOException;
    }

    /** A two-column form in a dialog; {@code build} turns the filled fields into the record. */
    private static final class Form {
        final GridPane grid = new GridPane();
        int row;
        /** The form's first field, which has the focus when it opens: what is typed at once goes there. */
        javafx.scene.control.Control first;

        Form() {
            grid.setHgap(8);
            grid.setVgap(6);
        }

        TextField text(String label, String prompt) {
            TextField field = new TextField();
            field.setPromptText(prompt);
            field.setPrefColumnCount(36);
            grid.addRow(row++, new Label(label), field);
            if (first == null) {
                first = field;
            }
            return field;
        }

        TextArea area(String label, String prompt) {
            TextArea area = new TextArea();
            area.setPromptText(prompt);
            area.setPrefRowCount(2);
            area.setWrapText(true);
            grid.addRow(row++, new Label(label), area);
            return area;
        }

        ComboBox<String> choice(String label, List<String> values, String initial) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(values);
            box.setValue(initial);
            grid.addRow(row++, new Label(label), box);
            return box;
        }

        /** A choice of the incident's hypotheses, each shown with its statement: an id alone means nothing. */
        ComboBox<String> hypothesis(String label, Incident incident) {
            ComboBox<String> box = choice(label, hypothesisChoices(incident), "");
            java.util.Map<String, String> statements = new java.util.HashMap<>();
            incident.getHypotheses().forEach(h -> statements.put(h.id(), h.statement()));
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String id) {
                    if (id == null || id.isEmpty()) {
                        return "(none)";
                    }
                    String statement = statements.getOrDefault(id, "");
                    return id + "  " + (statement.length() > 60 ? statement.substring(0, 59) + "…" : statement);
                }

                @Override
                public String fromString(String text) {
                    return text;
                }
            });
            return box;
        }

        <T> void show(Window owner, String title, java.util.function.Supplier<T> build, Save<T> save) {
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.setTitle(title);
            dialog.setHeaderText(title);
            if (owner != null) {
                dialog.initOwner(owner);
            }
            Label problem = new Label();
            problem.setId("formError");
            problem.setWrapText(true);
            problem.setStyle("-fx-text-fill: #b3261e;");
            grid.add(problem, 0, row++, 2, 1);
            dialog.getDialogPane().setContent(grid);
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            // what the user typed is read and saved when OK is pressed: a time it cannot read, or a record the
            // investigation refuses (a run or change that does not exist), keeps the dialog open and says why,
            // instead of closing it and losing what was typed
            dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                try {
                    save.save(build.get());
                } catch (RuntimeException | java.io.IOException ex) {
                    problem.setText(ex.getMessage() == null ? ex.toString() : ex.getMessage());
                    e.consume();
                }
            });
            if (first != null) {
                // else OK, the default button, has it, and the letters typed are lost
                dialog.setOnShown(e -> javafx.application.Platform.runLater(first::requestFocus));
            }
            dialog.showAndWait();
        }
    }

    private static Instant time(String text, ZoneId zone) {
        return text == null || text.isBlank() ? null : TimeArguments.parse(text, zone);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> hypothesisChoices(Incident incident) {
        List<String> out = new ArrayList<>();
        out.add("");
        incident.getHypotheses().forEach(h -> out.add(h.id()));
        return out;
    }

    /** Asks when a hypothesis's status move happened, filled in with the time it was recorded at. */
    static void statusMoveTime(Window owner, String hypothesisId, org.pmw.model.StatusChange move, ZoneId zone,
                               Save<Instant> save) {
        Form f = new Form();
        TextField when = f.text("When", "yyyy-MM-dd HH:mm in " + zone.getId() + ", or with its offset");
        when.setText(TimeArguments.format(move.at(), zone));
        f.show(owner, "When " + hypothesisId + " moved " + (move.from() == null ? "" : move.from().id() + " → ")
                + move.to().id(), () -> {
                    Instant at = time(when.getText(), zone);
                    if (at == null) {
                        throw new IllegalArgumentException("Give the time the move happened.");
                    }
                    return at;
                }, save);
    }

    static void experiment(Window owner, Incident incident, ZoneId zone, Save<Experiment> save) {
        experiment(owner, incident, zone, null, save);
    }

    /**
     * The experiment form, filled from {@code existing} when editing. The saved searches it cites and its
     * author, which the form does not show, are kept as they were.
     */
    static void experiment(Window owner, Incident incident, ZoneId zone, Experiment existing, Save<Experiment> save) {
        Form f = new Form();
        TextField title = f.text("Title", "e.g. Load test at increasing concurrency");
        ComboBox<String> hypothesis = f.hypothesis("Tests hypothesis", incident);
        TextArea method = f.area("Method", "what was done");
        TextField from = f.text("From", "2005-10-10 13:00 (" + zone.getId() + ")");
        TextField to = f.text("To", "2005-10-10 14:00");
        TextField runs = f.text("Load-test runs", "e.g. R2, R3");
        TextArea expected = f.area("Expected", "what the hypothesis predicts");
        TextArea observed = f.area("Observed", "what was seen");
        ComboBox<String> verdict = f.choice("Verdict", List.of("pending", "supports", "refutes", "inconclusive"),
                "pending");
        // a new experiment is a blank draft: the investigation gives it its id and author
        Experiment e = existing == null
                ? new Experiment(null, null, null, null, null, List.of(), List.of(), null, null, "pending", null)
                : existing;
        if (existing != null) {
            title.setText(e.title());
            hypothesis.setValue(e.hypothesis() == null ? "" : e.hypothesis());
            method.setText(e.method());
            fill(from, to, e.window(), zone);
            runs.setText(String.join(", ", e.loadTestRuns()));
            expected.setText(e.expected());
            observed.setText(e.observed());
            verdict.setValue(e.verdict());
        }
        f.show(owner, existing == null ? "New experiment" : "Edit experiment " + e.id(), () -> new Experiment(e.id(),
                title.getText(), blank(method.getText()), blank(hypothesis.getValue()),
                window(from.getText(), to.getText(), zone), ids(runs.getText()), e.searches(),
                blank(expected.getText()), blank(observed.getText()), verdict.getValue(), e.author()), save);
    }

    /** Shows a window's ends in its two fields; an end it does not have is left empty. */
    private static void fill(TextField from, TextField to, TimeWindow window, ZoneId zone) {
        from.setText(window == null ? "" : TimeArguments.format(window.start(), zone));
        to.setText(window == null ? "" : TimeArguments.format(window.end(), zone));
    }

    private static TimeWindow window(String from, String to, ZoneId zone) {
        Instant f = time(from, zone);
        Instant t = time(to, zone);
        return f == null && t == null ? null : new TimeWindow(f, t);
    }

    static void change(Window owner, Incident incident, ZoneId zone, Save<Change> save) {
        change(owner, incident, zone, null, save);
    }

    /**
     * The change form, filled from {@code existing} when editing. What the form does not show (target,
     * environment, revisions, where an imported change came from) is kept as it was.
     */
    static void change(Window owner, Incident incident, ZoneId zone, Change existing, Save<Change> save) {
        Form f = new Form();
        TextField title = f.text("Title", "e.g. Apache MPM: fewer threads per child");
        ComboBox<String> kind = f.choice("Kind", List.of("code", "config", "deploy", "rollback", "infra",
                "feature_flag", "scaling", "other"), "config");
        TextField started = f.text("Started", "2005-10-10 18:00 (" + zone.getId() + ")");
        TextField ended = f.text("Ended", "optional");
        TextField service = f.text("Service / host", "e.g. web1..web3");
        TextField actor = f.text("By", "who made it");
        TextField ticket = f.text("Ticket or URL", "optional");
        ComboBox<String> hypothesis = f.hypothesis("Addresses hypothesis", incident);
        TextArea description = f.area("Description", "what and why");
        if (existing == null) {
            f.show(owner, "New change", () -> new Change(null, kind.getValue(), title.getText(),
                    blank(description.getText()), blank(service.getText()), null, null,
                    time(started.getText(), zone), time(ended.getText(), zone), "done", blank(actor.getText()), null,
                    null, null, blank(ticket.getText()), List.of(), blank(hypothesis.getValue()), "manual"), save);
            return;
        }
        Change c = existing;
        title.setText(c.title());
        if (!kind.getItems().contains(c.kind())) {
            kind.getItems().add(c.kind());
        }
        kind.setValue(c.kind());
        started.setText(TimeArguments.format(c.startedAt(), zone));
        ended.setText(TimeArguments.format(c.endedAt(), zone));
        service.setText(c.service());
        actor.setText(c.actor());
        ticket.setText(c.ticket());
        hypothesis.setValue(c.hypothesis() == null ? "" : c.hypothesis());
        description.setText(c.description());
        f.show(owner, "Edit change " + c.id(), () -> new Change(c.id(), kind.getValue(), title.getText(),
                blank(description.getText()), blank(service.getText()), c.target(), c.environment(),
                time(started.getText(), zone), time(ended.getText(), zone), c.status(), blank(actor.getText()),
                c.revision(), c.previousRevision(), c.url(), blank(ticket.getText()), c.tags(),
                blank(hypothesis.getValue()), c.origin(), c.externalId(), c.system()), save);
    }

    static void outcome(Window owner, Incident incident, ZoneId zone, Save<Outcome> save) {
        outcome(owner, incident, zone, null, save);
    }

    /** The outcome form, filled from {@code existing} when editing; the verdict is measured again after. */
    static void outcome(Window owner, Incident incident, ZoneId zone, Outcome existing, Save<Outcome> save) {
        Form f = new Form();
        TextField title = f.text("Title", "e.g. Segfaults after the 18:00 push");
        TextField changes = f.text("Evaluates changes", "e.g. C8, C9, C10");
        TextField query = f.text("Counts events matching", "e.g. \"segmentation fault\"");
        TextField ratioOf = f.text("As a share of (optional)", "e.g. kind:request");
        TextField beforeFrom = f.text("Before: from", "2005-10-10 08:00 (" + zone.getId() + ")");
        TextField beforeTo = f.text("Before: to", "2005-10-10 18:00");
        TextField afterFrom = f.text("After: from", "2005-10-10 18:00");
        TextField afterTo = f.text("After: to", "2005-10-10 20:30");
        String id = existing == null ? null : existing.id();
        if (existing != null) {
            title.setText(existing.title());
            changes.setText(String.join(", ", existing.changes()));
            query.setText(existing.query());
            ratioOf.setText(existing.denominatorQuery());
            fill(beforeFrom, beforeTo, existing.before(), zone);
            fill(afterFrom, afterTo, existing.after(), zone);
        }
        f.show(owner, existing == null ? "New outcome" : "Edit outcome " + id, () -> new Outcome(id,
                title.getText(), ids(changes.getText()), query.getText(), blank(ratioOf.getText()),
                window(beforeFrom.getText(), beforeTo.getText(), zone),
                window(afterFrom.getText(), afterTo.getText(), zone), null,
                existing == null ? null : existing.notes()), save);
    }

    static void actionItem(Window owner, Save<ActionItem> save) {
        actionItem(owner, null, save);
    }

    /** The action item form, filled from {@code existing} when editing; its status is set in the inspector. */
    static void actionItem(Window owner, ActionItem existing, Save<ActionItem> save) {
        Form f = new Form();
        TextField action = f.text("Action", "e.g. Alert on the 5xx rate per minute");
        ComboBox<String> type = f.choice("Type", List.of("mitigate", "prevent", "process", "other"), "prevent");
        TextField owner_ = f.text("Owner", "team or person");
        TextField ticket = f.text("Ticket", "optional");
        // a new action item is a blank draft, open until its status is set in the inspector
        ActionItem a = existing == null ? new ActionItem(null, null, "prevent", null, null, "open") : existing;
        if (existing != null) {
            action.setText(a.action());
            type.setValue(a.type());
            owner_.setText(a.owner());
            ticket.setText(a.ticket());
        }
        f.show(owner, existing == null ? "New action item" : "Edit action item " + a.id(), () -> new ActionItem(a.id(),
                action.getText(), type.getValue(), blank(owner_.getText()), blank(ticket.getText()), a.status()), save);
    }
}
