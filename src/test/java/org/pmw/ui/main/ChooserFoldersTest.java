package org.pmw.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChooserFoldersTest {

    @TempDir
    Path tmp;

    private final Preferences prefs = Preferences.userRoot().node("org/pmw/test-" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aChooserStartsBesideTheProjectUntilOneOfItsKindWasUsedThenWhereThatOneWas() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("outage"));
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        ChooserFolders folders = new ChooserFolders(prefs);
        assertEquals(project.toFile(), folders.start(ChooserFolders.Purpose.EXPORT, project));

        folders.used(ChooserFolders.Purpose.EXPORT, reports);
        assertEquals(reports.toFile(), folders.start(ChooserFolders.Purpose.EXPORT, project));
        assertEquals(new ChooserFolders(prefs).start(ChooserFolders.Purpose.EXPORT, project), reports.toFile(),
                "still there after a restart");
        assertEquals(tmp.toFile(), folders.start(ChooserFolders.Purpose.IMPORT, tmp), "each kind has its own");

        Files.delete(reports);
        assertEquals(project.toFile(), folders.start(ChooserFolders.Purpose.EXPORT, project),
                "a folder deleted since is not offered");
        assertNull(folders.start(ChooserFolders.Purpose.PROJECT, tmp.resolve("gone")),
                "nowhere to start: the chooser's own default");
    }

    @Test
    void aReportIsOfferedUnderItsIncidentsTitle() {
        assertEquals("checkout-outage-503s-from-web2-postmortem.pdf",
                ChooserFolders.exportFileName("Checkout outage: 503s from web2!", "pdf"));
        assertEquals("intermittent-outage-apache-segfaults-and-mysql-postmortem.md", ChooserFolders.exportFileName(
                "Intermittent outage: Apache segfaults and MySQL connection errors", "md"));
        assertEquals("postmortem.html", ChooserFolders.exportFileName("  ", "html"));
    }
}
