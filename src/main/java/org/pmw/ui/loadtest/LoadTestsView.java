package org.pmw.ui.loadtest;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.LoadTestCharts;
import org.pmw.app.Project;
import org.pmw.model.LoadTestRun;
import org.pmw.ui.main.WorkbenchModel;

/**
 * Load-test runs: throughput and p99 latency against concurrency, the fitted USL curve, and the knee, N* and
 * the point where errors start marked. Select several runs to overlay them (before and after a change).
 */
public final class LoadTestsView extends VBox {

    private final WorkbenchModel workbench;
    private final ListView<LoadTestRun> runs = new ListView<>();
    private final LineChart<Number, Number> throughput = chart("Concurrent users (N)", "Throughput (req/s)");
    private final LineChart<Number, Number> latency = chart("Concurrent users (N)", "p99 latency (ms)");
    private final Label summary = new Label();

    public LoadTestsView(WorkbenchModel workbench) {
        this.workbench = workbench;
        setId("loadTests");
        setPadding(new Insets(6));
        setSpacing(4);
        runs.setId("runs");
        runs.setPrefHeight(110);
        runs.setMinHeight(90);
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LoadTestRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.id() + "  " + run.name() + "  (" + run.steps().size()
                        + " steps)");
            }
        });
        runs.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<LoadTestRun>) c -> draw());
        summary.setWrapText(true);
        summary.setId("loadTestSummary");
        summary.getStyleClass().add("hint");
        Label hint = new Label("Select one run, or several (Ctrl+click) to overlay them.");
        hint.getStyleClass().add("hint");
        VBox.setVgrow(throughput, Priority.ALWAYS);
        VBox.setVgrow(latency, Priority.ALWAYS);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(hint, runs, summary, throughput, latency);
        workbench.revisionProperty().addListener((o, a, b) -> reload());
    }

    private static LineChart<Number, Number> chart(String x, String y) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(x);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setMinHeight(230);
        chart.setPrefHeight(300);
        return chart;
    }

    /** Selects a run by id (following a link from an experiment). */
    public void show(String runId) {
        for (LoadTestRun run : runs.getItems()) {
            if (run.id().equals(runId)) {
                runs.getSelectionModel().clearSelection();
                runs.getSelectionModel().select(run);
                runs.scrollTo(run);
            }
        }
    }

    private void reload() {
        Project p = workbench.project();
        List<String> selected = runs.getSelectionModel().getSelectedItems().stream().map(LoadTestRun::id).toList();
        runs.setItems(p == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(p.incident().getLoadTestRuns()));
        for (LoadTestRun run : runs.getItems()) {
            if (selected.contains(run.id())) {
                runs.getSelectionModel().select(run);
            }
        }
        if (runs.getSelectionModel().isEmpty() && !runs.getItems().isEmpty()) {
            runs.getSelectionModel().select(0);
        }
        draw();
    }

    private void draw() {
        throughput.getData().clear();
        latency.getData().clear();
        List<String> text = new ArrayList<>();
        for (LoadTestRun run : List.copyOf(runs.getSelectionModel().getSelectedItems())) {
            LoadTestCharts.Chart c = LoadTestCharts.of(run);
            XYChart.Series<Number, Number> measured = new XYChart.Series<>();
            measured.setName(run.id() + " measured");
            XYChart.Series<Number, Number> successful = new XYChart.Series<>();
            successful.setName(run.id() + " successful");
            XYChart.Series<Number, Number> p99 = new XYChart.Series<>();
            p99.setName(run.id() + " p99");
            double maxX = 0;
            boolean anyErrors = false;
            for (LoadTestCharts.Point point : c.steps()) {
                if (!Double.isNaN(point.throughput())) {
                    measured.getData().add(new XYChart.Data<>(point.concurrency(), point.throughput()));
                    maxX = Math.max(maxX, point.throughput());
                    // the USL is fitted to what succeeded: a server that fails fast still looks busy
                    double errors = Double.isNaN(point.errorRate()) ? 0 : point.errorRate();
                    anyErrors |= errors > 0;
                    successful.getData().add(new XYChart.Data<>(point.concurrency(), point.throughput() * (1 - errors)));
                }
                if (!Double.isNaN(point.p99Ms())) {
                    p99.getData().add(new XYChart.Data<>(point.concurrency(), point.p99Ms()));
                }
            }
            throughput.getData().add(measured);
            if (anyErrors) {
                throughput.getData().add(successful);
            }
            if (!c.curve().isEmpty()) {
                XYChart.Series<Number, Number> usl = new XYChart.Series<>();
                usl.setName(run.id() + " USL fit");
                for (double[] xy : c.curve()) {
                    usl.getData().add(new XYChart.Data<>(xy[0], xy[1]));
                }
                throughput.getData().add(usl);
                usl.getNode().setStyle("-fx-stroke-dash-array: 6 4; -fx-stroke-width: 1.5;");
                usl.getData().forEach(d -> d.getNode().setVisible(false));
            }
            marker(run.id() + " knee N=" + c.knee(), c.knee() == null ? null : c.knee().doubleValue(), maxX);
            marker(run.id() + " errors from N=" + c.errorsAt(), c.errorsAt() == null ? null : c.errorsAt().doubleValue(),
                    maxX);
            if (c.peak() != null && c.peak() < c.steps().stream().mapToInt(LoadTestCharts.Point::concurrency).max()
                    .orElse(0) * 1.5) {
                marker(run.id() + String.format(" N*=%.0f", c.peak()), c.peak(), maxX);
            }
            latency.getData().add(p99);
            text.add(run.id() + ": " + (c.summary() == null ? "" : c.summary()) + (c.fitNote() == null ? ""
                    : " (" + c.fitNote() + ")"));
        }
        summary.setText(String.join("\n", text));
    }

    private void marker(String name, Double n, double height) {
        if (n == null || height <= 0) {
            return;
        }
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(name);
        line.getData().add(new XYChart.Data<>(n, 0));
        line.getData().add(new XYChart.Data<>(n, height));
        throughput.getData().add(line);
        line.getNode().setStyle("-fx-stroke-dash-array: 2 3; -fx-stroke-width: 1;");
    }
}
