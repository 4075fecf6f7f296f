package org.pmw.ui.main;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;

/**
 * Asks for a new project's title, folder and time zone, as {@code pmw init --title --zone} takes them. The zone is
 * the one times written without an offset are read in, so it is asked rather than taken from this machine, whose
 * zone need not be the servers'. A value it cannot use keeps the dialog open and says why.
 */
final class NewProjectDialog extends Dialog<NewProjectDialog.Choice> {

    /** What the user chose. */
    record Choice(String title, Path folder, ZoneId zone) {
    }

    private final TextField title = new TextField("Untitled incident");
    private final TextField folder = new TextField();
    private final ComboBox<String> zone = new ComboBox<>();
    private final Label problem = new Label();
    /** Where a bare folder name goes: where the folder chooser starts, else the user's home. */
    private final Path base;

    NewProjectDialog(File startFolder) {
        base = startFolder != null ? startFolder.toPath() : Path.of(System.getProperty("user.home"));
        setTitle("New incident project");
        setHeaderText("A folder of its own for the incident: its evidence, index and investigation.\nTimes written"
                + " without an offset are read in the project's zone, unless an import says otherwise.");
        title.setId("newProjectTitle");
        folder.setId("newProjectFolder");
        folder.setPromptText("a new or empty folder; a bare name goes in " + base);
        folder.setPrefColumnCount(32);
        Button choose = new Button("Choose…");
        choose.setId("chooseProjectFolder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the new incident project");
            chooser.setInitialDirectory(startFolder);
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                folder.setText(dir.getPath());
            }
        });
        HBox.setHgrow(folder, Priority.ALWAYS);
        zone.setId("newProjectZone");
        zone.setEditable(true);
        zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(ZoneId.systemDefault().getId());
        zone.setVisibleRowCount(16);
        zone.setMaxWidth(Double.MAX_VALUE);
        problem.setId("newProjectError");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b3261e;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Folder"), new HBox(6, folder, choose));
        grid.addRow(2, new Label("Time zone"), zone);
        grid.add(problem, 0, 3, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        org.pmw.ui.CheckedDialogs.okReads(this, this::read, problem);
        setOnShown(e -> folder.requestFocus());
    }

    /** What the fields say, or an exception naming what cannot be used. */
    Choice read() {
        String t = title.getText().trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("give the incident a title");
        }
        String f = folder.getText().trim();
        if (f.isEmpty()) {
            throw new IllegalArgumentException("choose a folder for the project (a new or empty one)");
        }
        Path dir;
        try {
            // not the app's working directory, which the user never sees
            dir = base.resolve(f);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("cannot use '" + f + "' as a folder: " + e.getReason());
        }
        if (Files.isRegularFile(dir.resolve("incident.json"))) {
            throw new IllegalArgumentException(dir + " is already an incident project: open it instead");
        }
        // the box's text, not its value: a zone typed and not yet committed is the one the user sees
        String z = zone.getEditor().getText().trim();
        try {
            return new Choice(t, dir, ZoneId.of(z));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + z
                    + "': use a region such as America/New_York, an offset such as -04:00, or UTC");
        }
    }

    Optional<Choice> ask() {
        return showAndWait();
    }
}
