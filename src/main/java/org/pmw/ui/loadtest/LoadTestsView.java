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
    private final LineChart<Number, Number> throughput = chart("Concurrent users (N)", "req/s");
    private final LineChart<Number, Number> latency = chart("Concurrent users (N)", "p99 (ms)");
    private final Label summary = new Label();
    /** Each run's first finding, above the charts, so a short window shows it beside them. */
    private final Label headline = new Label();
    /** One colour per run, its series told apart by line style; the charts' own legend would recycle colours. */
    private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2);
    private static final String[] RUN_COLOURS = {"#1f6fb2", "#c0392b", "#2e8b57", "#8e44ad", "#d4820a", "#6d4c41"};

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
                // the file's name last: a narrow panel cuts that, not the steps
                setText(empty || run == null ? null : run.id() + " · " + run.steps().size() + " steps · "
                        + run.name());
                setTooltip(empty || run == null ? null : new javafx.scene.control.Tooltip(run.name()));
            }
        });
        Label noRuns = new Label("No load-test runs yet. Import JMeter, k6, Gatling, Locust, ab or wrk results"
                + " (File › Import Evidence…, Ctrl+I); each file or series becomes a run.");
        noRuns.setWrapText(true);
        noRuns.setPadding(new Insets(6));
        runs.setPlaceholder(noRuns);
        runs.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<LoadTestRun>) c -> draw());
        summary.setWrapText(true);
        throughput.setId("loadTestThroughput");
        latency.setId("loadTestLatency");
        summary.setId("loadTestSummary");
        summary.getStyleClass().add("hint");
        Label hint = new Label("Select one run, or several (Ctrl+click) to overlay them.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(throughput, Priority.ALWAYS);
        VBox.setVgrow(latency, Priority.ALWAYS);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        legend.setId("loadTestLegend");
        throughput.setLegendVisible(false);
        latency.setLegendVisible(false);
        headline.setWrapText(true);
        headline.setId("loadTestHeadline");
        headline.getStyleClass().add("load-test-headline");
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the charts come before the full analysis: on a laptop's screen they are what the panel opens on
        getChildren().addAll(hint, runs, headline, throughput, legend, latency, summary);
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
        legend.getChildren().clear();
        List<String> text = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        int runIndex = 0;
        for (LoadTestRun run : List.copyOf(runs.getSelectionModel().getSelectedItems())) {
            String colour = RUN_COLOURS[runIndex++ % RUN_COLOURS.length];
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
            style(measured, colour, "", 2, true, 1);
            legend(run.id() + " measured", colour, "", 1);
            if (anyErrors) {
                throughput.getData().add(successful);
                style(successful, colour, "", 1.5, true, 0.55);
                legend(run.id() + " successful", colour, "", 0.55);
            }
            if (!c.curve().isEmpty()) {
                XYChart.Series<Number, Number> usl = new XYChart.Series<>();
                usl.setName(run.id() + " USL fit");
                for (double[] xy : c.curve()) {
                    usl.getData().add(new XYChart.Data<>(xy[0], xy[1]));
                }
                throughput.getData().add(usl);
                // a loose fit is drawn faint and says so: its curve and N* are not findings
                double opacity = c.poorFit() ? 0.35 : 1;
                style(usl, colour, "6 4", 1.5, false, opacity);
                legend(run.id() + " USL fit" + (c.poorFit() ? String.format(java.util.Locale.ROOT,
                        " (loose: R²=%.2f)", c.fitR2()) : ""), colour, "6 4", opacity);
            }
            marker(run.id() + " knee N=" + c.knee(), c.knee() == null ? null : c.knee().doubleValue(), maxX, colour,
                    "2 3");
            marker(run.id() + " errors from N=" + c.errorsAt(), c.errorsAt() == null ? null : c.errorsAt().doubleValue(),
                    maxX, colour, "8 3 2 3");
            if (c.peak() != null && !c.poorFit() && c.peak() < c.steps().stream()
                    .mapToInt(LoadTestCharts.Point::concurrency).max().orElse(0) * 1.5) {
                marker(run.id() + String.format(" N*=%.0f", c.peak()), c.peak(), maxX, colour, "1 4");
            }
            latency.getData().add(p99);
            style(p99, colour, "", 2, true, 1);
            // the first finding heads the charts; the rest of the analysis follows them
            String first = c.summary() == null ? "" : firstSentence(c.summary());
            String rest = c.summary() == null ? "" : c.summary().substring(first.length()).strip();
            text.add(run.id() + ": " + rest + (c.fitNote() == null ? "" : " (" + c.fitNote() + ")"));
            if (c.summary() != null) {
                headlines.add(run.id() + ": " + first);
            }
        }
        alignConcurrencyAxes();
        // with no run to draw, empty axes from 0 to 100 req/s would read as a measurement
        boolean drawn = !runs.getSelectionModel().isEmpty();
        for (javafx.scene.Node chart : List.of(throughput, latency, legend)) {
            chart.setVisible(drawn);
            chart.setManaged(drawn);
        }
        summary.setText(String.join("\n", text));
        headline.setText(String.join("\n", headlines));
        headline.setVisible(!headlines.isEmpty());
        headline.setManaged(!headlines.isEmpty());
    }

    /** Both charts over the same concurrency range, so a step in one is straight above the same step in the other. */
    private void alignConcurrencyAxes() {
        double maxN = 0;
        for (var chart : List.of(throughput, latency)) {
            for (XYChart.Series<Number, Number> series : chart.getData()) {
                for (XYChart.Data<Number, Number> point : series.getData()) {
                    maxN = Math.max(maxN, point.getXValue().doubleValue());
                }
            }
        }
        for (var chart : List.of(throughput, latency)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            if (maxN <= 0) {
                x.setAutoRanging(true);
                continue;
            }
            double unit = niceUnit(maxN / 8);
            x.setAutoRanging(false);
            x.setLowerBound(0);
            x.setUpperBound(Math.ceil(maxN / unit) * unit);
            x.setTickUnit(unit);
        }
    }

    private static double niceUnit(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** Up to the first full stop that ends a sentence (not one inside a number such as 3.1). */
    static String firstSentence(String text) {
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("\\.(\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private void marker(String name, Double n, double height, String colour, String dashes) {
        if (n == null || height <= 0) {
            return;
        }
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(name);
        line.getData().add(new XYChart.Data<>(n, 0));
        line.getData().add(new XYChart.Data<>(n, height));
        throughput.getData().add(line);
        style(line, colour, dashes, 1.2, false, 1);
        legend(name, colour, dashes, 1);
    }

    /** The run's colour on a series: its line, and its points if it shows them (a vertical marker does not). */
    private static void style(XYChart.Series<Number, Number> series, String colour, String dashes, double width,
                              boolean points, double opacity) {
        series.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: " + width + ";"
                + (dashes.isEmpty() ? "" : " -fx-stroke-dash-array: " + dashes + ";"));
        series.getNode().setOpacity(opacity);
        for (XYChart.Data<Number, Number> d : series.getData()) {
            d.getNode().setVisible(points);
            d.getNode().setStyle("-fx-background-color: " + colour + ", white;");
            d.getNode().setOpacity(opacity);
        }
    }

    private void legend(String name, String colour, String dashes, double opacity) {
        javafx.scene.shape.Line sample = new javafx.scene.shape.Line(0, 0, 22, 0);
        sample.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2;"
                + (dashes.isEmpty() ? "" : " -fx-stroke-dash-array: " + dashes + ";"));
        sample.setOpacity(opacity);
        Label label = new Label(name, sample);
        label.getStyleClass().add("legend-entry");
        legend.getChildren().add(label);
    }
}
