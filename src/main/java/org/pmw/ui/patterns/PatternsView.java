package org.pmw.ui.patterns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.Patterns;
import org.pmw.app.Project;
import org.pmw.model.TimeWindow;
import org.pmw.ui.main.WorkbenchModel;

/**
 * Message templates of the events in view: count, a sparkline over the project's time range, and NEW or
 * SPIKING badges for a time window selected on the timeline (against the hours before it). Double-click a
 * pattern to search its events.
 */
public final class PatternsView extends VBox {

    /** A pattern row with its onset badge for the selected window, if any. */
    public record Row(Patterns.Row pattern, String badge, double pValue, long count) {

        Row(Patterns.Row pattern, String badge, double pValue) {
            this(pattern, badge, pValue, pattern.count());
        }
    }

    private final WorkbenchModel workbench;
    private final TableView<Row> table = new TableView<>();
    private final Label caption = new Label();
    private Consumer<String> onSearch = q -> { };

    public PatternsView(WorkbenchModel workbench) {
        this.workbench = workbench;
        setPadding(new Insets(6));
        setSpacing(4);
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // read whole, not cut to one line
        table.setId("patterns");
        table.setPlaceholder(new Label("No patterns yet: import logs first."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> badge = new TableColumn<>("");
        badge.setPrefWidth(44);
        badge.setMinWidth(40);
        badge.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().badge()));
        badge.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setStyle(item == null || item.isEmpty() ? "" : item.equals("NEW")
                        ? "-fx-text-fill: #b3261e; -fx-font-weight: bold;" : item.equals("GONE")
                        ? "-fx-text-fill: #2e7d32; -fx-font-weight: bold;" : "-fx-text-fill: #a86200; -fx-font-weight: bold;");
            }
        });
        TableColumn<Row, Long> count = new TableColumn<>("Count");
        count.setPrefWidth(90);
        count.setMinWidth(86); // 10,000,000 whole: a big project's commonest patterns pass a million
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(c -> new org.pmw.ui.cells.CountCell<>());
        TableColumn<Row, long[]> spark = new TableColumn<>("Trend");
        spark.setPrefWidth(80);
        spark.setMinWidth(60);
        spark.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pattern().series()));
        spark.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(long[] item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Sparkline line = new Sparkline(item, 16);
                // as wide as the column, whatever width the table gives it
                line.prefWidthProperty().bind(widthProperty().subtract(8));
                setGraphic(line);
            }
        });
        TableColumn<Row, String> template = new TableColumn<>("Template");
        template.setPrefWidth(400);
        template.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().pattern().template()));
        // a template is read whole, over as many lines as the panel's width needs, not cut at the edge
        template.setCellFactory(c -> new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(widthProperty().subtract(10));
                text.getStyleClass().add("template-text");
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                text.setText(item.length() > 300 ? item.substring(0, 299) + "…" : item);
                text.fillProperty().bind(textFillProperty());
                setGraphic(text);
                setTooltip(new javafx.scene.control.Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(badge, count, spark, template));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Row>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    onSearch.accept("pattern:" + row.getItem().pattern().id());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(caption, table);
    }

    /** Counts loads: only the latest one's rows are shown. */
    private int loads;

    public void setOnSearch(Consumer<String> handler) {
        this.onSearch = handler;
    }

    /** Reloads for the whole project, or with onset badges for {@code window} when it is not null. */
    public void reload(TimeWindow window) {
        Project project = workbench.project();
        if (project == null) {
            loads++;
            table.getItems().clear();
            return;
        }
        int mine = ++loads;
        workbench.tasks().runQuietly(progress -> load(project, window), rows -> {
            if (mine != loads || workbench.project() != project) {
                return; // a later window (or another project) has been asked for since
            }
            table.setItems(FXCollections.observableArrayList(rows));
            caption.setText(window == null
                    ? rows.size() + " patterns over all events. Select a time range on the timeline (drag across the axis)"
                    + " to see which are new or spiking there. Double-click a pattern to search its events."
                    : "Patterns in the selected window, ranked by how new or how much more frequent they are than in"
                    + " the hours before it (exact Poisson rate test). Count is in the window; ×N is how many times"
                    + " its share grew; the sparkline covers all events.");
        }, error -> {
            if (mine == loads && workbench.project() == project) {
                workbench.showError(error);
            }
        });
    }

    static List<Row> load(Project project, TimeWindow window) throws java.io.IOException {
        org.pmw.model.TimeWindow span = project.eventSpan();
        if (span == null) {
            return List.of();
        }
        long bucket = Math.max(60_000, (span.end().toEpochMilli() - span.start().toEpochMilli()) / 60);
        List<Patterns.Row> all = Patterns.list(project, "*", span.start(), span.end(), bucket);
        if (window == null) {
            return all.stream().map(r -> new Row(r, "", Double.NaN)).toList();
        }
        Duration length = window.duration();
        Duration baselineLength = length.multipliedBy(4).compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1)
                : length.multipliedBy(4);
        Instant baselineStart = window.start().minus(baselineLength);
        Patterns.Comparison c = Patterns.compare(project, "*", new TimeWindow(baselineStart, window.start()), window);
        java.util.Map<String, Patterns.Row> byId = new java.util.HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (Patterns.Onset o : c.onsets()) {
            if (o.windowCount() == 0) {
                continue;
            }
            Patterns.Row r = byId.get(o.id());
            if (r != null) {
                String badge = o.isNew() ? "NEW" : o.spiking() ? String.format("×%.0f", o.ratio()) : "";
                // counted in the window: the badge and the count tell the same story
                rows.add(new Row(r, badge, o.pValue(), o.windowCount()));
            }
        }
        return rows;
    }
}
