package org.pmw.ui.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.pmw.app.ImportException;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportReport;
import org.pmw.app.Project;
import org.pmw.model.LaneDensity;
import org.pmw.ui.detail.EventDetailView;
import org.pmw.ui.search.SearchView;
import org.pmw.ui.search.SearchViewModel;
import org.pmw.ui.task.FxTaskRunner;
import org.pmw.ui.timeline.TimelineView;
import org.pmw.ui.timeline.TimelineViewModel;

/**
 * The main window: menus, the timeline across the top, the evidence search with its results and the selected
 * event below it, the investigation on the right, and a status bar with the running task and its Cancel.
 */
public final class MainView extends BorderPane {

    private final WorkbenchModel workbench;
    private final RecentProjects recent;
    private final ChooserFolders folders;
    private final SearchViewModel searchModel;
    private final SearchView search;
    private final TimelineView timeline = new TimelineView();
    private final EventDetailView detail;
    private final TabPane side = new TabPane();
    private final Label projectLabel = new Label("No project open");
    private final Menu recentMenu = new Menu("Open _Recent");
    private Menu view;

    public MainView(WorkbenchModel workbench, RecentProjects recent) {
        this.workbench = workbench;
        this.recent = recent;
        this.folders = recent.chooserFolders();
        getStyleClass().add("workbench");
        searchModel = new SearchViewModel(workbench);
        search = new SearchView(searchModel);
        detail = new EventDetailView(workbench.tasks());
        search.setOnOpen(e -> detail.show(e, workbench.project(), zone()));

        timeline.setId("timeline");
        timeline.setOnWindowSelected((from, to) -> {
            searchModel.setWindow(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
            searchModel.search();
        });
        timeline.setOnSourceMenu(this::showSourceMenu);
        timeline.visibleStartProperty().addListener((o, a, b) -> reloadDensity());
        timeline.visibleEndProperty().addListener((o, a, b) -> reloadDensity());
        timeline.widthProperty().addListener((o, a, b) -> reloadDensity());
        searchModel.shownProperty().addListener((o, a, b) -> reloadDensity());
        searchModel.shownProperty().addListener((o, a, b) -> markDetailOutsideResults(b));
        searchModel.fromProperty().addListener((o, a, b) -> showSelection());
        searchModel.toProperty().addListener((o, a, b) -> showSelection());

        SplitPane evidence = new SplitPane(search, detail);
        evidence.setOrientation(Orientation.VERTICAL);
        evidence.setDividerPositions(0.62);
        side.setId("sidePanel");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(280);
        SplitPane body = new SplitPane(evidence, side);
        body.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(side, false);
        SplitPane vertical = new SplitPane(timeline, body);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.30);
        SplitPane.setResizableWithParent(timeline, false);

        setTop(menus());
        setCenter(vertical);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && workbench.project() != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                importWithDialog(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(true);
            e.consume();
        });
        workbench.revisionProperty().addListener((o, a, b) -> refresh());
        workbench.projectProperty().addListener((o, a, b) -> projectChanged(b));
        workbench.openingProperty().addListener((o, a, b) -> openingChanged(b));
    }

    public SearchViewModel searchModel() { return searchModel; }
    public SearchView searchView() { return search; }
    public TimelineView timeline() { return timeline; }
    public EventDetailView detail() { return detail; }
    public TabPane sidePanel() { return side; }
    public ChooserFolders chooserFolders() { return folders; }

    /**
     * Shows a side tab and puts the keyboard's focus in it (Ctrl+1..5), so the arrows and Tab act in the panel
     * asked for rather than where the focus was.
     */
    public void showSideTab(Tab tab) {
        side.getSelectionModel().select(tab);
        // the tab's content is laid out (a scroll pane's inside built) before its first control can be found
        side.applyCss();
        side.layout();
        FirstFocusable.in(tab.getContent()).ifPresent(Node::requestFocus);
    }

    /** Adds a tab to the side panel (investigation, load tests, patterns...). */
    public void addSideTab(Tab tab) {
        side.getTabs().add(tab);
    }

    /** The status bar; needs the runner that shows background tasks. */
    public void installStatusBar(FxTaskRunner runner) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(runner.progressProperty());
        bar.setPrefWidth(220);
        Label message = new Label();
        message.textProperty().bind(runner.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> runner.cancelCurrent());
        HBox task = new HBox(8, message, bar, cancel);
        task.setAlignment(Pos.CENTER_RIGHT);
        task.visibleProperty().bind(runner.runningProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        projectLabel.setId("projectLabel");
        HBox status = new HBox(8, projectLabel, grow, task);
        status.getStyleClass().add("status-bar");
        status.setPadding(new Insets(3, 8, 3, 8));
        status.setAlignment(Pos.CENTER_LEFT);
        setBottom(status);
    }

    private ZoneId zone() {
        Project p = workbench.project();
        return p == null ? ZoneId.of("UTC") : p.zone();
    }

    private MenuBar menus() {
        MenuItem newProject = item("_New Project…", "Shortcut+Shift+N", this::newProject);
        MenuItem open = item("_Open Project…", "Shortcut+O", this::openProject);
        MenuItem importItem = item("_Import Evidence…", "Shortcut+I", this::chooseImport);
        // a file chooser picks files only: a folder of logs (web1/, web2/...) is chosen here
        MenuItem importFolder = item("Import _Folder…", "Shortcut+Shift+I", this::chooseImportFolder);
        MenuItem close = item("_Close Project", null, workbench::closeProject);
        MenuItem exit = item("E_xit", "Shortcut+Q", Platform::exit);
        Menu file = new Menu("_File", null, newProject, open, recentMenu, new SeparatorMenuItem(), importItem,
                importFolder, new SeparatorMenuItem(), close, exit);
        file.setOnShowing(e -> fillRecent());
        MenuItem find = item("_Find in Evidence", "Shortcut+F", search::focusQuery);
        MenuItem all = item("Show _All Time", "Shortcut+0", timeline::showAll);
        MenuItem zoomIn = item("Zoom _In", "Shortcut+EQUALS", () -> timeline.zoom(0.5, 0.5));
        MenuItem zoomOut = item("Zoom _Out", "Shortcut+MINUS", () -> timeline.zoom(2, 0.5));
        view = new Menu("_View", null, find, new SeparatorMenuItem(), zoomIn, zoomOut, all, new SeparatorMenuItem());
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    /** Adds an item to the View menu (e.g. a side panel tab). */
    public void addViewItem(MenuItem item) {
        view.getItems().add(item);
    }

    /** Adds a menu (e.g. Investigation) after the others. */
    public void addMenu(Menu menu) {
        MenuBar bar = (MenuBar) getTop();
        bar.getMenus().add(menu);
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem project = item(p.toString(), null, () -> open(p));
            project.setMnemonicParsing(false); // a folder's underscore is part of its name
            recentMenu.getItems().add(project);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void newProject() {
        NewProjectDialog dialog = new NewProjectDialog(folders.start(ChooserFolders.Purpose.PROJECT, projectsFolder()));
        dialog.initOwner(window());
        dialog.ask().ifPresent(choice -> {
            try {
                Project.create(choice.folder(), choice.title(), choice.zone(), Clock.systemUTC());
            } catch (RuntimeException e) {
                workbench.showError(e);
                return;
            }
            folders.used(ChooserFolders.Purpose.PROJECT, choice.folder().toAbsolutePath().getParent());
            open(choice.folder());
        });
    }

    private void openProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open an incident project (the folder with incident.json)");
        chooser.setInitialDirectory(folders.start(ChooserFolders.Purpose.PROJECT, projectsFolder()));
        File dir = chooser.showDialog(window());
        if (dir != null) {
            folders.used(ChooserFolders.Purpose.PROJECT, dir.toPath().getParent());
            open(dir.toPath());
        }
    }

    /** Where projects are kept, as far as the window knows: the folder of the one open, else of the last opened. */
    private Path projectsFolder() {
        Project project = workbench.project();
        Path last = project != null ? project.root() : recent.list().stream().findFirst().orElse(null);
        return last == null ? null : last.toAbsolutePath().getParent();
    }

    public void open(Path dir) {
        workbench.open(dir, () -> recent.add(dir));
    }

    private void chooseImport() {
        if (workbench.project() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import evidence: logs, load-test results, change records");
        chooser.setInitialDirectory(folders.start(ChooserFolders.Purpose.IMPORT, importFallback()));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            folders.used(ChooserFolders.Purpose.IMPORT, files.get(0).toPath().getParent());
            importWithDialog(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseImportFolder() {
        if (workbench.project() == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a folder of evidence: every file in it, named by its path in the folder");
        chooser.setInitialDirectory(folders.start(ChooserFolders.Purpose.IMPORT, importFallback()));
        File dir = chooser.showDialog(window());
        if (dir != null) {
            // its parent: the next folder of logs is most likely a sibling of this one (web1/, web2/...)
            folders.used(ChooserFolders.Purpose.IMPORT, dir.toPath().getParent());
            importWithDialog(List.of(dir.toPath()));
        }
    }

    /** Before any import: the project's parent, where the logs were most likely collected beside it. */
    private Path importFallback() {
        Project project = workbench.project();
        return project == null ? null : project.root().toAbsolutePath().getParent();
    }

    /** What can be done to one evidence file, offered on its timeline lane's name. */
    private void showSourceMenu(String sourceId, javafx.geometry.Point2D at) {
        Project project = workbench.project();
        if (project == null) {
            return;
        }
        project.incident().getSources().stream().filter(s -> s.id().equals(sourceId)).findFirst().ifPresent(source -> {
            MenuItem retime = new MenuItem(source.category().equals("log") ? "Re-time " + sourceId + "…"
                    : "Re-time " + sourceId + " (logs only: its records are in the investigation)");
            retime.setMnemonicParsing(false); // a name's underscore is part of it
            retime.setId("retimeSource");
            retime.setDisable(!source.category().equals("log"));
            retime.setOnAction(e -> {
                org.pmw.ui.importing.RetimeDialog dialog = new org.pmw.ui.importing.RetimeDialog(source);
                dialog.initOwner(window());
                dialog.ask().ifPresent(choice -> retime(sourceId, choice));
            });
            new javafx.scene.control.ContextMenu(retime).show(timeline, at.getX(), at.getY());
        });
    }

    /** Reads a log again with another zone, clock offset or year, in the background; see Project#retime. */
    public void retime(String sourceId, org.pmw.ui.importing.RetimeDialog.Choice choice) {
        Project project = workbench.project();
        if (project == null) {
            return;
        }
        workbench.tasks().run("Re-timing " + sourceId, progress -> project.retime(sourceId, choice.zone(),
                choice.clockOffsetMs(), choice.year(), progress), done -> workbench.changed(), error -> {
                    workbench.changed();
                    workbench.showError(error);
                });
    }

    /** Shows the detected formats and a preview; imports what the user confirms, in the background. */
    public void importWithDialog(List<Path> files) {
        Project project = workbench.project();
        if (project == null) {
            return;
        }
        org.pmw.ui.importing.ImportDialog dialog = new org.pmw.ui.importing.ImportDialog(files, project.zone(), yearReference(project));
        dialog.initOwner(window());
        dialog.ask().ifPresent(choice -> importGroups(project, choice.groups()));
    }

    /**
     * Files read with different options, imported one group after another in one background task, so Cancel
     * stops the whole import and two groups never share the index's transaction.
     */
    private void importGroups(Project project, java.util.Map<ImportOptions, List<Path>> groups) {
        int files = groups.values().stream().mapToInt(List::size).sum();
        workbench.tasks().run("Importing " + files + " file(s)", progress -> {
            List<ImportReport> reports = new java.util.ArrayList<>();
            List<java.util.Map.Entry<ImportOptions, List<Path>>> ordered = List.copyOf(groups.entrySet());
            for (int g = 0; g < ordered.size(); g++) {
                try {
                    reports.addAll(project.importFiles(ordered.get(g).getValue(), ordered.get(g).getKey(), progress));
                } catch (ImportException e) {
                    if (g == 0) {
                        throw e; // nothing imported yet: the project is unchanged, as the error says
                    }
                    // each group is its own transaction: the groups before stay, and the summary names the rest
                    String why = e.cancelled() ? "not imported: cancelled" : "not imported: " + e.getMessage();
                    for (java.util.Map.Entry<ImportOptions, List<Path>> rest : ordered.subList(g, ordered.size())) {
                        rest.getValue().forEach(f -> reports.add(new ImportReport(f.toString(), ImportReport.REFUSED,
                                null, null, 0, 0, List.of(), List.of(), null, null, why)));
                    }
                    break;
                }
            }
            return reports;
        }, this::imported, this::importFailed);
    }

    /** Imports in the background with progress and Cancel; on cancel or failure the project is unchanged. */
    public void importFiles(List<Path> files) {
        importFiles(files, ImportOptions.defaults());
    }

    public void importFiles(List<Path> files, ImportOptions options) {
        Project project = workbench.project();
        if (project == null) {
            return;
        }
        importGroups(project, java.util.Map.of(options, files));
    }

    /** "43 evidence files (13 logs, 28 load-test results, 2 change records)": what the timeline's lanes come from. */
    static String evidenceFiles(List<org.pmw.model.SourceFile> sources) {
        java.util.Map<String, Long> byCategory = new java.util.LinkedHashMap<>();
        for (String category : List.of("log", "loadtest", "changes")) {
            long n = sources.stream().filter(s -> category.equals(s.category())).count();
            if (n > 0) {
                byCategory.put(category, n);
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        byCategory.forEach((category, n) -> parts.add(n + switch (category) {
            case "log" -> n == 1 ? " log" : " logs";
            case "loadtest" -> n == 1 ? " load-test result" : " load-test results";
            default -> n == 1 ? " change record" : " change records";
        }));
        return sources.size() + (sources.size() == 1 ? " evidence file" : " evidence files")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    private static long[] yearReference(Project project) {
        try {
            return project.yearReference();
        } catch (java.io.IOException e) {
            return null; // the preview then reads year-less dates as an import into an empty project would
        }
    }

        private void imported(List<ImportReport> reports) {
        workbench.changed();
        showImportSummary(reports);
    }

    private void importFailed(Throwable error) {
        workbench.changed();
        if (error instanceof ImportException ie && ie.cancelled() || error instanceof CancellationException) {
            return;
        }
        workbench.showError(error);
    }

    private void showImportSummary(List<ImportReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (ImportReport r : reports) {
            sb.append(Path.of(r.file()).getFileName()).append(": ");
            switch (r.status()) {
                case ImportReport.IMPORTED -> sb.append(r.format()).append(", ").append(r.events()).append(" events")
                        .append(r.skipped() > 0 ? ", " + r.skipped() + " lines skipped" : "");
                case ImportReport.DUPLICATE -> sb.append("already in the project");
                default -> sb.append("refused: ").append(r.message());
            }
            sb.append('\n');
            r.skipReasons().stream().limit(3).forEach(s -> sb.append("    skipped ").append(s).append('\n'));
            r.notes().forEach(n -> sb.append("    note: ").append(n).append('\n'));
        }
        if (getScene() == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, sb.toString());
        alert.setHeaderText("Import finished");
        alert.initOwner(window());
        alert.show();
    }

    /**
     * The event the detail shows stays after a new search (the user may want to cite it), marked when the search
     * does not find it, so it is not read as one of the results.
     */
    private void markDetailOutsideResults(SearchViewModel.Shown shown) {
        org.pmw.model.Event shownEvent = detail.current();
        Project project = workbench.project();
        if (shown == null || shownEvent == null || project == null) {
            return;
        }
        String itself = org.pmw.app.QueryClauses.and(org.pmw.app.QueryClauses.and(shown.query(),
                org.pmw.app.QueryClauses.equalTo("source", shownEvent.source(), false)),
                org.pmw.app.QueryClauses.equalTo("line", Long.toString(shownEvent.line()), true));
        int mine = ++outsideChecks;
        // counted off the window's thread: a leading wildcard over millions of events must not freeze it
        workbench.tasks().runQuietly(progress -> project.count(itself, shown.from(), shown.to()) == 0, outside -> {
            if (mine == outsideChecks && detail.current() == shownEvent) {
                detail.setOutsideResults(outside);
            }
        }, error -> detail.setOutsideResults(false));
    }

    /** Counts the checks asked for: only the latest one marks the detail. */
    private int outsideChecks;

    /**
     * Names the project being opened at once: its first open builds the index, which takes a while, and the status
     * bar is not to say that no project is open meanwhile.
     */
    private void openingChanged(Path dir) {
        if (dir == null) {
            if (workbench.project() == null) {
                projectLabel.setText("No project open");
            }
            return;
        }
        projectLabel.setText("Opening " + dir + "…");
        workbench.tasks().runQuietly(progress -> Project.title(dir), title -> {
            if (dir.equals(workbench.openingProperty().get())) {
                projectLabel.setText(title + "  —  " + dir + "  —  opening…");
            }
        }, error -> {
            // the open itself reads incident.json too and says what is wrong with it
        });
    }

    private void projectChanged(Project project) {
        detail.show(null, null, zone());
        timeline.clearSelection();
        if (project == null) {
            projectLabel.setText("No project open");
            timeline.setData(List.of(), null, List.of());
            return;
        }
        timeline.zoneProperty().set(project.zone());
        search.setZone(project.zone());
        try {
            long[] range = TimelineViewModel.fullRange(project);
            timeline.setFullRange(range[0], range[1]);
            timeline.showAll();
        } catch (IOException e) {
            workbench.showError(e);
        }
        // all the evidence, opened where the outage begins (or the incident's window) rather than at the earliest line
        if (searchModel.waitingProperty().get()) {
            searchModel.search(); // asked for while the project opened: shown as any search is, from its first match
            return;
        }
        org.pmw.model.TimeWindow window = project.incident().outageWindow();
        searchModel.search(() -> {
            org.pmw.model.EventResults shown = searchModel.resultsProperty().get();
            if (window != null && window.start() != null && shown != null) {
                int first = shown.indexOfTime(window.start().toEpochMilli());
                if (first > 0 && first < shown.size()) {
                    search.table().scrollTo(first);
                }
            }
        });
    }

    private void refresh() {
        Project project = workbench.project();
        if (project == null) {
            return;
        }
        try {
            projectLabel.setText(project.incident().getTitle() + "  —  " + project.root() + "  —  "
                    + String.format(java.util.Locale.ROOT, "%,d events from %s", project.eventCount(),
                    evidenceFiles(project.incident().getSources())));
        } catch (IOException e) {
            projectLabel.setText(project.root().toString());
        }
        reloadDensity();
    }

    private void showSelection() {
        Instant f = searchModel.fromProperty().get();
        Instant t = searchModel.toProperty().get();
        if (f == null || t == null) {
            timeline.clearSelection();
        } else {
            timeline.setSelection(f.toEpochMilli(), t.toEpochMilli());
        }
    }

    /** Re-reads the lane density for the visible window in the background; only the newest result is drawn. */
    // the timeline's lanes and records: rebuilt when the project or its revision changes, not on every pan
    private Project recordsProject;
    private int recordsRevision = -1;
    private List<String> laneSources = List.of();
    private List<org.pmw.ui.timeline.TimelineItem> records = List.of();

    /**
     * A lane density read is running. Dragging the lanes moves the view many times a second and each read counts
     * every event in view: while one runs, moves only mark it out of date, and the view as it is then is read once
     * it ends, rather than a read per move competing with the window for the processor.
     */
    private boolean densityReading;
    private boolean densityOutOfDate;

    private void reloadDensity() {
        Project project = workbench.project();
        if (project == null || timeline.getWidth() <= 0) {
            return;
        }
        if (densityReading) {
            densityOutOfDate = true;
            return;
        }
        long start = timeline.visibleStartProperty().get();
        long end = timeline.visibleEndProperty().get();
        int buckets = timeline.wantedBuckets();
        int revision = workbench.revisionProperty().get();
        if (project != recordsProject || revision != recordsRevision) {
            recordsProject = project;
            recordsRevision = revision;
            laneSources = TimelineViewModel.lanes(project.incident());
            records = TimelineViewModel.items(project.incident());
        }
        List<String> lanes = laneSources;
        List<org.pmw.ui.timeline.TimelineItem> items = records;
        String query = densityQuery();
        densityReading = true;
        workbench.tasks().runQuietly(progress -> TimelineViewModel.density(project, query, start, end, buckets),
                (LaneDensity density) -> {
                    densityReading = false;
                    // a read of a view since moved is still drawn, where its times are: the lanes follow a drag
                    if (workbench.project() == project && query.equals(densityQuery())) {
                        timeline.setData(lanes, density, items);
                        timeline.setLanesNote(query.equals("*") ? "" : "lanes: search matches");
                    }
                    readDensityIfOutOfDate();
                }, error -> {
                    densityReading = false;
                    // a project closed meanwhile fails its reads: nothing to tell the user
                    if (workbench.project() == project && !densityOutOfDate) {
                        workbench.showError(error);
                    }
                    readDensityIfOutOfDate();
                });
    }

    private void readDensityIfOutOfDate() {
        if (densityOutOfDate) {
            densityOutOfDate = false;
            reloadDensity();
        }
    }

    /** The lanes count what the search on screen matches, as a histogram of hits over time, file by file. */
    private String densityQuery() {
        SearchViewModel.Shown shown = searchModel.shownProperty().get();
        return shown == null || shown.query().isBlank() ? "*" : shown.query();
    }
}
