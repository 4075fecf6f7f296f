package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.analysis.outcome.WindowStats;
import org.pmw.model.Outcome;
import org.pmw.model.TimeWindow;
import org.pmw.testing.TestProjects;

class OutcomeMeasureTest {

    @TempDir
    Path tmp;

    @Test
    void aShareCountsOnlyTheEventsItIsAShareOf() throws Exception {
        // web1 serves users; web9 is the load generator's target, failing far more often
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            boolean generator = i % 2 == 1;
            boolean failed = generator ? i % 4 == 1 : i % 20 == 0;
            sb.append(String.format("2005-10-10T14:%02d:%02dZ info %s request status=%d%n", i / 60 % 60, i % 60,
                    generator ? "web9" : "web1", failed ? 503 : 200));
        }
        Path log = tmp.resolve("app.log");
        Files.writeString(log, sb.toString());
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            p.investigation().addOutcome(new Outcome(null, "5xx share of web1's requests", List.of(),
                    "status:[500 TO 599]", "host:web1",
                    new TimeWindow(Instant.parse("2005-10-10T14:00:00Z"), Instant.parse("2005-10-10T14:10:00Z")),
                    new TimeWindow(Instant.parse("2005-10-10T14:10:00Z"), Instant.parse("2005-10-10T14:20:00Z")),
                    null, null));
            Map<String, Object> measured = InvestigationQueries.measure(p, "O1");
            WindowStats before = (WindowStats) measured.get("before");
            assertEquals(300, before.denominator());
            assertEquals(30, before.count(), "web1's 503s only: every 10th of its 300 requests, not web9's 150 too");
            assertEquals("(status:[500 TO 599]) AND (host:web1)", measured.get("counted_query"));
            assertEquals(30, p.count("(status:[500 TO 599]) AND (host:web1)",
                    Instant.parse("2005-10-10T14:00:00Z"), Instant.parse("2005-10-10T14:10:00Z")),
                    "the query a reader re-runs gives the same count");
        }
    }

    @Test
    void aShareOfEverythingCountsTheQueryAlone() {
        Outcome ofAll = new Outcome("O1", "5xx share", List.of(), "status:[500 TO 599]", "*", null, null, null, null);
        assertEquals("status:[500 TO 599]", ofAll.countedQuery());
        Outcome allOf = new Outcome("O2", "requests", List.of(), "*:*", "kind:request", null, null, null, null);
        assertEquals("kind:request", allOf.countedQuery());
        Outcome rate = new Outcome("O3", "errors", List.of(), "level:error", null, null, null, null, null);
        assertEquals("level:error", rate.countedQuery());
    }

    @Test
    void theVerdictKeptIsMeasuredAgainWhenEvidenceArrives() throws Exception {
        // 40 errors before the change; its after window has none until a second host's log arrives with 100
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            before.append(String.format("2005-10-10T14:%02d:%02dZ error web1 segfault%n", i, 0));
        }
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            after.append(String.format("2005-10-10T15:%02d:%02dZ error web2 segfault%n", i / 2, i % 2 * 30));
        }
        Path first = tmp.resolve("web1.log");
        Files.writeString(first, before.toString());
        Path second = tmp.resolve("web2.log");
        Files.writeString(second, after.toString());
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(first), ImportOptions.defaults(), Progress.NONE);
            EditSession edits = new EditSession(p);
            edits.apply("add", inv -> {
                Outcome o = inv.addOutcome(new Outcome(null, "Segfaults", List.of(), "segfault", null,
                        new TimeWindow(Instant.parse("2005-10-10T14:00:00Z"), Instant.parse("2005-10-10T15:00:00Z")),
                        new TimeWindow(Instant.parse("2005-10-10T15:00:00Z"), Instant.parse("2005-10-10T16:00:00Z")),
                        null, null));
                inv.setOutcomeVerdict(o.id(), OutcomeText.verdict(p, o));
            });
            assertEquals("significant decrease", p.incident().getOutcomes().get(0).verdict());
            edits.apply("hypothesis", inv -> inv.addHypothesis("Too few workers", null));

            p.importFiles(List.of(second), ImportOptions.defaults(), Progress.NONE);
            assertEquals("significant increase", p.incident().getOutcomes().get(0).verdict(),
                    "the list, the timeline and the report read the verdict kept");
            assertEquals(true, Files.readString(p.root().resolve("incident.json")).contains("significant increase"));
            // undoing an edit made before the import puts back a record that knew only the first log
            assertEquals("hypothesis", edits.undo());
            assertEquals("significant increase", p.incident().getOutcomes().get(0).verdict(),
                    "measured again after the undo");
        }
    }
}
