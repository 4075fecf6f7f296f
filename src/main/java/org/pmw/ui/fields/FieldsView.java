package org.pmw.ui.fields;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.Project;
import org.pmw.app.QueryClauses;
import org.pmw.model.FieldValues;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.search.SearchViewModel;

/**
 * The most frequent values of one field among the events of the search on screen, as Kibana's field list shows
 * them: pick a field, read each value's count and share, and narrow the search to a value or leave it out.
 */
public final class FieldsView extends VBox {

    private static final int TOP = 20;
    private static final List<String> FIRST_CHOICES = List.of("status", "host", "source");

    private final WorkbenchModel workbench;
    private final SearchViewModel search;
    private final ComboBox<String> field = new ComboBox<>();
    private final TableView<FieldValues.Value> table = new TableView<>();
    private final Label caption = new Label();
    private final Button only = new Button("Only this value");
    private final Button without = new Button("Leave it out");
    private Consumer<String> onSearch = q -> { };
    private FieldValues shown;
    /** Counts loads: only the latest one's rows are shown. */
    private int loads;
    private boolean visible;
    /** Set while the field list is refilled, which the picker reports as changes of its value. */
    private boolean filling;
    /** Whether the field shown was picked (by the user or a click on an event's field), not chosen for them. */
    private boolean picked;

