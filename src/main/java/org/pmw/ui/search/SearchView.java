package org.pmw.ui.search;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.model.Event;
import org.pmw.model.EventResults;

/**
 * Search field, result count and a virtualised result table that scrolls through millions of matches: rows are
 * indexes into the results and events are loaded only when their row is shown.
 */
public final class SearchView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final double ROW = 24;
    /** Result rows always shown, however short the window: the event detail below gives way first. */
    static final int ROWS_KEPT = 5;

    private final SearchViewModel model;
    private final ComboBox<String> queryField = new ComboBox<>();
    private final TableView<Integer> table = new TableView<>();
    private final Label status = new Label();
    private final Label kinds = new Label();
    private final Label error = new Label();
    private final Label window = new Label();
    private final Button clearWindow = new Button("✕");
    private ZoneId zone = ZoneId.of("UTC");
    private HBox bar;
    private List<String> terms = List.of();
    private Consumer<Event> onOpen = e -> { };

    public SearchView(SearchViewModel model) {
        this.model = model;
        getStyleClass().add("search-view");
        queryField.setEditable(true);
        queryField.setId("queryField");
        queryField.setPromptText("Search the evidence: segmentation fault, level:error AND host:web2, status:[500 TO 599]");
        // The box keeps its own copy of the history. Changing the list it shows moves its selection, and with it
        // its value and text, to whatever item now sits at the old index; with its own copy the box can be put
        // back on the text it showed right after each change.
        ObservableList<String> shownHistory = FXCollections.observableArrayList(model.history());
        queryField.setItems(shownHistory);
        model.history().addListener((javafx.collections.ListChangeListener<String>) change -> {
            String shown = queryField.getEditor().getText();
            shownHistory.setAll(model.history());
            queryField.setValue(shown);
        });
        queryField.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(queryField, Priority.ALWAYS);
        queryField.getEditor().textProperty().bindBidirectional(model.queryProperty());
        // Enter runs the query in the box, even when it is the one shown already (the box fires no action for an
        // unchanged value). The filter sits on the box itself, which handles Enter before its editor sees it.
        queryField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !queryField.isShowing()) {
                queryField.commitValue();
                model.search();
                e.consume();
            }
        });
        // The box also acts when it commits its text on losing focus: clicking a result row after typing must not
        // run a search under the click. Only a pick from the open history list runs one here.
        queryField.setOnAction(e -> {
            if (!queryField.isShowing()) {
                return;
            }
            String picked = queryField.getValue();
            if (picked != null && !picked.equals(model.queryProperty().get())) {
                model.queryProperty().set(picked);
            }
            model.search();
        });
        // Down from the query box moves into the results, as in lnav and Kibana
        queryField.getEditor().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        Button go = new Button("Search");
        go.setId("searchButton");
        go.setDefaultButton(false);
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        go.setOnAction(e -> model.search());
        status.setId("resultCount");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("result-count");
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // which kinds make up the total, so a count of requests is not quoted with load-test samples in it
        kinds.setId("resultKinds");
        kinds.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.kindsProperty().get()
                .isEmpty() ? "" : "of which " + model.kindsProperty().get(), model.kindsProperty()));
        kinds.getStyleClass().add("result-kinds");
        // on a line of its own under the bar, only while there is more than one kind
        kinds.setPadding(new Insets(0, 8, 2, 14));
        kinds.managedProperty().bind(kinds.textProperty().isNotEmpty());
        kinds.visibleProperty().bind(kinds.textProperty().isNotEmpty());
        javafx.scene.control.Tooltip kindsTip = new javafx.scene.control.Tooltip();
        kindsTip.textProperty().bind(model.kindsProperty().concat(": add kind:request or NOT kind:sample to count one"));
        kinds.setTooltip(kindsTip);
        error.setId("queryError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("query-error");
        error.setWrapText(true);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.errorProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        error.setTooltip(whole);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        window.getStyleClass().add("window-chip");
        window.setId("searchWindow");
        // the window's two times are read whole; the query box gives up the room
        window.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clearWindow.getStyleClass().add("flat");
        clearWindow.setTooltip(new Tooltip("Search all of the time range"));
        clearWindow.setOnAction(e -> {
            model.setWindow(null, null);
            model.search();
        });
        model.fromProperty().addListener((o, a, b) -> updateWindowLabel());
        model.toProperty().addListener((o, a, b) -> updateWindowLabel());
        updateWindowLabel();

        bar = new HBox(6, queryField, go, window, clearWindow, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 4, 8));

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, kinds, error, table);
        model.resultsProperty().addListener((o, a, b) -> showResults(b));
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
        table.refresh();
        updateWindowLabel();
    }

    public void setOnOpen(Consumer<Event> handler) {
        this.onOpen = handler;
    }

    /** Adds a control to the search bar, before the result count. */
    public void addToBar(javafx.scene.Node node) {
        bar.getChildren().add(bar.getChildren().indexOf(status), node);
    }

    public TableView<Integer> table() {
        return table;
    }

    public void focusQuery() {
        queryField.requestFocus();
        queryField.getEditor().selectAll();
    }

    /** The event of the selected row, or null. */
    public Event selectedEvent() {
        Integer row = table.getSelectionModel().getSelectedItem();
        EventResults results = model.resultsProperty().get();
        return row == null || results == null || row >= results.size() ? null : results.get(row);
    }

    private void updateWindowLabel() {
        Instant f = model.fromProperty().get();
        Instant t = model.toProperty().get();
        boolean any = f != null || t != null;
        window.setVisible(any);
        window.setManaged(any);
        clearWindow.setVisible(any);
        clearWindow.setManaged(any);
        if (any) {
            DateTimeFormatter short_ = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss");
            window.setText((f == null ? "…" : short_.format(f.atZone(zone))) + " – "
                    + (t == null ? "…" : short_.format(t.atZone(zone))));
        }
    }

    private void buildTable() {
        table.setId("results");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        // before any search, how to start; after one that found nothing, that it found nothing, or, in a project
        // with no evidence yet, that the query is not why
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            SearchViewModel.Shown shown = model.shownProperty().get();
            String asked = model.queryProperty().get() == null ? "" : model.queryProperty().get().trim();
            return model.waitingProperty().get() ? "The project is opening (its first open builds the index)."
                    + " The search for " + (asked.isEmpty() ? "every event" : "'" + asked + "'")
                    + " runs as soon as it is ready."
                    : shown == null ? "Type a query and press Enter. An empty query shows every event."
                    : !model.hasEvidence() ? "No evidence yet. Import log files, load-test results or change"
                            + " records: File › Import Evidence… (Ctrl+I)."
                    : "No event matches " + (shown.query().isBlank() ? "the window" : "'" + shown.query() + "'")
                    + (shown.from() != null ? " in the time window" : "") + ".";
            // while the project opens, the box's text is what will run: the hint follows it
        }, model.shownProperty(), model.waitingProperty(), model.queryProperty()));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        table.setMinHeight((ROWS_KEPT + 1) * ROW + 4); // the rows and the column headers
        TableColumn<Integer, String> time = column("Time", 190, e -> TIME.format(Instant.ofEpochMilli(e.ts()).atZone(zone)));
        TableColumn<Integer, String> source = column("Source", 190, e -> e.source() + ":" + e.line());
        // a long file name gives way in its middle: the line number, which tells the rows apart, stays whole
        source.setCellFactory(c -> {
            javafx.scene.control.TableCell<Integer, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        TableColumn<Integer, String> host = column("Host", 70, Event::host);
        TableColumn<Integer, String> level = column("Level", 60, e -> e.level().id());
        level.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("level-"));
                setText(empty ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add("level-" + item);
                }
            }
        });
        TableColumn<Integer, String> message = column("Message", 600, e -> firstLine(e.message()));
        message.setCellFactory(c -> new HighlightCell<>(() -> terms));
        time.setMinWidth(175);
        source.setMinWidth(150); // a 10-character file name and a 7-digit line
        level.setMinWidth(56);
        host.setMinWidth(56);
        table.getColumns().setAll(List.of(time, source, host, level, message));
        table.setRowFactory(t -> {
            TableRow<Integer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            Event ev = selectedEvent();
            if (ev != null) {
                onOpen.accept(ev);
            }
        });
    }

    private void openSelected() {
        Event e = selectedEvent();
        if (e != null) {
            onOpen.accept(e);
        }
    }

    private TableColumn<Integer, String> column(String title, double width, java.util.function.Function<Event, String> value) {
        TableColumn<Integer, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(cell -> {
            EventResults results = model.resultsProperty().get();
            Integer row = cell.getValue();
            if (results == null || row == null || row >= results.size()) {
                return new ReadOnlyStringWrapper("");
            }
            return new ReadOnlyStringWrapper(value.apply(results.get(row)));
        });
        return col;
    }

    private void showResults(EventResults results) {
        terms = QueryTerms.of(model.queryProperty().get());
        if (results == null) {
            table.getSelectionModel().clearSelection();
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        int size = results.size();
        // rows are plain indexes, equal across searches: without this the new results' row at the old index
        // would come out selected, an event the user never picked
        table.getSelectionModel().clearSelection();
        table.setItems(FXCollections.observableList(new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return size;
            }
        }));
        // rows are plain indexes, equal across searches: force the cells to read their new events
        table.refresh();
        table.scrollTo(0);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + "  …";
    }

}
