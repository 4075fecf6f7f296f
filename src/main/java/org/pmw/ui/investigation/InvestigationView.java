package org.pmw.ui.investigation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.Project;
import org.pmw.model.ActionItem;
import org.pmw.model.Change;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.Outcome;
import org.pmw.model.StatusChange;
import org.pmw.ui.main.WorkbenchModel;

/**
 * The investigation: hypotheses grouped by status as a board, and the experiments, changes, outcomes and action
 * items. Selecting a record opens it in the inspector below, where it can be edited and followed along its
 * links. Every edit is saved at once and can be undone.
 */
public final class InvestigationView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm");

    private final WorkbenchModel workbench;
    private final VBox board = new VBox(6);
    private final VBox inspector = new VBox(6);
    /** Whether each section of the board (Experiments, Changes...) is open, as the user last left it. */
    private final java.util.Map<String, Boolean> expandedSections = new java.util.HashMap<>();
    private String selected;
    /** Whether the refresh under way opens the board's section that holds the selected record (just opened). */
    private boolean revealSelected;
    private Consumer<String> onOpenEvidence = ref -> { };
    private Consumer<String> onSelectRecord = id -> { };

    public InvestigationView(WorkbenchModel workbench) {
        this.workbench = workbench;
        setId("investigation");
        getStyleClass().add("investigation");
        Button newHypothesis = new Button("New hypothesis");
        newHypothesis.setId("newHypothesis");
        newHypothesis.setOnAction(e -> newHypothesis());
        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton("New…");
        more.setId("newRecord");
        // the forms read the open project's hypotheses: with none open there is nothing to add a record to
        more.disableProperty().bind(workbench.projectProperty().isNull());
        more.getItems().addAll(
                menuItem("Experiment…", () -> RecordForms.experiment(owner(), project().incident(), zone(),
                        d -> created(inv -> inv.addExperiment(d).id()))),
                menuItem("Change…", () -> RecordForms.change(owner(), project().incident(), zone(),
                        d -> created(inv -> {
                            Change c = inv.addChange(d);
                            if (d.hypothesis() != null) {
                                inv.link(c.id(), "addresses", d.hypothesis());
                            }
                            return c.id();
                        }))),
                menuItem("Outcome…", () -> RecordForms.outcome(owner(), project().incident(), zone(),
                        d -> created(inv -> {
                            Outcome o = inv.addOutcome(d);
                            String verdict = org.pmw.app.OutcomeText.verdict(project(), o);
                            if (verdict != null) {
                                inv.setOutcomeVerdict(o.id(), verdict);
                            }
                            return o.id();
                        }))),
                menuItem("Action item…", () -> RecordForms.actionItem(owner(),
                        d -> created(inv -> inv.addActionItem(d).id()))));
        HBox toolbar = new HBox(6, newHypothesis, more);
        toolbar.setPadding(new Insets(6));
        board.setPadding(new Insets(4, 8, 8, 8));
        inspector.setPadding(new Insets(8));
        inspector.getStyleClass().add("inspector");
        ScrollPane boardScroll = new ScrollPane(board);
        boardScroll.setFitToWidth(true);
        ScrollPane inspectorScroll = new ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        // the board and the open record share the height; the user moves the divider
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(boardScroll, inspectorScroll);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, split);
        workbench.revisionProperty().addListener((o, a, b) -> refresh());
    }

    /** Called with {@code source:line} when the user follows an event reference. */
    public void setOnOpenEvidence(Consumer<String> handler) {
        this.onOpenEvidence = handler;
    }

    /** Called with a record id when the user selects it (the timeline highlights it). */
    public void setOnSelectRecord(Consumer<String> handler) {
        this.onSelectRecord = handler;
    }

    private static javafx.scene.control.MenuItem menuItem(String text, Runnable action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text);
        item.setOnAction(e -> {
            if (action != null) {
                action.run();
            }
        });
        return item;
    }

    private javafx.stage.Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Button editButton(Runnable open) {
        Button edit = new Button("Edit…");
        edit.setId("editRecord");
        edit.setOnAction(e -> open.run());
        return edit;
    }

    /** Applies an edit of a record, then shows the record again. */
    private void edited(String label, String id, org.pmw.app.EditSession.Edit edit) {
        if (workbench.edit(label, edit)) {
            select(id, false);
        }
    }

    /** Applies a form's edit of a record, then shows the record again; a refusal is thrown back to the form. */
    private void editedFromForm(String label, String id, org.pmw.app.EditSession.Edit edit) throws java.io.IOException {
        if (workbench.editOrRefuse(label, edit)) {
            select(id, false);
        }
    }

    /** Applies a form's edit that creates a record, then selects it; a refusal is thrown back to the form. */
    private void created(java.util.function.Function<org.pmw.app.investigation.Investigation, String> create)
            throws java.io.IOException {
        String[] id = new String[1];
        if (workbench.editOrRefuse("add record", inv -> id[0] = create.apply(inv))) {
            select(id[0]);
        }
    }

    /** Asks for a statement and adds a hypothesis (Ctrl+N). */
    public void newHypothesis() {
        if (workbench.project() == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("New hypothesis");
        dialog.setHeaderText("What might explain what you see?");
        dialog.getEditor().setPromptText("e.g. Concurrent requests overwhelm the web tier");
        dialog.getEditor().setPrefColumnCount(40);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().filter(s -> !s.isBlank()).ifPresent(this::addHypothesis);
    }

    /** Adds a hypothesis and selects it. */
    public void addHypothesis(String statement) {
        String[] created = new String[1];
        if (workbench.edit("add hypothesis", inv -> created[0] = inv.addHypothesis(statement, null).id())) {
            select(created[0]);
        }
    }

    /** Opens a record in the inspector; the board's section holding it opens to show it. */
    public void select(String id) {
        select(id, true);
    }

    /**
     * Opens a record in the inspector. {@code reveal}: the section holding it opens, as for a record just opened;
     * a record shown again after its edit leaves its section as the user left it.
     */
    private void select(String id, boolean reveal) {
        // the board is rebuilt: a card that had the keyboard's focus gives it to the card of the record opened
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        boolean onCard = focused != null && focused.getStyleClass().contains("record-card");
        selected = id;
        onSelectRecord.accept(id);
        revealSelected = reveal;
        try {
            refresh();
        } finally {
            revealSelected = false;
        }
        if (onCard) {
            Node card = board.lookup("#card-" + id);
            if (card != null) {
                card.requestFocus();
            }
        }
    }

    public String selected() {
        return selected;
    }

    private Project project() {
        return workbench.project();
    }

    private ZoneId zone() {
        return project() == null ? ZoneId.of("UTC") : project().zone();
    }

    private String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone()));
    }

    public void refresh() {
        board.getChildren().clear();
        inspector.getChildren().clear();
        Project p = project();
        if (p == null) {
            return;
        }
        Incident incident = p.incident();
        for (HypothesisStatus status : List.of(HypothesisStatus.TESTING, HypothesisStatus.OPEN,
                HypothesisStatus.SUPPORTED, HypothesisStatus.INCONCLUSIVE, HypothesisStatus.REFUTED)) {
            List<Hypothesis> group = incident.getHypotheses().stream().filter(h -> h.status() == status).toList();
            if (group.isEmpty()) {
                continue;
            }
            Label heading = new Label(capitalise(status.id()) + " (" + group.size() + ")");
            heading.getStyleClass().add("section-title");
            board.getChildren().add(heading);
            for (Hypothesis h : group) {
                board.getChildren().add(card(h.id(), h.statement(), status.id()));
            }
        }
        if (incident.getHypotheses().isEmpty()) {
            Label hint = new Label("No hypotheses yet. Write down what might explain the outage (Ctrl+N).");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            board.getChildren().add(hint);
        }
        board.getChildren().add(section("Experiments", incident.getExperiments().stream()
                .map(e -> card(e.id(), e.title(), e.verdict())).toList()));
        board.getChildren().add(section("Changes", incident.getChanges().stream()
                .map(c -> card(c.id(), time(c.startedAt()) + "  " + c.title(), c.kind())).toList()));
        board.getChildren().add(section("Outcomes", incident.getOutcomes().stream()
                .map(o -> card(o.id(), o.title(), o.verdict())).toList()));
        board.getChildren().add(section("Action items", incident.getActionItems().stream()
                .map(a -> card(a.id(), a.action(), a.type())).toList()));
        if (selected != null) {
            showInspector(incident, selected);
        }
        if (inspector.getChildren().isEmpty()) {
            Label hint = new Label("Select a hypothesis, experiment, change, outcome or action item to open it here,"
                    + " with its evidence and links. Click a record on the timeline to do the same.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            inspector.getChildren().add(hint);
        }
    }

    private TitledPane section(String title, List<Node> cards) {
        // the board is rebuilt on every edit and every record opened: a section keeps the state the user left it
        // in, and the one holding a record just opened shows it
        boolean holdsSelected = revealSelected && selected != null
                && cards.stream().anyMatch(card -> ("card-" + selected).equals(card.getId()));
        if (holdsSelected) {
            expandedSections.put(title, true);
        }
        VBox box = new VBox(4);
        box.getChildren().addAll(cards);
        if (cards.isEmpty()) {
            Label none = new Label("none yet");
            none.getStyleClass().add("hint");
            box.getChildren().add(none);
        }
        TitledPane pane = new TitledPane(title + " (" + cards.size() + ")", box);
        pane.setExpanded(expandedSections.getOrDefault(title, title.equals("Experiments") || title.equals("Outcomes")));
        pane.expandedProperty().addListener((o, was, now) -> expandedSections.put(title, now));
        return pane;
    }

    private Node card(String id, String text, String badge) {
        Label idLabel = new Label(id);
        idLabel.getStyleClass().add("record-id");
        idLabel.setMinWidth(32);
        Label body = new Label(text);
        body.setWrapText(true);
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label(badge == null ? "" : badge);
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.getStyleClass().addAll("status-badge", "status-" + (badge == null ? "" : badge.replace(' ', '-')));
        HBox card = new HBox(6, idLabel, body, status);
        card.setAlignment(Pos.TOP_LEFT);
        card.getStyleClass().add("record-card");
        if (id.equals(selected)) {
            card.getStyleClass().add("selected-card");
        }
        card.setId("card-" + id);
        card.setOnMouseClicked(e -> select(id));
        // reached with Tab and opened with Enter or Space, as the buttons beside it are
        card.setFocusTraversable(true);
        card.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                e.consume();
                select(id);
            }
        });
        return card;
    }

    private void showInspector(Incident incident, String id) {
        Optional<Hypothesis> h = incident.getHypotheses().stream().filter(x -> x.id().equals(id)).findFirst();
        if (h.isPresent()) {
            hypothesisInspector(incident, h.get());
            return;
        }
        incident.getExperiments().stream().filter(x -> x.id().equals(id)).findFirst()
                .ifPresent(e -> experimentInspector(incident, e));
        incident.getChanges().stream().filter(x -> x.id().equals(id)).findFirst()
                .ifPresent(c -> changeInspector(incident, c));
        incident.getOutcomes().stream().filter(x -> x.id().equals(id)).findFirst()
                .ifPresent(o -> outcomeInspector(incident, o));
        incident.getActionItems().stream().filter(x -> x.id().equals(id)).findFirst()
                .ifPresent(a -> actionInspector(a));
    }

    private Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-title");
        l.setWrapText(true);
        return l;
    }

    private Label field(String name, String value) {
        Label l = new Label(name + ": " + (value == null || value.isBlank() ? "—" : value));
        l.setWrapText(true);
        return l;
    }

    private void hypothesisInspector(Incident incident, Hypothesis h) {
        inspector.getChildren().add(title(h.id() + " · hypothesis"));
        TextArea statement = new TextArea(h.statement());
        statement.setId("hypothesisStatement");
        statement.setWrapText(true);
        statement.setPrefRowCount(3);
        Button saveStatement = new Button("Save statement");
        saveStatement.setOnAction(e -> workbench.edit("edit " + h.id(),
                inv -> inv.updateHypothesis(h.id(), statement.getText(), null)));
        ComboBox<HypothesisStatus> status = new ComboBox<>();
        status.getItems().setAll(HypothesisStatus.values());
        status.setValue(h.status());
        status.setId("hypothesisStatus");
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(HypothesisStatus value) {
                return value == null ? "" : value.id();
            }

            @Override
            public HypothesisStatus fromString(String text) {
                return HypothesisStatus.fromId(text);
            }
        });
        TextField reason = new TextField();
        reason.setPromptText("why (required)");
        reason.setId("statusReason");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button setStatus = new Button("Set status");
        setStatus.setId("setStatus");
        setStatus.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a write-up made afterwards dates each move when it was decided, not when it is typed (empty: now)
        TextField when = new TextField();
        when.setId("statusAt");
        when.setPromptText("when (empty: now)");
        when.setTooltip(new javafx.scene.control.Tooltip("When it was decided: yyyy-MM-dd HH:mm in " + zone().getId()
                + ", or ISO-8601 with an offset. Empty: now."));
        HBox.setHgrow(when, Priority.ALWAYS);
        setStatus.setOnAction(e -> {
            HypothesisStatus to = status.getValue();
            String why = reason.getText();
            String at = when.getText();
            try {
                workbench.editOrRefuse("set status of " + h.id(), inv -> inv.setStatus(h.id(), to, why,
                        at.isBlank() ? null : org.pmw.app.TimeArguments.parse(at, zone())));
            } catch (java.io.IOException | RuntimeException refused) {
                // the refresh after a refusal built the inspector again, empty: what was typed (a mistyped time,
                // a time before the previous move) is put back to be corrected rather than typed again
                typedStatus(to, why, at);
                workbench.showError(refused);
            }
        });
        inspector.getChildren().addAll(statement, saveStatement, new HBox(6, status, when),
                new HBox(6, reason, setStatus));
        inspector.getChildren().add(subheading("Evidence for (" + h.evidenceFor().size() + ")"));
        h.evidenceFor().forEach(ref -> inspector.getChildren().add(evidence(incident, ref)));
        inspector.getChildren().add(subheading("Evidence against (" + h.evidenceAgainst().size() + ")"));
        h.evidenceAgainst().forEach(ref -> inspector.getChildren().add(evidence(incident, ref)));
        inspector.getChildren().add(subheading("Tested by"));
        incident.getExperiments().stream().filter(e -> h.id().equals(e.hypothesis()))
                .forEach(e -> inspector.getChildren().add(recordLink(e.id(), e.title() + " → " + e.verdict())));
        inspector.getChildren().add(subheading("Linked"));
        linksOf(incident, h.id()).forEach(n -> inspector.getChildren().add(n));
        inspector.getChildren().add(linkButton(incident, h.id()));
        inspector.getChildren().add(subheading("History"));
        for (int i = 0; i < h.history().size(); i++) {
            StatusChange sc = h.history().get(i);
            int move = i + 1;
            Label entry = field(time(sc.at()), (sc.from() == null ? "" : sc.from().id() + " → ")
                    + sc.to().id() + (sc.reason() == null ? "" : ": " + sc.reason()));
            HBox.setHgrow(entry, Priority.ALWAYS);
            entry.setMaxWidth(Double.MAX_VALUE);
            // a move logged when it was written down, not when it was decided, is corrected here
            Hyperlink redate = new Hyperlink("Re-date…");
            redate.setId("redateMove-" + move);
            redate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            redate.setOnAction(e -> RecordForms.statusMoveTime(owner(), h.id(), sc, zone(),
                    at -> editedFromForm("re-date " + h.id() + " move " + move, h.id(),
                            inv -> inv.redateStatusChange(h.id(), move, at))));
            HBox row = new HBox(6, entry, redate);
            row.setAlignment(Pos.TOP_LEFT);
            inspector.getChildren().add(row);
        }
        Button delete = new Button("Delete hypothesis");
        delete.setOnAction(e -> {
            if (workbench.edit("delete " + h.id(), inv -> inv.delete(h.id()))) {
                selected = null;
                refresh();
            }
        });
        inspector.getChildren().add(delete);
    }

    private Node evidence(Incident incident, EvidenceRef ref) {
        String note = ref.note() == null ? "" : "  " + ref.note();
        if (ref.event() != null) {
            Hyperlink link = new Hyperlink(ref.event());
            link.setOnAction(e -> onOpenEvidence.accept(ref.event()));
            return new FlowPane(link, new Label(note));
        }
        String query = incident.getSavedSearches().stream().filter(s -> s.id().equals(ref.search()))
                .map(s -> s.name() + ": " + s.query()).findFirst().orElse(ref.search());
        Hyperlink link = new Hyperlink(ref.search() + " " + query);
        link.setWrapText(true);
        link.setOnAction(e -> onOpenEvidence.accept("search:" + ref.search()));
        return new VBox(link, new Label(note));
    }

    private Label subheading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Hyperlink recordLink(String id, String text) {
        Hyperlink link = new Hyperlink(id + "  " + text);
        link.setWrapText(true);
        link.setOnAction(e -> select(id));
        return link;
    }

    /** Links this record to another by picking the type and the other record. */
    private Button linkButton(Incident incident, String id) {
        Button link = new Button("Link to…");
        link.setOnAction(e -> {
            List<String> targets = new ArrayList<>();
            incident.getHypotheses().forEach(h -> targets.add(h.id() + "  " + h.statement()));
            incident.getExperiments().forEach(x -> targets.add(x.id() + "  " + x.title()));
            incident.getChanges().forEach(c -> targets.add(c.id() + "  " + c.title()));
            incident.getOutcomes().forEach(o -> targets.add(o.id() + "  " + o.title()));
            incident.getActionItems().forEach(a -> targets.add(a.id() + "  " + a.action()));
            targets.removeIf(t -> t.startsWith(id + " "));
            if (!targets.isEmpty()) {
                askLink(id, targets);
            }
        });
        return link;
    }

    /** Asks how {@code from} relates to {@code to} (dragged onto it on the timeline) and links them. */
    public void proposeLink(String from, String to) {
        if (project() != null) {
            select(from);
            askLink(from, List.of(to));
        }
    }

    /** The link dialog: a type, and the target among {@code targets} ("ID  title" or just the id). */
    private void askLink(String id, List<String> targets) {
        ComboBox<String> type = new ComboBox<>();
        type.setId("linkType");
        type.getItems().setAll("tests", "supports", "refutes", "addresses", "evaluates", "caused_by", "relates_to");
        type.setValue("relates_to");
        ComboBox<String> target = new ComboBox<>();
        target.getItems().setAll(targets);
        target.setValue(targets.get(0));
        javafx.scene.control.Dialog<ButtonTypeChoice> dialog = new javafx.scene.control.Dialog<>();
        dialog.setHeaderText("Link " + id + " to another record");
        dialog.getDialogPane().setContent(new VBox(6, new Label(id), type, target));
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        if (owner() != null) {
            dialog.initOwner(owner());
        }
        dialog.setResultConverter(b -> {
            if (b != javafx.scene.control.ButtonType.OK) {
                return null;
            }
            String chosen = target.getValue();
            int space = chosen.indexOf(' ');
            return new ButtonTypeChoice(type.getValue(), space < 0 ? chosen : chosen.substring(0, space));
        });
        dialog.showAndWait().ifPresent(c -> edited("link " + id, id, inv -> inv.link(id, c.type(), c.target())));
    }

    private record ButtonTypeChoice(String type, String target) {
    }

    /** Fills the open hypothesis's Set status with what was typed into it. */
    @SuppressWarnings("unchecked")
    private void typedStatus(HypothesisStatus to, String reason, String at) {
        if (inspector.lookup("#hypothesisStatus") instanceof ComboBox<?> status
                && inspector.lookup("#statusReason") instanceof TextField why
                && inspector.lookup("#statusAt") instanceof TextField when) {
            ((ComboBox<HypothesisStatus>) status).setValue(to);
            why.setText(reason);
            when.setText(at);
        }
    }

    /**
     * The record's links, each naming the other record by its title (an id alone says nothing) and how the two
     * are linked, with Unlink beside it: a link drawn by mistake on the timeline is taken off here.
     */
    private List<Node> linksOf(Incident incident, String id) {
        List<Node> nodes = new ArrayList<>();
        for (Link l : incident.getLinks()) {
            if (!l.from().equals(id) && !l.to().equals(id)) {
                continue;
            }
            String other = l.from().equals(id) ? l.to() : l.from();
            String title = titleOf(incident, other);
            if (title != null && title.length() > 90) {
                title = title.substring(0, 89) + "…";
            }
            Hyperlink open = recordLink(other, (title == null ? "" : title + "  ")
                    + "(" + l.from() + " " + l.type() + " " + l.to() + ")");
            HBox.setHgrow(open, Priority.ALWAYS);
            open.setMaxWidth(Double.MAX_VALUE);
            Hyperlink unlink = new Hyperlink("Unlink");
            unlink.setId("unlink-" + l.from() + "-" + l.type() + "-" + l.to());
            unlink.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            unlink.setOnAction(e -> edited("unlink " + l.from() + " " + l.type() + " " + l.to(), id,
                    inv -> inv.unlink(l.from(), l.type(), l.to())));
            HBox row = new HBox(6, open, unlink);
            row.setAlignment(Pos.TOP_LEFT);
            nodes.add(row);
        }
        if (nodes.isEmpty()) {
            Label none = new Label("no links");
            none.getStyleClass().add("hint");
            nodes.add(none);
        }
        return nodes;
    }

    /** What a record is called: a hypothesis's statement, another record's title; null for an unknown id. */
    private static String titleOf(Incident incident, String id) {
        for (Hypothesis h : incident.getHypotheses()) {
            if (h.id().equals(id)) {
                return h.statement();
            }
        }
        for (Experiment x : incident.getExperiments()) {
            if (x.id().equals(id)) {
                return x.title();
            }
        }
        for (Change c : incident.getChanges()) {
            if (c.id().equals(id)) {
                return c.title();
            }
        }
        for (Outcome o : incident.getOutcomes()) {
            if (o.id().equals(id)) {
                return o.title();
            }
        }
        for (ActionItem a : incident.getActionItems()) {
            if (a.id().equals(id)) {
                return a.action();
            }
        }
        return null;
    }

    private void experimentInspector(Incident incident, Experiment e) {
        inspector.getChildren().addAll(title(e.id() + " · experiment: " + e.title()),
                field("Method", e.method()),
                field("Window", e.window() == null ? null : time(e.window().start()) + " – " + time(e.window().end())),
                field("Expected", e.expected()));
        TextArea observed = new TextArea(e.observed() == null ? "" : e.observed());
        observed.setPromptText("what was seen");
        observed.setWrapText(true);
        observed.setPrefRowCount(3);
        ComboBox<String> verdict = new ComboBox<>();
        verdict.getItems().setAll("pending", "supports", "refutes", "inconclusive");
        verdict.setValue(e.verdict());
        Button save = new Button("Save result");
        save.setOnAction(ev -> workbench.edit("result of " + e.id(), inv -> inv.updateExperiment(new Experiment(
                e.id(), e.title(), e.method(), e.hypothesis(), e.window(), e.loadTestRuns(), e.searches(),
                e.expected(), observed.getText(), verdict.getValue(), e.author()))));
        inspector.getChildren().addAll(new Label("Observed"), observed, new HBox(6, verdict, save));
        inspector.getChildren().add(1, editButton(() -> RecordForms.experiment(owner(), incident, zone(), e,
                d -> editedFromForm("edit " + e.id(), e.id(), inv -> inv.updateExperiment(d)))));
        if (e.hypothesis() != null) {
            inspector.getChildren().add(recordLink(e.hypothesis(), "the hypothesis it tests"));
        }
        for (String run : e.loadTestRuns()) {
            Hyperlink link = new Hyperlink(run + " load-test run");
            link.setOnAction(ev -> onOpenEvidence.accept("run:" + run));
            inspector.getChildren().add(link);
        }
        inspector.getChildren().add(subheading("Linked"));
        inspector.getChildren().addAll(linksOf(incident, e.id()));
        inspector.getChildren().add(linkButton(incident, e.id()));
    }

    private void changeInspector(Incident incident, Change c) {
        inspector.getChildren().addAll(title(c.id() + " · " + c.kind() + " change: " + c.title()),
                field("When", time(c.startedAt()) + (c.endedAt() == null ? "" : " – " + time(c.endedAt()))),
                field("Where", c.service() == null ? c.target() : c.service() + (c.target() == null ? "" : " / " + c.target())),
                field("By", c.actor()), field("Revision", c.revision()), field("Ticket", c.ticket()),
                field("From", c.origin()), field("Description", c.description()));
        if (c.origin() != null && c.origin().contains(":")) {
            Hyperlink source = new Hyperlink("show the change record");
            source.setOnAction(e -> onOpenEvidence.accept(c.origin()));
            inspector.getChildren().add(source);
        }
        // the record's own actions sit under its title, where they are seen without scrolling
        inspector.getChildren().add(1, editButton(() -> RecordForms.change(owner(), incident, zone(), c,
                d -> editedFromForm("edit " + c.id(), c.id(), inv -> inv.updateChange(d)))));
        Button addresses = new Button("Addresses hypothesis…");
        addresses.setOnAction(e -> pickHypothesis(incident).ifPresent(hid ->
                workbench.edit(c.id() + " addresses " + hid, inv -> inv.link(c.id(), "addresses", hid))));
        inspector.getChildren().addAll(addresses, subheading("Linked"));
        inspector.getChildren().addAll(linksOf(incident, c.id()));
        inspector.getChildren().add(linkButton(incident, c.id()));
    }

    private void outcomeInspector(Incident incident, Outcome o) {
        inspector.getChildren().addAll(title(o.id() + " · outcome: " + o.title()),
                field("Metric", o.denominatorQuery() == null ? o.query() + " per minute"
                        : "share of " + o.denominatorQuery() + " matching " + o.query()),
                field("Before", o.before() == null ? null : time(o.before().start()) + " – " + time(o.before().end())),
                field("After", o.after() == null ? null : time(o.after().start()) + " – " + time(o.after().end())),
                field("Verdict", o.verdict()));
        OutcomeFigures.describe(project(), o).ifPresent(text -> {
            Label figures = new Label(text);
            figures.setId("outcomeFigures");
            figures.setWrapText(true);
            figures.getStyleClass().add("outcome-figures");
            inspector.getChildren().add(figures);
        });
        inspector.getChildren().add(1, editButton(() -> RecordForms.outcome(owner(), incident, zone(), o,
                d -> editedFromForm("edit " + o.id(), o.id(), inv -> {
                    Outcome updated = inv.updateOutcome(d);
                    // the windows or the query may have moved: measure the verdict again
                    String verdict = org.pmw.app.OutcomeText.verdict(project(), updated);
                    if (verdict != null) {
                        inv.setOutcomeVerdict(updated.id(), verdict);
                    }
                }))));
        inspector.getChildren().add(subheading("Evaluates"));
        o.changes().forEach(c -> inspector.getChildren().add(recordLink(c, incident.getChanges().stream()
                .filter(x -> x.id().equals(c)).map(Change::title).findFirst().orElse(""))));
        inspector.getChildren().add(subheading("Linked"));
        inspector.getChildren().addAll(linksOf(incident, o.id()));
        inspector.getChildren().add(linkButton(incident, o.id()));
    }

    private void actionInspector(ActionItem a) {
        inspector.getChildren().addAll(title(a.id() + " · action item"), field("Action", a.action()),
                field("Type", a.type()), field("Owner", a.owner()), field("Ticket", a.ticket()));
        ComboBox<String> status = new ComboBox<>();
        status.getItems().setAll("open", "in_progress", "done");
        status.setValue(a.status() == null ? "open" : a.status());
        status.valueProperty().addListener((o, before, now) -> workbench.edit("status of " + a.id(),
                inv -> inv.updateActionItem(new ActionItem(a.id(), a.action(), a.type(), a.owner(), a.ticket(), now))));
        inspector.getChildren().add(new HBox(6, new Label("Status"), status));
        inspector.getChildren().add(1, editButton(() -> RecordForms.actionItem(owner(), a,
                d -> editedFromForm("edit " + a.id(), a.id(), inv -> inv.updateActionItem(d)))));
    }

    /** Lets the user pick a hypothesis; empty when there is none or the user cancels. */
    public Optional<String> pickHypothesis(Incident incident) {
        List<String> choices = incident.getHypotheses().stream().map(h -> h.id() + "  " + h.statement()).toList();
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.setHeaderText("Which hypothesis?");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait().map(s -> s.substring(0, s.indexOf(' ')));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
