package org.pmw.ui.importing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.pmw.app.TimeArguments;
import org.pmw.model.SourceFile;

/**
 * Asks how a log's times should have been read (its zone, its clock's offset, the year of year-less dates), to read
 * it again that way. A value it cannot read keeps the dialog open and says why.
 */
public final class RetimeDialog extends Dialog<RetimeDialog.Choice> {

    /** What the user chose; the year is null for "as it is". */
    public record Choice(ZoneId zone, long clockOffsetMs, Integer year) {
    }

    private final TextField zone = new TextField();
    private final TextField offset = new TextField();
    private final TextField year = new TextField();
    private final Label problem = new Label();

    public RetimeDialog(SourceFile source) {
        setTitle("Re-time " + source.id());
        setHeaderText("Read " + source.id() + " again with the times it should have had.\nThe zone is for times"
                + " written without an offset; the clock offset is added to every time.\nIts events keep their lines,"
                + " so bookmarks and evidence still point at them.");
        zone.setText(source.zone());
        zone.setId("retimeZone");
        zone.setPromptText("America/New_York, +02:00, UTC");
        offset.setText(formatOffset(source.clockOffsetMs()));
        offset.setId("retimeOffset");
        offset.setPromptText("added to every time: -90s, 2m, 0");
        year.setText(source.year() == null ? "" : source.year().toString());
        year.setId("retimeYear");
        year.setPromptText("for dates without one (syslog)");
        problem.setId("retimeError");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b3261e;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Time zone"), zone);
        grid.addRow(1, new Label("Clock offset"), offset);
        grid.addRow(2, new Label("Year"), year);
        grid.add(problem, 0, 3, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        org.pmw.ui.CheckedDialogs.okReads(this, this::read, problem);
    }

    /** What the fields say, or an exception naming what cannot be read. */
    Choice read() {
        ZoneId z;
        try {
            z = ZoneId.of(zone.getText().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone.getText().trim()
                    + "': use a region such as America/New_York, an offset such as -04:00, or UTC");
        }
        String text = offset.getText().trim();
        long ms = text.isEmpty() ? 0 : TimeArguments.signedDuration(text).toMillis();
        Integer y = null;
        if (!year.getText().isBlank()) {
            try {
                y = Integer.valueOf(year.getText().trim());
                if (y < 1 || y > 9999) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the year must be a number such as 2005, not '"
                        + year.getText().trim() + "'");
            }
        }
        return new Choice(z, ms, y);
    }

    public Optional<Choice> ask() {
        return showAndWait();
    }

    /** An offset as the field reads it back: whole seconds, as import's --clock-offset sets them. */
    static String formatOffset(long ms) {
        return ms == 0 ? "0" : (ms < 0 ? "-" : "+") + Math.abs(ms) / 1000 + "s";
    }
}
