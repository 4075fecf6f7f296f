package org.pmw.ui.detail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.Project;
import org.pmw.model.Event;
import org.pmw.ui.task.TaskRunner;

/** The selected event: where it came from, its raw text, its fields, and the events around it in its file. */
public final class EventDetailView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS zzz");

    /** Events shown either side of the selected one in its file. */
    static final int CONTEXT = 10;
    /** The height of a row of the context list. */
    private static final double CONTEXT_ROW = 22;
    /** Rows of the context list always shown: with fewer, the lines around the event cannot be read. */
    static final int CONTEXT_ROWS_KEPT = 4;
    private static final String NOTHING_SELECTED = "Select an event in the results (or press Down in the search box)"
            + " to read its raw text, its fields and the lines around it in its file.";

    private final Label title = new Label("No event selected");
    private final Label provenance = new Label(NOTHING_SELECTED);
    private final Label outside = new Label("not among the current results");
    private final TextArea raw = new TextArea();
    private final ListView<Event> context = new ListView<>();
    private final HBox actions = new HBox(6);
    private final javafx.scene.layout.FlowPane fieldLinks = new javafx.scene.layout.FlowPane(2, 0);
    private java.util.function.Consumer<String> onField = name -> { };
    private Event current;
    private final TaskRunner tasks;
    /** Counts the events shown: only the lines around the latest one are put in the list. */
    private volatile int shows;

    /** {@code tasks} reads the lines around an event, off the window's thread. */
    public EventDetailView(TaskRunner tasks) {
        this.tasks = tasks;
        getStyleClass().add("event-detail");
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);
        title.getStyleClass().add("detail-title");
        provenance.getStyleClass().add("detail-provenance");
        provenance.setWrapText(true);
        outside.setId("outsideResults");
        outside.getStyleClass().add("detail-outside");
        outside.setVisible(false);
        outside.setManaged(false);
        raw.setEditable(false);
        // a long request or message is read whole without scrolling sideways
        raw.setWrapText(true);
        raw.setId("rawText");
        raw.getStyleClass().add("raw-text");
        raw.setPrefRowCount(2); // more where the pane has room
        raw.setMinHeight(36);
        raw.setVisible(false); // until an event is shown
        raw.setManaged(false);
        context.setId("context");
        context.setMinHeight(CONTEXT_ROWS_KEPT * CONTEXT_ROW + 2);
        context.setFixedCellSize(CONTEXT_ROW);
        context.heightProperty().addListener((o, a, b) -> centre());
        context.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Event e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("current-event");
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                setText(String.format("%6d  %s", e.line(), e.raw().lines().findFirst().orElse("")));
                if (current != null && e.line() == current.line() && e.source().equals(current.source())) {
                    getStyleClass().add("current-event");
                }
            }
        });
        fieldLinks.setId("eventFields");
        fieldLinks.getStyleClass().add("detail-provenance");
        // the buttons go under the title when the pane is too narrow for both, rather than being cut to "T…"
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(12, 4, title, outside, actions);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        actions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // what the event is (its raw text, its fields, where from) scrolls when the pane is short, rather than
        // pushing the lines around it out of view: an access log's fields alone can take three lines. The raw
        // text and the first line of fields come first, so a short pane still shows the event and its fields.
        VBox facts = new VBox(4, raw, fieldLinks, provenance);
        VBox.setVgrow(raw, Priority.ALWAYS);
        javafx.scene.control.ScrollPane factsScroll = new javafx.scene.control.ScrollPane(facts);
        factsScroll.setId("eventFacts");
        factsScroll.setFitToWidth(true);
        factsScroll.setFitToHeight(true);
        factsScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        factsScroll.getStyleClass().add("detail-facts");
        factsScroll.setMinHeight(raw.getMinHeight() + 26); // the raw text's least and a line of fields
        // the facts and the lines around it share the height; the user moves the divider
        VBox around = new VBox(2, new Label("Around it in the same file"), context);
        VBox.setVgrow(context, Priority.ALWAYS);
        javafx.scene.control.SplitPane texts = new javafx.scene.control.SplitPane(factsScroll, around);
        texts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        texts.setDividerPositions(0.5);
        texts.getStyleClass().add("detail-texts");
        VBox.setVgrow(texts, Priority.ALWAYS);
        getChildren().addAll(header, texts);
    }

    /** The row of the context list kept in its middle, as the list's height changes; -1 for none. */
    private int centreOn = -1;

    /** The event in the middle of the rows the context list shows, whatever its height is now. */
    private void centre() {
        if (centreOn < 0 || context.getItems().isEmpty()) {
            return;
        }
        int shown = Math.max(1, (int) (context.getHeight() / CONTEXT_ROW));
        // laid out first: a list given new items places its rows on its next layout, undoing a scroll made before
        context.layout();
        context.scrollTo(Math.max(0, centreOn - shown / 2));
    }

    /** Called with a field's name when the user clicks it: show that field's most frequent values. */
    public void setOnField(java.util.function.Consumer<String> handler) {
        this.onField = handler;
    }

    /** Buttons for the selected event (star, tag, evidence...), placed in the header. */
    public HBox actions() {
        return actions;
    }

    public Event current() {
        return current;
    }

    /** Marks the event shown as one the current search does not find (it was picked before the search). */
    public void setOutsideResults(boolean outsideResults) {
        outside.setVisible(outsideResults && current != null);
        outside.setManaged(outsideResults && current != null);
    }

    public void show(Event event, Project project, ZoneId zone) {
        current = event;
        centreOn = -1;
        setOutsideResults(false);
        // with no event, the hint on how to pick one comes first, not an empty text box above it
        raw.setVisible(event != null);
        raw.setManaged(event != null);
        if (event == null) {
            shows++;
            title.setText("No event selected");
            provenance.setText(NOTHING_SELECTED);
            raw.clear();
            fieldLinks.getChildren().clear();
            context.getItems().clear();
            return;
        }
        title.setText(event.level().id().toUpperCase() + "  " + TIME.format(Instant.ofEpochMilli(event.ts()).atZone(zone)));
        StringBuilder p = new StringBuilder(event.source() + ":" + event.line());
        if (event.tsText() != null) {
            p.append("   original time: ").append(event.tsText());
        }
        if (!event.host().isEmpty()) {
            p.append("   host: ").append(event.host());
        }
        p.append("   kind: ").append(event.kind().id());
        provenance.setText(p.toString());
        // each field is a link to its most frequent values among the search's events
        fieldLinks.getChildren().clear();
        java.util.Set<String> countable = project == null ? java.util.Set.of()
                : new java.util.HashSet<>(project.countableFields());
        for (Map.Entry<String, Object> f : event.fields().entrySet()) {
            String text = f.getKey() + "=" + f.getValue();
            if (countable.contains(f.getKey())) {
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(text);
                link.setId("field-" + f.getKey());
                link.setTooltip(new javafx.scene.control.Tooltip("The most frequent values of " + f.getKey()
                        + " among the events of the search"));
                link.setOnAction(e -> onField.accept(f.getKey()));
                fieldLinks.getChildren().add(link);
            } else {
                Label plain = new Label(text);
                plain.setPadding(new Insets(0, 4, 0, 4));
                fieldLinks.getChildren().add(plain);
            }
        }
        raw.setText(event.raw());
        // read in the background: finding an event's neighbours in a file of millions of lines may take a while,
        // and the list of the event before must not stay under this one's title meanwhile
        context.getItems().clear();
        int mine = ++shows;
        if (project == null) {
            return;
        }
        tasks.runQuietly(progress -> {
            // holding Down or Page Down picks events faster than they are read: skip those already left behind
            return mine == shows ? project.around(event.source(), event.line(), CONTEXT) : List.<Event>of();
        }, around -> {
            if (mine == shows) {
                showAround(event, around);
            }
        }, error -> {
            if (mine == shows) {
                context.getItems().clear();
            }
        });
    }

    private void showAround(Event event, List<Event> around) {
        context.setItems(FXCollections.observableArrayList(around));
        // the event itself marked, in the middle of what the list shows
        for (int i = 0; i < around.size(); i++) {
            if (around.get(i).line() == event.line()) {
                // marked by its style, not selected: the list would scroll a selected row to its edge
                centreOn = i;
                centre();
                javafx.application.Platform.runLater(this::centre);
                break;
            }
        }
    }
}
