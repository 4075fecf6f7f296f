package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.testing.SearchedEvidence;

/** Text pasted from a log into the search box finds the line it came from, as grep would. */
class PastedTextTest extends SearchedEvidence {

    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        Path file = tmp.resolve("agent.log");
        Files.writeString(file, """
                2024-03-12T10:00:01Z info agent1 started C:\\Windows\\System32\\cmd.exe /c backup.bat
                2024-03-12T10:00:02Z error agent1 failed to open C:\\Program Files\\App\\config.ini
                2024-03-12T10:00:03Z info agent1 wrote report_2024-03-12.csv
                2024-03-12T10:00:04Z info agent1 wrote D:\\data\\x.log
                2024-03-12T10:00:05Z warn agent1 payload {"text":"first\\nsecond"}
                2024-03-12T10:00:06Z info agent1 rotated worker_7 after 9 jobs
                """);
        return List.of(file);
    }

    @Test
    void aWindowsPathKeepsItsBackslashes() throws IOException {
        assertEquals(1, total("C:\\Windows\\System32\\cmd.exe"), "Lucene would read C: as a field and drop each \\");
        assertEquals(1, total("D:\\data\\x.log"));
        assertEquals(1, total("\"C:\\Program Files\\App\\config.ini\""), "in a phrase too");
        assertEquals(1, total("C:\\\\Windows\\\\System32\\\\cmd.exe"), "a backslash escaped as Lucene wants it");
        assertEquals(1, total("\"cmd.exe \\/c backup.bat\""), "an escape Lucene gives a meaning stays one");
        assertEquals(1, total("first\\nsecond"), "an escape as a JSON log prints it");
    }

    @Test
    void aDateRunIntoANameIsFound() throws IOException {
        assertEquals(1, total("2024-03-12"), "report_2024-03-12.csv");
        assertEquals(1, total("report_2024-03-12.csv"));
        assertEquals(1, total("worker_7"));
        assertEquals(1, total("\"worker_7 after\""), "a phrase through the name");
        assertEquals(1, total("7"), "the worker's number is a word of its own");
    }
}
