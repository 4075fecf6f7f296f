package org.pmw.ui.importing;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pmw.app.FormatInfo;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportPreview;
import org.pmw.model.Event;

/**
 * Shows each file's detected format with a preview of its first parsed events, and lets the user override
 * the format, the zone, the year and the host before importing.
 */
public final class ImportDialog extends Dialog<ImportDialog.Choice> {

    /** Files grouped by the options to import them with. */
    public record Choice(Map<ImportOptions, List<Path>> groups) {
    }

    private static final String DETECT = "(detect)";
    private final ZoneId projectZone;
    private final long[] yearReference;
    private final TableView<Row> table = new TableView<>();
    private final TextArea preview = new TextArea();
    private final TextField zone = new TextField();
    private final TextField year = new TextField();
    private final TextField host = new TextField();
    private final Label problem = new Label();

    /** Files of a folder previewed one by one; past this many the rest are counted, not read. */
    private static final int FOLDER_PREVIEWS = 200;

    /**
     * Reads a folder's files off the window's thread: hundreds of previews, again after each key typed in the zone,
     * year or host field, would freeze the window.
     */
    private final java.util.concurrent.ExecutorService folderReader = java.util.concurrent.Executors
            .newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "pmw-import-preview");
                thread.setDaemon(true);
                return thread;
            });

    /** One file or folder in the dialog, with the format the user chose for it. */
    public static final class Row {
        final Path file;
        ImportPreview detected;
        /** For a folder: each of its files as the import will read it (a folder is imported whole, by its name). */
        List<ImportPreview> inFolder = List.of();
        int filesInFolder;
        /** For a folder: its files, found once. */
        List<Path> folderFiles;
        /** Which reading of the folder's files is the latest: an older one still running gives up. */
        final java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
        boolean readingFolder;
        final ComboBox<String> format = new ComboBox<>();

        Row(Path file) {
            this.file = file;
        }
    }

    public ImportDialog(List<Path> files, ZoneId projectZone) {
        this(files, projectZone, null);
    }

    /** @param yearReference what year-less timestamps fall nearest to, as the import will read them (or null) */
    public ImportDialog(List<Path> files, ZoneId projectZone, long[] yearReference) {
        this.projectZone = projectZone;
        this.yearReference = yearReference;
        setTitle("Import evidence");
        setHeaderText("Check how each file will be read, then import. Formats are detected; override where needed.");
        setResizable(true);
        List<String> formats = new ArrayList<>();
        formats.add(DETECT);
        FormatInfo.all().forEach(f -> formats.add(f.name()));
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            Row row = new Row(f);
            row.format.setItems(FXCollections.observableArrayList(formats));
            row.format.setValue(DETECT);
            row.format.valueProperty().addListener((o, a, b) -> refresh(row));
            rows.add(row);
        }
        TableColumn<Row, String> name = new TableColumn<>("File");
        name.setPrefWidth(260);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file.getFileName().toString()));
        TableColumn<Row, String> detected = new TableColumn<>("Detected");
        detected.setPrefWidth(220);
        detected.setCellValueFactory(c -> new ReadOnlyStringWrapper(describe(c.getValue())));
        TableColumn<Row, Row> choice = new TableColumn<>("Read as");
        choice.setPrefWidth(170);
        choice.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        choice.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : item.format);
            }
        });
        table.getColumns().setAll(List.of(name, detected, choice));
        table.setItems(FXCollections.observableArrayList(rows));
        table.setPrefHeight(180);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showPreview(b));
        preview.setEditable(false);
        preview.setStyle("-fx-font-family: Monospaced; -fx-font-size: 11px;");
        preview.setPrefRowCount(10);
        zone.setPromptText(projectZone.getId() + " (the project's)");
        year.setPromptText("from the project window");
        host.setPromptText("from the data");
        // wide enough for the prompt that names the project's zone, which is what an empty field means
        for (TextField field : List.of(zone, year, host)) {
            field.setPrefColumnCount(Math.max(20, projectZone.getId().length() + 16));
        }
        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(4);
        options.addRow(0, new Label("Time zone of timestamps without one"), zone);
        options.addRow(1, new Label("Year of timestamps without one (syslog)"), year);
        options.addRow(2, new Label("Host of every event"), host);
        // the preview shows times as they will be indexed, so it follows the zone, year and host typed here
        for (TextField field : List.of(zone, year, host)) {
            field.textProperty().addListener((o, a, b) -> {
                problem.setText(optionsProblem());
                rows.forEach(this::refresh);
            });
        }
        problem.setId("importProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b3261e;");
        VBox content = new VBox(8, table, new Label("First events as they will be indexed"), preview, options,
                problem);
        content.setPadding(new Insets(8));
        VBox.setVgrow(preview, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(900, 640);
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        rows.forEach(this::refresh);
        if (!rows.isEmpty()) {
            table.getSelectionModel().select(0);
        }
        getDialogPane().lookupButton(importButton).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String wrong = optionsProblem();
            if (!wrong.isEmpty()) {
                problem.setText(wrong);
                e.consume();
            }
        });
        setResultConverter(button -> button == importButton ? choice(rows) : null);
        setOnHidden(e -> folderReader.shutdownNow());
    }

    /** What is wrong with the zone or year typed, or empty. */
    private String optionsProblem() {
        if (!zone.getText().isBlank()) {
            try {
                ZoneId.of(zone.getText().trim());
            } catch (java.time.DateTimeException e) {
                return "Unknown time zone '" + zone.getText().trim() + "': expected a region such as America/New_York"
                        + " or an offset such as -04:00.";
            }
        }
        if (!year.getText().isBlank() && !year.getText().trim().matches("\\d{4}")) {
            return "The year must be four digits, such as 2005.";
        }
        return "";
    }

    private ImportOptions options(String format) {
        ZoneId z = zone.getText().isBlank() ? null : ZoneId.of(zone.getText().trim());
        Integer y = year.getText().isBlank() ? null : Integer.valueOf(year.getText().trim());
        String h = host.getText().isBlank() ? null : host.getText().trim();
        return new ImportOptions(DETECT.equals(format) ? null : format, z, y, h, 0);
    }

    private Choice choice(List<Row> rows) {
        Map<ImportOptions, List<Path>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(options(row.format.getValue()), k -> new ArrayList<>()).add(row.file);
        }
        return new Choice(groups);
    }

    private void refresh(Row row) {
        ImportOptions opts;
        try {
            opts = options(row.format.getValue());
        } catch (RuntimeException e) {
            opts = new ImportOptions(DETECT.equals(row.format.getValue()) ? null : row.format.getValue(), null, null,
                    null, 0);
        }
        if (java.nio.file.Files.isDirectory(row.file)) {
            previewFolder(row, opts);
        } else {
            row.detected = ImportPreview.of(row.file, opts, projectZone, yearReference, 8);
        }
        table.refresh();
        if (table.getSelectionModel().getSelectedItem() == row) {
            showPreview(row);
        }
    }

    /**
     * Reads the start of each file of a folder, as the import will find them: its regular files at any depth, in
     * name order, hidden ones skipped.
     */
    private void previewFolder(Row row, ImportOptions opts) {
        if (row.folderFiles == null) {
            try {
                row.folderFiles = ImportPreview.filesOf(row.file);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                row.detected = new ImportPreview(row.file, null, 0, List.of(), List.of(), 0, "cannot read the folder: "
                        + e.getMessage());
                return;
            }
            row.filesInFolder = row.folderFiles.size();
        }
        List<Path> files = row.folderFiles.subList(0, Math.min(row.folderFiles.size(), FOLDER_PREVIEWS));
        int reading = row.reading.incrementAndGet();
        row.readingFolder = true;
        folderReader.execute(() -> {
            List<ImportPreview> previews = new ArrayList<>();
            for (Path f : files) {
                if (row.reading.get() != reading) {
                    return; // the options changed meanwhile: a newer reading is queued
                }
                previews.add(ImportPreview.of(f, opts, projectZone, yearReference, 1));
            }
            javafx.application.Platform.runLater(() -> {
                if (row.reading.get() == reading) {
                    row.inFolder = previews;
                    row.readingFolder = false;
                    table.refresh();
                    if (table.getSelectionModel().getSelectedItem() == row) {
                        showPreview(row);
                    }
                }
            });
        });
    }

    private static String describe(Row row) {
        if (row.detected != null || row.filesInFolder == 0 && row.inFolder.isEmpty()) {
            return row.detected == null ? "folder: no files" : describe(row.detected);
        }
        String files = row.filesInFolder + (row.filesInFolder == 1 ? " file" : " files");
        if (row.readingFolder) {
            return "folder: " + files + ", reading…";
        }
        long recognised = row.inFolder.stream().filter(p -> p.format() != null).count();
        return row.filesInFolder > row.inFolder.size() ? "folder: " + files
                : recognised == row.inFolder.size() ? "folder: " + files + ", all recognised"
                : "folder: " + files + ", " + (row.inFolder.size() - recognised) + " not recognised";
    }

    private static String describe(ImportPreview p) {
        if (p == null) {
            return "";
        }
        if (p.format() == null) {
            return "not recognised" + (p.ranking().isEmpty() ? "" : " (best: " + p.ranking().get(0) + ")");
        }
        return p.format() + String.format(" (%.0f%%)", p.score() * 100);
    }

    private void showPreview(Row row) {
        if (row != null && row.detected == null && row.filesInFolder > 0) {
            showFolder(row);
            return;
        }
        if (row == null || row.detected == null) {
            preview.clear();
            return;
        }
        ImportPreview p = row.detected;
        StringBuilder sb = new StringBuilder();
        if (p.problem() != null) {
            sb.append(p.problem()).append('\n');
        }
        if (!p.ranking().isEmpty()) {
            sb.append("Scores: ").append(String.join(", ", p.ranking())).append("\n\n");
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Event e : p.firstEvents()) {
            sb.append(time.format(java.time.Instant.ofEpochMilli(e.ts()).atZone(projectZone))).append("  ")
                    .append(String.format("%-6s", e.level().id())).append(' ').append(e.host().isEmpty() ? "" : e.host() + "  ")
                    .append(e.message().lines().findFirst().orElse("")).append('\n');
        }
        if (p.skippedInPreview() > 0) {
            sb.append("(").append(p.skippedInPreview()).append(" line(s) skipped in the preview)\n");
        }
        preview.setText(sb.toString());
    }

    /** A folder's files, each with how it will be read and its first event, or why it will be refused. */
    private void showFolder(Row row) {
        if (row.readingFolder && row.inFolder.isEmpty()) {
            preview.setText("Reading the start of each of the " + row.filesInFolder + " files of " + row.file.getFileName()
                    + "/ …");
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        int width = row.inFolder.stream().mapToInt(p -> row.file.relativize(p.file()).toString().length()).max()
                .orElse(0);
        StringBuilder sb = new StringBuilder("Every file of ").append(row.file.getFileName())
                .append("/ is imported, named by its path in it:\n\n");
        for (ImportPreview p : row.inFolder) {
            sb.append(String.format("%-" + width + "s  ", row.file.relativize(p.file())));
            if (p.format() == null) {
                sb.append("refused: ").append(p.problem() == null ? "not recognised" : p.problem());
            } else {
                sb.append(describe(p));
                p.firstEvents().stream().findFirst().ifPresent(e -> sb.append("  from ")
                        .append(time.format(java.time.Instant.ofEpochMilli(e.ts()).atZone(projectZone))));
            }
            sb.append('\n');
        }
        if (row.filesInFolder > row.inFolder.size()) {
            sb.append("... and ").append(row.filesInFolder - row.inFolder.size()).append(" more files\n");
        }
        preview.setText(sb.toString());
    }

    public Optional<Choice> ask() {
        return showAndWait();
    }
}
