package org.pmw.ui.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.pmw.app.Project;
import org.pmw.app.Reports;
import org.pmw.model.ReportDocument;
import org.pmw.model.ReportText;
import org.pmw.ui.main.ChooserFolders;
import org.pmw.ui.main.WorkbenchModel;

/**
 * The postmortem: write its prose, preview it as it stands (drawn as its readers will see it, and as the Markdown
 * it exports; both follow every change of the project), and export it as Markdown, HTML or PDF (Ctrl+E).
 */
public final class ReportView extends VBox {

    private final WorkbenchModel workbench;
    private final ComboBox<String> template = new ComboBox<>();
    private final ComboBox<String> status = new ComboBox<>();
    /** The header's authors as typed, names separated by commas; saved on Enter or when it loses the focus. */
    private final TextField authors = new TextField();
    /** The saved authors the field was last filled from, and its project. */
    private List<String> authorsLoaded;
    private Project authorsProject;
    private final ReportPreview preview = new ReportPreview();
    private final TextArea markdown = new TextArea();
    private final Label missing = new Label();
    private final List<TextArea> prose = new ArrayList<>();
    private static final List<String> FIELDS = List.of("Summary", "Impact", "Root causes", "Trigger", "Resolution",
            "Detection", "What went well", "What went wrong", "Where we got lucky");
    private boolean loading;
    /** The saved prose the form was last filled from, and its project. */
    private ReportText proseLoaded;
    private Project proseProject;
    /** Counts renders of the preview: only the latest one's result is shown, and an older one stops early. */
    private final AtomicInteger renders = new AtomicInteger();
    /** Whether a build of the report is running (at most one is). */
    private boolean building;
    /** Figures measured against the index for the last build, used again while the evidence is the same. */
    private final Reports.Measurements measured = new Reports.Measurements();
    /** Shown beside the tabs while the report is being made; the preview keeps the one before meanwhile. */
    private final Label preparing = new Label("Preparing the report…");
    /** Charts as drawn, by their SVG: an edit that leaves a chart as it was does not draw it again. */
    private final Map<String, Image> drawnCharts = new ConcurrentHashMap<>();
    /** Whether the panel is on screen; while neither it nor the window is, edits only mark the preview stale. */
    private boolean active = true;
    private boolean stale;
    /** The latest render shown, and the window that shows it larger, once opened. */
    private Rendered shown;
    private Stage previewWindow;
    private ReportPreview windowPreview;
    private final ChooserFolders folders;

