package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.model.EventSearch;
import org.pmw.testing.TestProjects;

/** Re-reading a log with other times while the window goes on editing the investigation. */
class RetimeTest {

    @TempDir
    Path tmp;

    @Test
    void anEditSavedWhileARefusedRetimeRunsKeepsTheManifestAsItWas() throws Exception {
        Path log = tmp.resolve("syslog_leap");
        Files.writeString(log, "Feb 28 23:59:00 web1 cron[1]: a\nFeb 29 00:00:01 web1 cron[2]: b\n"
                + "Feb 29 12:00:00 web1 cron[3]: c\nMar  1 00:10:00 web1 cron[4]: d\n");
        Project.create(tmp.resolve("p"), "Leap", ZoneId.of("UTC"), TestProjects.CLOCK);
        try (Project p = Project.open(tmp.resolve("p"), Progress.NONE)) {
            p.importFiles(List.of(log), new ImportOptions(null, null, 2004, null, 0), Progress.NONE);
            String manifest = Files.readString(tmp.resolve("p/incident.json"));
            // the window saves an edit while the rebuild runs
            Progress editing = new Progress() {
                @Override
                public void update(String message, double fraction) {
                    try {
                        p.save();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            assertThrows(IllegalArgumentException.class,
                    () -> p.retime("syslog_leap", ZoneId.of("America/New_York"), null, 2005, editing));
            assertEquals(manifest, Files.readString(tmp.resolve("p/incident.json")), "what an edit saved meanwhile");
            assertEquals(4, p.search(EventSearch.of("*").withLimit(0)).total(), "the index as it was");
            assertEquals("UTC", p.incident().getSources().get(0).zone());
        }
    }
}
