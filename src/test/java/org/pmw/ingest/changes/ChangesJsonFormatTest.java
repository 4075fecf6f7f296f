package org.pmw.ingest.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.InMemoryInput;
import org.pmw.model.Change;
import org.pmw.model.EventKind;

class ChangesJsonFormatTest {

    static final String CHANGES_JSON = """
            [
              {
                "id": "CHG-101", "source": "svn", "kind": "code",
                "title": "Thread-safety fixes in session handler",
                "started_at": "2005-10-10T16:30:00-04:00", "ended_at": "2005-10-10T17:05:00-04:00",
                "service": "app", "target": "web1", "revision": "r1041", "previous_revision": "r1040",
                "actor": "sam", "ticket_ref": "OPS-88", "tags": ["race", "php"],
                "description": "Add locks around session writes.\\nFound by the load test."
              },
              {"kind": "feature-flag", "title": "Disable persistent MySQL connections",
               "started_at": "2005-10-10 17:45:00", "tags": "mysql;php", "status": null},
              "not a change",
              {"title": "Push to production", "started_at": 1128981600}
            ]
            """;

    private final ChangesJsonFormat format = new ChangesJsonFormat();

    @Test
    void readsAnArrayOfChangeObjects() throws Exception {
        Collected c = Collected.parse(format, "changes.json", "chg", CHANGES_JSON);
        assertEquals(2, c.changes.size());
        Change fix = c.changes.get(0);
        assertEquals("CHG-101", fix.externalId());
        assertEquals("svn", fix.system());
        assertEquals(Instant.parse("2005-10-10T21:05:00Z"), fix.endedAt());
        assertEquals(List.of("race", "php"), fix.tags());
        assertEquals("Add locks around session writes.\nFound by the load test.", fix.description());
        assertEquals("chg:2", fix.origin());
        assertEquals("r1040", fix.previousRevision());

        Change flag = c.changes.get(1);
        assertEquals("feature_flag", flag.kind());
        assertEquals(Instant.parse("2005-10-10T21:45:00Z"), flag.startedAt());
        assertEquals(List.of("mysql", "php"), flag.tags());
        assertEquals("chg:10", flag.origin());

        assertEquals(EventKind.CHANGE, c.events.get(1).kind());
        assertEquals(10, c.events.get(1).line());
        assertTrue(c.events.get(1).raw().startsWith("{\"kind\": \"feature-flag\""));
        assertTrue(c.events.get(1).raw().endsWith("\"status\": null}"));

        assertEquals(List.of("line 12: expected a change object {\"title\": ..., \"started_at\": ...}, got a string",
                "line 13: started_at: expected ISO-8601 time like 2005-10-10T18:00:00-04:00, got '1128981600'"),
                c.context.skipReasons());
    }

    @Test
    void readsAWrapperObjectAndJsonLines() throws Exception {
        String wrapped = "{\"generated_at\": \"2005-10-11T09:00:00Z\",\n \"changes\": [\n"
                + "  {\"title\": \"Push to production\", \"started_at\": \"2005-10-10T22:00:00Z\", \"kind\": \"deploy\"}\n]}";
        Collected w = Collected.parse(format, "export.json", "exp", wrapped);
        assertEquals(1, w.changes.size());
        assertEquals("deploy", w.changes.get(0).kind());
        assertEquals("exp:3", w.changes.get(0).origin());

        String lines = "{\"title\": \"a\", \"started_at\": \"2005-10-10T21:00:00Z\"}\n"
                + "{\"title\": \"b\", \"started_at\": \"2005-10-10T22:00:00Z\"}\n";
        Collected l = Collected.parse(format, "changes.jsonl", "jl", lines);
        assertEquals(List.of("jl:1", "jl:2"), l.changes.stream().map(Change::origin).toList());
    }

    @Test
    void invalidJsonRefusesTheFileWithLineAndColumn() {
        FormatException e = assertThrows(FormatException.class, () -> Collected.parse(format, "bad.json", "b",
                "[\n  {\"title\": \"push\", \"started_at\": \"2005-10-10T22:00:00Z\"},\n  {\"title\": }\n]"));
        assertTrue(e.getMessage().startsWith("bad.json: line 3, column 13: not valid JSON"), e.getMessage());
        FormatException scalar = assertThrows(FormatException.class, () -> Collected.parse(format, "n.json", "n", "42"));
        assertTrue(scalar.getMessage().startsWith("n.json: line 1: expected an array of change objects"));
    }

    @Test
    void detectionNeedsTheChangeKeys() {
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        assertEquals("changes_json", detector.detect(InMemoryInput.of("changes.json", CHANGES_JSON).sample(200))
                .orElseThrow().name());
        assertEquals(0, format.score(InMemoryInput.of("app.json",
                "{\"ts\": \"2005-10-10T18:00:00Z\", \"level\": \"error\", \"msg\": \"Too many connections\"}\n")
                .sample(200)));
    }
}
