package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.EventKind;

class ConsoleCaptureFormatTest {

    private static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");

    private static final String SESSION = """
            [root@db1 ~]# date
            Mon Oct 10 12:15:02 EDT 2005
            [root@db1 ~]# free -m
                         total       used       free     shared    buffers     cached
            Mem:           748        705         43          0         62        317
            -/+ buffers/cache:        326        422
            [root@db1 ~]# mysqladmin -u root -p variables | egrep 'max_connections'
            Enter password:
            | max_connections                 | 100       |
            """;

    @Test
    void eachCommandWithItsOutputIsOneNoteAtTheSessionsTime() {
        ParseRun run = ParseRun.of(new ConsoleCaptureFormat(), "status.txt", SESSION, NEW_YORK, 2005, null);
        assertEquals(3, run.events.size());
        var free = run.events.get(1);
        assertEquals(EventKind.NOTE, free.kind());
        assertEquals("db1", free.host());
        assertEquals(3, free.line());
        assertEquals("free -m", free.fields().get("command"));
        assertTrue(free.message().contains("-/+ buffers/cache:        326        422"), free.message());
        // 12:15:02 EDT read in the source's zone
        assertEquals(Instant.parse("2005-10-10T16:15:02Z").toEpochMilli(), free.ts());
    }

    @Test
    void withoutADateCommandTheTimeComesFromTheFileName() {
        String noDate = SESSION.substring(SESSION.indexOf("[root@db1 ~]# free"));
        ParseRun run = ParseRun.of(new ConsoleCaptureFormat(), "mysql-status-20051010-1215.txt", noDate, NEW_YORK,
                2005, null);
        assertEquals(Instant.parse("2005-10-10T16:15:00Z").toEpochMilli(), run.events.get(0).ts());
        assertTrue(run.context.notes().contains("time taken from the file name"));
        assertThrows(FormatException.class, () -> ParseRun.of(new ConsoleCaptureFormat(), "status.txt", noDate));
    }
}