    public ReportView(WorkbenchModel workbench, ChooserFolders folders) {
        this.workbench = workbench;
        this.folders = folders;
        setId("report");
        setPadding(new Insets(6));
        setSpacing(6);
        template.getItems().setAll("sre", "pagerduty", "atlassian");
        template.setValue("sre");
        template.valueProperty().addListener((o, a, b) -> refresh());
        status.getItems().setAll(org.pmw.app.investigation.Vocabulary.REPORT_STATUSES);
        status.setId("reportStatus");
        status.valueProperty().addListener((o, a, b) -> {
            if (!loading && b != null && workbench.project() != null
                    && !b.equals(workbench.project().incident().getReportStatus())) {
                workbench.edit("report status", inv -> inv.setReportStatus(b));
            }
        });
        Button export = new Button("Export…");
        export.setId("exportReport");
        export.setOnAction(e -> export());
        Button openWindow = new Button("Preview in a window");
        openWindow.setId("previewWindow");
        openWindow.setOnAction(e -> openPreviewWindow());
        Label templateLabel = new Label("Template");
        Label statusLabel = new Label("Status");
        Label authorsLabel = new Label("Authors");
        authorsLabel.setLabelFor(authors);
        authors.setId("reportAuthors");
        authors.setPromptText("names, separated by commas");
        authors.setOnAction(e -> saveAuthors());
        authors.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                saveAuthors();
            }
        });
        HBox.setHgrow(authors, Priority.ALWAYS);
        for (javafx.scene.control.Control c : List.of(templateLabel, statusLabel, authorsLabel, export)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        template.setMinWidth(100);
        status.setMinWidth(100);
        HBox bar = new HBox(6, templateLabel, template, statusLabel, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        // a row of its own: beside the choices the side panel left the names no room
        HBox authorsRow = new HBox(6, authorsLabel, authors);
        authorsRow.setAlignment(Pos.CENTER_LEFT);
        missing.setWrapText(true);
        missing.getStyleClass().add("hint");
        preview.setId("reportPreview");
        markdown.setEditable(false);
        markdown.setWrapText(true);
        markdown.setId("reportMarkdown");
        markdown.setStyle("-fx-font-family: Monospaced; -fx-font-size: 11px;");
        VBox form = new VBox(4);
        form.setPadding(new Insets(6));
        for (String field : FIELDS) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(3);
            area.setPromptText(field);
            area.setId("prose-" + field.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            prose.add(area);
            form.getChildren().addAll(new Label(field), area);
        }
        Button save = new Button("Save the prose");
        save.setId("saveProse");
        save.setOnAction(e -> saveProse());
        form.getChildren().add(save);
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab("Preview", preview), new Tab("Markdown", markdown),
                new Tab("Write", formScroll));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // beside the tabs' names, over the empty end of their row: nothing moves when it comes and goes
        javafx.scene.layout.StackPane tabsPane = new javafx.scene.layout.StackPane(tabs, preparing);
        javafx.scene.layout.StackPane.setAlignment(preparing, Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(preparing, new Insets(5, 4, 0, 0));
        VBox.setVgrow(tabsPane, Priority.ALWAYS);
        openWindow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        preparing.setId("reportPreparing");
        preparing.getStyleClass().add("report-preparing");
        preparing.setMouseTransparent(true);
        showPreparing(false);
        HBox exportRow = new HBox(8, export, openWindow, missing);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(missing, Priority.ALWAYS);
        getChildren().addAll(bar, authorsRow, exportRow, tabsPane);
        workbench.revisionProperty().addListener((o, a, b) -> refresh());
    }

    /** Tells the view whether its tab is the one shown: a hidden preview is drawn when it is next shown. */
    public void setActive(boolean shownNow) {
        active = shownNow;
        if (active && stale) {
            refresh();
        }
    }

    private boolean windowShowing() {
        return previewWindow != null && previewWindow.isShowing();
    }

    /** Re-renders the preview in the background. */
    public void refresh() {
        Project p = workbench.project();
        if (p == null) {
            renders.incrementAndGet();
            stale = false;
            showPreparing(false);
            preview.clear();
            markdown.clear();
            shown = null;
            drawnCharts.clear();
            if (windowPreview != null) {
                windowPreview.clear();
                previewWindow.setTitle("Postmortem preview — no project open");
            }
            proseProject = null;
            authorsProject = null;
            authors.clear();
            return;
        }
        if (!active && !windowShowing()) {
            stale = true;
            return;
        }
        stale = false;
        loading = true;
        status.setValue(p.incident().getReportStatus());
        // as the prose: reloaded only when the saved authors changed, so that other edits keep what is being typed
        if (p != authorsProject || !p.incident().getAuthors().equals(authorsLoaded)) {
            authorsLoaded = List.copyOf(p.incident().getAuthors());
            authorsProject = p;
            authors.setText(String.join(", ", authorsLoaded));
        }
        ReportText t = p.incident().getReport();
        // the form is reloaded only when the saved prose itself changed (saved, undone, another project): any
        // other edit (a star, a hypothesis, an import) must not wipe what is being written and not yet saved
        if (p != proseProject || !t.equals(proseLoaded)) {
            List<String> values = List.of(n(t.summary()), n(t.impact()), n(t.rootCauses()), n(t.trigger()),
                    n(t.resolution()), n(t.detection()), n(t.wentWell()), n(t.wentWrong()), n(t.gotLucky()));
            for (int i = 0; i < prose.size(); i++) {
                prose.get(i).setText(values.get(i));
            }
            proseProject = p;
            proseLoaded = t;
        }
        loading = false;
        renders.incrementAndGet();
        showPreparing(true);
        if (!building) {
            build(p);
        }
    }

    /**
     * Makes the report in the background, the copy of the investigation included (a copy of a big one takes a
     * good part of a second). Edits while it runs do not start builds of their own: when it ends, one more build
     * takes the report as it then stands, and this one's result is dropped. The text is shown as soon as it is
     * made; charts not drawn before (Batik takes a few seconds for a report's first ones) follow.
     */
    private void build(Project p) {
        building = true;
        int mine = renders.get();
        String chosen = template.getValue();
        workbench.tasks().runQuietly(progress -> {
            org.pmw.model.Incident copy = p.copyOfIncident();
            if (mine != renders.get()) {
                return null; // a later edit, another template or project: the next build makes that one
            }
            ReportDocument doc = Reports.document(p, copy, chosen, measured);
            Map<ReportDocument.Chart, Image> charts = new HashMap<>();
            List<ReportDocument.Chart> undrawn = new ArrayList<>();
            for (ReportDocument.Block block : doc.blocks()) {
                if (block instanceof ReportDocument.Chart chart) {
                    Image image = drawnCharts.get(chart.svg());
                    if (image == null) {
                        undrawn.add(chart);
                    } else {
                        charts.put(chart, image);
                    }
                }
            }
            return new Rendered(doc, charts, Reports.markdown(doc), undrawn);
        }, result -> {
                if (mine != renders.get()) {
                    buildEnded();
                    return;
                }
                // keep only the charts of the report as it now stands
                java.util.Set<String> current = new java.util.HashSet<>();
                result.charts().keySet().forEach(c -> current.add(c.svg()));
                result.undrawn().forEach(c -> current.add(c.svg()));
                drawnCharts.keySet().retainAll(current);
                show(p, result);
                if (result.undrawn().isEmpty()) {
                    building = false;
                    showPreparing(false);
                } else {
                    preparing.setText("Drawing its charts…");
                    drawCharts(p, mine, result);
                }
            }, error -> failed(mine, error));
    }

    /** The second half of a build: the charts its first half found no picture for, then the report with them. */
    private void drawCharts(Project p, int mine, Rendered text) {
        workbench.tasks().runQuietly(progress -> {
            Map<ReportDocument.Chart, Image> charts = new HashMap<>(text.charts());
            for (ReportDocument.Chart chart : text.undrawn()) {
                if (mine != renders.get()) {
                    return null;
                }
                try {
                    // an image not yet on screen may be made off the FX thread
                    Image image = ReportPreview.image(Reports.chart(chart, ReportPreview.CHART_PIXELS));
                    drawnCharts.put(chart.svg(), image);
                    charts.put(chart, image);
                } catch (java.io.IOException e) {
                    // the preview shows the chart's caption alone; the rest of it still shows
                }
            }
            return new Rendered(text.doc(), charts, text.markdown(), List.of());
        }, result -> {
                if (mine != renders.get()) {
                    buildEnded();
                    return;
                }
                building = false;
                showPreparing(false);
                show(p, result);
            }, error -> failed(mine, error));
    }

    private void show(Project p, Rendered result) {
        preview.show(result.doc(), result.charts());
        shown = result;
        if (windowShowing()) {
            windowPreview.show(result.doc(), result.charts());
            previewWindow.setTitle(windowTitle(p));
        }
        if (!markdown.getText().equals(result.markdown())) {
            markdown.setText(result.markdown());
        }
        List<String> toWrite = result.doc().missing();
        missing.setText(toWrite.isEmpty() ? "Every section is written."
                : "Still to write before a final export: " + String.join(", ", toWrite) + ".");
    }

    private void failed(int mine, Throwable error) {
        if (mine != renders.get()) {
            buildEnded();
            return;
        }
        building = false;
        showPreparing(false);
        workbench.showError(error);
    }

    /** A build overtaken by an edit ends: the next one makes the report as it now stands. */
    private void buildEnded() {
        building = false;
        buildAgain();
    }

    /** After a build that was superseded: the report as it now stands, unless there is no project any more. */
    private void buildAgain() {
        Project now = workbench.project();
        if (now != null) {
            build(now);
        }
    }

    private void showPreparing(boolean on) {
        preparing.setText("Preparing the report…");
        preparing.setVisible(on);
        if (on) {
            preview.showPending();
            if (windowShowing()) {
                windowPreview.showPending();
            }
        }
    }

    /**
     * The preview at the size of a page, in a window of its own that follows every change as the panel does. It is
     * not held above the main window (it is as large as a page), but closes with it.
     */
    public void openPreviewWindow() {
        if (previewWindow == null) {
            windowPreview = new ReportPreview();
            windowPreview.setId("windowPreview");
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            previewWindow = new Stage();
            previewWindow.setScene(new Scene(windowPreview, Math.min(900, screen.getWidth() * 0.9),
                    Math.min(1000, screen.getHeight() * 0.9)));
            // a hidden window keeps no copy of the report
            previewWindow.setOnHidden(e -> windowPreview.clear());
            // closed as a reader closes a document window: Escape, or Ctrl+W (Cmd+W)
            previewWindow.getScene().getAccelerators().put(
                    new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ESCAPE), previewWindow::hide);
            previewWindow.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(
                    javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCombination.SHORTCUT_DOWN), previewWindow::hide);
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> previewWindow.hide());
                // the theme follows the main window's when it is switched later
                javafx.collections.ObservableList<String> sheets = getScene().getStylesheets();
                sheets.addListener((javafx.collections.ListChangeListener<String>) c ->
                        previewWindow.getScene().getStylesheets().setAll(sheets));
            }
        }
        if (getScene() != null) {
            previewWindow.getScene().getStylesheets().setAll(getScene().getStylesheets());
        }
        previewWindow.setTitle(windowTitle(workbench.project()));
        previewWindow.show();
        previewWindow.toFront();
        if (stale || shown == null) {
            refresh();
        } else {
            windowPreview.show(shown.doc(), shown.charts());
        }
    }

    private static String windowTitle(Project p) {
        return "Postmortem preview — " + (p == null ? "no project open" : p.incident().getTitle());
    }

    /** One render of the report, made in the background; {@code undrawn}: charts it has no picture for yet. */
    private record Rendered(ReportDocument doc, Map<ReportDocument.Chart, Image> charts, String markdown,
                            List<ReportDocument.Chart> undrawn) {
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Saves the authors as one undoable edit, when the names typed differ from the saved ones. */
    private void saveAuthors() {
        Project p = workbench.project();
        if (loading || p == null) {
            return;
        }
        List<String> typed = org.pmw.app.investigation.Investigation.authorNames(authors.getText());
        if (!typed.equals(p.incident().getAuthors())) {
            workbench.edit("report authors", inv -> inv.setReportAuthors(authors.getText()));
        }
    }

    private void saveProse() {
        List<String> v = prose.stream().map(TextArea::getText).map(ReportView::blankToNull).toList();
        workbench.edit("report prose", inv -> inv.incident().setReport(new ReportText(v.get(0), v.get(1), v.get(2),
                v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8))));
    }

    /** Asks where to save and in which format, then renders and writes the report. */
    public void export() {
        Project p = workbench.project();
        if (p == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the postmortem");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF", "*.pdf"),
                new FileChooser.ExtensionFilter("HTML (one self-contained file)", "*.html"),
                new FileChooser.ExtensionFilter("Markdown", "*.md"));
        chooser.setInitialDirectory(folders.start(ChooserFolders.Purpose.EXPORT, p.root()));
        chooser.setInitialFileName(ChooserFolders.exportFileName(p.incident().getTitle(), "pdf"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        folders.used(ChooserFolders.Purpose.EXPORT, file.toPath().getParent());
        String name = file.getName().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".md") ? "md" : name.endsWith(".html") || name.endsWith(".htm") ? "html" : "pdf";
        boolean finalVersion = "final".equals(p.incident().getReportStatus());
        String chosen = template.getValue();
        org.pmw.model.Incident copy;
        try {
            copy = p.copyOfIncident();
        } catch (java.io.IOException e) {
            workbench.showError(e);
            return;
        }
        workbench.tasks().run("Exporting the report", progress -> {
            Files.write(file.toPath(), Reports.render(p, copy, format, chosen, finalVersion));
            return file;
        }, written -> missing.setText("Exported " + written), workbench::showError);
    }
}
