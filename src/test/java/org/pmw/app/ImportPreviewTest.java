package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPreviewTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheDetectedFormatAndTheFirstEventsWithoutTouchingAProject() throws Exception {
        Path log = tmp.resolve("error_log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(String.format("[Mon Oct 10 14:%02d:00 2005] [notice] child pid %d exit signal Segmentation fault (11)%n",
                    i, 4000 + i));
        }
        Files.writeString(log, sb.toString());
        ImportPreview p = ImportPreview.of(log, ImportOptions.defaults(), ZoneId.of("America/New_York"), 5);
        assertEquals("apache_error", p.format());
        assertEquals(5, p.firstEvents().size());
        assertEquals("child pid 4000 exit signal Segmentation fault (11)", p.firstEvents().get(0).message());
        assertTrue(p.ranking().get(0).startsWith("apache_error "), p.ranking().toString());
        assertNull(p.problem());
        // an override is honoured: read as generic, these lines (no leading date) are refused with the reason
        ImportPreview generic = ImportPreview.of(log, new ImportOptions("generic", ZoneId.of("UTC"), null, null, 0),
                ZoneId.of("America/New_York"), 1);
        assertNull(generic.format());
        assertTrue(generic.problem().contains("error_log") && generic.problem().contains("line 1"), generic.problem());
    }

    @Test
    void saysWhyAFileCannotBeRead() throws Exception {
        Path prose = tmp.resolve("notes.txt");
        Files.writeString(prose, "We restarted Apache twice.\nThen it went down again.\n");
        ImportPreview p = ImportPreview.of(prose, ImportOptions.defaults(), ZoneId.of("UTC"), 5);
        assertNull(p.format());
        assertEquals("no format recognises this file", p.problem());
    }
}