    public FieldsView(WorkbenchModel workbench, SearchViewModel search) {
        this.workbench = workbench;
        this.search = search;
        setPadding(new Insets(6));
        setSpacing(4);
        field.setId("fieldPicker");
        field.setPromptText("Field");
        field.setVisibleRowCount(16);
        caption.setId("fieldsCaption");
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        // its lines are all shown (the counts are the end of it), not cut to one with an ellipsis
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("fieldValues");
        Label placeholder = new Label("Search the evidence, then pick a field to see its values.");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(0, 8, 0, 8));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FieldValues.Value, String> value = new TableColumn<>("Value");
        value.setPrefWidth(220);
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(label(c.getValue())));
        TableColumn<FieldValues.Value, Long> count = new TableColumn<>("Count");
        count.setPrefWidth(90);
        count.setMinWidth(86); // 10,000,000 whole
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(c -> new org.pmw.ui.cells.CountCell<>());
        TableColumn<FieldValues.Value, Double> share = new TableColumn<>("Share");
        share.setPrefWidth(150);
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(shown == null || shown.matching() == 0 ? 0.0
                : c.getValue().count() / (double) shown.matching()));
        share.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                ProgressBar bar = new ProgressBar(item);
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("share-bar");
                Label percent = new Label(String.format(Locale.ROOT, "%.1f%%", 100 * item));
                percent.setMinWidth(46);
                percent.setAlignment(Pos.CENTER_RIGHT);
                HBox cell = new HBox(6, bar, percent);
                cell.setAlignment(Pos.CENTER_LEFT);
                HBox.setHgrow(bar, Priority.ALWAYS);
                setGraphic(cell);
            }
        });
        table.getColumns().setAll(List.of(value, count, share));
        table.setRowFactory(t -> {
            TableRow<FieldValues.Value> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    narrow(row.getItem(), false);
                }
            });
            MenuItem onlyItem = new MenuItem("Only events with this value");
            onlyItem.setOnAction(e -> narrow(row.getItem(), false));
            MenuItem withoutItem = new MenuItem("Leave out events with this value");
            withoutItem.setOnAction(e -> narrow(row.getItem(), true));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(new ContextMenu(onlyItem, withoutItem)));
            return row;
        });
        only.setId("onlyValue");
        without.setId("withoutValue");
        only.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        without.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        only.setOnAction(e -> narrow(table.getSelectionModel().getSelectedItem(), false));
        without.setOnAction(e -> narrow(table.getSelectionModel().getSelectedItem(), true));
        HBox header = new HBox(6, new Label("Field"), field);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, only, without);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, caption, table, buttons);

        field.valueProperty().addListener((o, a, b) -> {
            if (!filling) {
                picked = true;
                reload();
            }
        });
        search.shownProperty().addListener((o, a, b) -> reload());
        workbench.projectProperty().addListener((o, a, b) -> reload());
        workbench.revisionProperty().addListener((o, a, b) -> reload());
    }

    public void setOnSearch(Consumer<String> handler) {
        this.onSearch = handler;
    }

    /** Counts only while the panel can be seen; becoming visible counts the search on screen. */
    public void setShowing(boolean showing) {
        boolean was = visible;
        visible = showing;
        if (showing && !was) {
            reload();
        }
    }

    public TableView<FieldValues.Value> table() {
        return table;
    }

    public ComboBox<String> fieldPicker() {
        return field;
    }

    private String label(FieldValues.Value v) {
        Project project = workbench.project();
        if (shown != null && shown.field().equals("pattern") && project != null) {
            String template = project.patternTemplate(v.value());
            return template == null ? v.value() : v.value() + "  " + template;
        }
        return v.value();
    }

    private void narrow(FieldValues.Value v, boolean leaveOut) {
        SearchViewModel.Shown current = search.shownProperty().get();
        if (v == null || shown == null || current == null) {
            return;
        }
        String clause = QueryClauses.equalTo(shown.field(), v.value(), shown.numeric());
        onSearch.accept(leaveOut ? QueryClauses.andNot(current.query(), clause) : QueryClauses.and(current.query(), clause));
    }

    private void reload() {
        Project project = workbench.project();
        SearchViewModel.Shown current = search.shownProperty().get();
        int mine = ++loads;
        List<String> fields = project == null ? List.of() : project.countableFields();
        if (!field.getItems().equals(fields)) {
            // the fields of another project, or new ones an import brought: keep the pick if it is still there
            String keep = field.getValue();
            filling = true;
            try {
                field.getItems().setAll(fields);
                boolean kept = keep != null && fields.contains(keep);
                field.setValue(kept ? keep : FIRST_CHOICES.stream().filter(fields::contains).findFirst().orElse(null));
                picked &= kept;
            } finally {
                filling = false;
            }
        }
        if (project == null) {
            show(null, "");
            return;
        }
        String name = field.getValue();
        if (!visible || name == null) {
            return;
        }
        if (current == null) {
            show(null, "Search the evidence: the values are counted among the events it finds.");
            return;
        }
        workbench.tasks().runQuietly(progress -> project.fieldValues(name, current.query(), current.from(),
                current.to(), TOP), values -> {
                    if (mine != loads || workbench.project() != project) {
                        return; // another field, search or project has been asked for since
                    }
                    String instead = picked || values.withField() > 0 ? null : nextChoice(name);
                    if (instead != null) {
                        // a field chosen for the user that these events lack: the next one they have
                        filling = true;
                        try {
                            field.setValue(instead);
                        } finally {
                            filling = false;
                        }
                        reload();
                        return;
                    }
                    show(values, describe(values, current));
                }, error -> {
                    if (mine == loads && workbench.project() == project) {
                        show(null, error.getMessage());
                    }
                });
    }

    /** The first choice after {@code name} that the project has, or null. */
    private String nextChoice(String name) {
        int at = FIRST_CHOICES.indexOf(name);
        return at < 0 ? null : FIRST_CHOICES.stream().skip(at + 1L).filter(field.getItems()::contains).findFirst()
                .orElse(null);
    }

    private void show(FieldValues values, String text) {
        shown = values;
        // a search that found nothing leaves nothing to count: that, not the field, is why the table is empty
        boolean nothingFound = values != null && values.matching() == 0;
        ((Label) table.getPlaceholder()).setText(values == null
                ? "Search the evidence, then pick a field to see its values."
                : nothingFound ? "The search on screen found no event: nothing to count."
                : "None of these events has a " + values.field() + ": pick another field.");
        table.setItems(values == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(values.top()));
        caption.setText(nothingFound ? "" : text);
    }

    private static String describe(FieldValues v, SearchViewModel.Shown current) {
        String query = current.query().isBlank() || current.query().equals("*") ? "all events"
                : "the events of '" + current.query() + "'";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d of %s (%,d) have a %s: ",
                v.withField(), query, v.matching(), v.field()));
        sb.append(String.format(Locale.ROOT, "%,d different value%s", v.distinct(), v.distinct() == 1 ? "" : "s"));
        if (v.distinct() > v.top().size()) {
            sb.append(", the ").append(v.top().size()).append(" most frequent below");
        }
        sb.append(". Double-click a value to search only its events; right-click to leave them out.");
        return sb.toString();
    }
}
