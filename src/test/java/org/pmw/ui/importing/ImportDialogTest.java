package org.pmw.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    @TempDir
    static Path tmp;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void thePreviewFollowsTheZoneTypedAndABadZoneKeepsTheDialogOpen(FxRobot robot) throws Exception {
        Path log = tmp.resolve("messages");
        Files.writeString(log, """
                Oct 10 14:02:11 web1 kernel: httpd[2311]: segfault at 0 ip 00007f rsp 00007f error 4
                Oct 10 14:02:12 web1 sshd[812]: Accepted publickey for ops from 10.0.0.9 port 52110
                """);
        ImportDialog[] dialog = new ImportDialog[1];
        WaitForAsyncUtils.asyncFx(() -> {
            dialog[0] = new ImportDialog(List.of(log), ZoneId.of("UTC"));
            dialog[0].show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        TextArea preview = robot.lookup(".dialog-pane .text-area").queryAs(TextArea.class);
        assertTrue(preview.getText().contains("14:02:11"), preview.getText());
        TextField zone = robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class).iterator().next();

        robot.clickOn(zone).write("America/New_York");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(preview.getText().contains("18:02:11"), "14:02 in New York is 18:02 UTC: " + preview.getText());

        WaitForAsyncUtils.asyncFx(() -> zone.setText("Mars/Olympus")).get();
        robot.clickOn(importButton(dialog[0]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog[0].isShowing(), "a zone that does not exist keeps the dialog open");
        assertEquals("Unknown time zone 'Mars/Olympus': expected a region such as America/New_York or an offset such"
                + " as -04:00.", robot.lookup("#importProblem").queryAs(Label.class).getText());

        WaitForAsyncUtils.asyncFx(() -> zone.setText("-04:00")).get();
        robot.clickOn(importButton(dialog[0]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!dialog[0].isShowing());
        ImportDialog.Choice choice = dialog[0].getResult();
        assertEquals(ZoneId.of("-04:00"), choice.groups().keySet().iterator().next().zone());
    }

    @Test
    void aFolderDroppedShowsHowEachOfItsFilesWillBeRead(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("web1"));
        Files.writeString(folder.resolve("error_log"), """
                [Mon Oct 10 14:02:11 2005] [notice] child pid 2311 exit signal Segmentation fault (11)
                [Mon Oct 10 14:02:12 2005] [error] [client 10.0.0.7] File does not exist: /var/www/html/favicon.ico
                """);
        Files.write(folder.resolve("core.2311"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
        Files.writeString(folder.resolve(".swp"), "not evidence");
        ImportDialog[] dialog = new ImportDialog[1];
        WaitForAsyncUtils.asyncFx(() -> {
            dialog[0] = new ImportDialog(List.of(folder), ZoneId.of("UTC"));
            dialog[0].show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> files = robot.from(dialog[0].getDialogPane()).lookup(".table-view")
                .queryAs(javafx.scene.control.TableView.class);
        // the folder's files are read off the window's thread, again when an option changes
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> "folder: 2 files, 1 not recognised".equals(files.getColumns().get(1).getCellData(0)));
        String preview = robot.from(dialog[0].getDialogPane()).lookup(".text-area").queryAs(TextArea.class).getText();
        assertTrue(preview.contains("error_log  apache_error"), preview);
        assertTrue(preview.contains("from 2005-10-10 14:02:11"), preview);
        assertTrue(preview.contains("core.2311  refused: looks like a binary file"), preview);
        assertTrue(!preview.contains(".swp"), "hidden files are not imported: " + preview);

        TextField zone = robot.from(dialog[0].getDialogPane()).lookup(".text-field").queryAllAs(TextField.class)
                .iterator().next();
        WaitForAsyncUtils.asyncFx(() -> zone.setText("America/New_York")).get();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.from(dialog[0].getDialogPane())
                .lookup(".text-area").queryAs(TextArea.class).getText().contains("from 2005-10-10 18:02:11"));
        assertEquals("folder: 2 files, 1 not recognised", files.getColumns().get(1).getCellData(0),
                "a zone typed reads the folder again, in the zone typed");
        WaitForAsyncUtils.asyncFx(() -> dialog[0].close()).get();
    }

    /**
     * The dialog's own Import button: found in its pane rather than by its text across every window, which races
     * with popups (a tooltip) closing meanwhile.
     */
    private static javafx.scene.Node importButton(ImportDialog dialog) {
        javafx.scene.control.ButtonType type = dialog.getDialogPane().getButtonTypes().stream()
                .filter(t -> t.getText().equals("Import")).findFirst().orElseThrow();
        return dialog.getDialogPane().lookupButton(type);
    }
}
