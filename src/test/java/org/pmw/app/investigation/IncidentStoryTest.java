package org.pmw.app.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.outcome.OutcomeStatistics;
import org.pmw.analysis.timeline.TimelineItem;
import org.pmw.analysis.timeline.TimelineKind;
import org.pmw.analysis.timeline.TimelineModel;
import org.pmw.analysis.timeline.EventTimes;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.changes.ChangesCsvFormat;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.Experiment;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.LoadTestRun;
import org.pmw.model.Outcome;
import org.pmw.model.SourceFile;
import org.pmw.model.TimeWindow;

/** The sample incident of 10 October 2005, recorded from first guess to the quiet evening. */
class IncidentStoryTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant local(String hhmm) {
        return java.time.LocalDateTime.parse("2005-10-10T" + hhmm).atZone(NEW_YORK).toInstant();
    }

    @Test
    void theWholeStoryFitsTogether() throws Exception {
        Incident incident = new Incident("Segfaults and 'Too many connections'", NEW_YORK.getId(), local("21:00"));
        incident.getSources().add(new SourceFile("changes", "changes.csv", "/home/sam/changes.csv", "evidence/ab12",
                512, "ab12", "changes_csv", "changes", NEW_YORK.getId(), null, null, 0, local("21:00"), 3, 0, null,
                null, List.of(), null, null));
        incident.getLoadTestRuns().add(new LoadTestRun("R1", "ab ramp 10 to 200 users", "ab", List.of("ab_ramp"),
                local("15:10"), local("15:40"), List.of(), List.of()));
        Investigation inv = new Investigation(incident, Clock.fixed(local("21:00"), ZoneOffset.UTC), "sam");

        String vm = inv.addHypothesis("One of the Xen VMs misbehaves", null).id();
        String db = inv.addHypothesis("MySQL connection leak or timeout", null).id();
        String race = inv.addHypothesis("Concurrent requests overwhelm resources: segfaults and timeouts", null).id();

        Experiment logs = inv.addExperiment(new Experiment(null, "Read each VM's logs", "grep per VM", vm,
                new TimeWindow(local("10:00"), local("11:30")), List.of(), List.of(), "one VM stands out",
                "all VMs behave normally", "refutes", null));
        inv.setStatus(vm, HypothesisStatus.REFUTED, "every VM's logs look normal (" + logs.id() + ")",
                local("11:30"));
        inv.setStatus(db, HypothesisStatus.REFUTED, "MySQL is far from its memory limit", local("12:15"));
        inv.setStatus(race, HypothesisStatus.TESTING, "load test planned", local("14:50"));
        Experiment load = inv.addExperiment(new Experiment(null, "Flood the site with a load generator",
                "ab, concurrency 10 to 200", race, new TimeWindow(local("15:10"), local("15:40")), List.of("R1"),
                List.of(), "errors beyond some concurrency", "chokes above 150 concurrent users", "supports", null));
        inv.setStatus(race, HypothesisStatus.SUPPORTED, "the load test finds a concurrency threshold",
                local("15:40"));

        // the three changes arrive as a change file, through the import's parser
        String csv = """
                kind,title,started_at,ended_at,service,actor,description
                code,Thread safety: locks around shared state,2005-10-10T15:45:00,2005-10-10T17:00:00,app,sam,Refactoring found by the load test
                infra,"Xen: more memory per VM, network settings, NUMA affinity",2005-10-10T17:05:00,2005-10-10T17:30:00,xen,sam,
                config,"Apache MPM: fewer threads per child, longer time-outs",2005-10-10T17:35:00,2005-10-10T18:00:00,httpd,sam,"Pushed live at 18:00"
                """;
        List<Change> parsed = new ArrayList<>();
        ParseContext ctx = new ParseContext("changes", "changes.csv", NEW_YORK, 2005, null);
        new ChangesCsvFormat().parse(InMemoryInput.of("changes.csv", csv), ctx, new ParseSink() {
            @Override
            public void event(Event event) {
            }

            @Override
            public void change(Change change) {
                parsed.add(change);
            }
        });
        List<String> changeIds = parsed.stream().map(inv::addImportedChange).map(Change::id).toList();
        assertEquals(List.of("C1", "C2", "C3"), changeIds);
        changeIds.forEach(c -> inv.link(c, "addresses", race));

        // the 18:00 push: 120 errors in the hour before, none in the two hours after
        Outcome outcome = inv.addOutcome(new Outcome(null, "errors per minute after the 18:00 push", changeIds,
                "level:error", null, new TimeWindow(local("17:00"), local("18:00")),
                new TimeWindow(local("18:00"), local("20:00")), null, null));
        OutcomeResult result = OutcomeStatistics.compareRates(120,
                outcome.before().duration().toSeconds() / 60.0, 0, outcome.after().duration().toSeconds() / 60.0);
        inv.setOutcomeVerdict(outcome.id(), result.verdict());
        inv.setMarker("outage_begins", local("09:40"), null);
        inv.setMarker("mitigated", local("18:00"), "push live");
        inv.setMarker("ends", local("20:00"), null);

        assertEquals("significant decrease", incident.getOutcomes().get(0).verdict());
        assertTrue(result.explanation().contains("No events in 120 minutes, expected 240 at the old rate"));
        assertEquals(List.of(HypothesisStatus.REFUTED, HypothesisStatus.REFUTED, HypothesisStatus.SUPPORTED),
                incident.getHypotheses().stream().map(h -> h.status()).toList());
        assertEquals(List.of("R1"), incident.getExperiments().get(1).loadTestRuns());
        assertEquals("changes:2", incident.getChanges().get(0).origin());

        List<TimelineItem> timeline = TimelineModel.build(incident, EventTimes.none());
        assertEquals(List.of("marker outage_begins", "experiment E1", "status_change H1", "status_change H2",
                        "status_change H3", "experiment E2", "status_change H3", "change C1", "outcome O1",
                        "change C2", "change C3", "marker mitigated", "marker ends"),
                timeline.stream().map(i -> i.kind().id() + " " + i.id()).toList());
        assertEquals(3, timeline.stream().filter(i -> i.kind() == TimelineKind.OUTCOME)
                .findFirst().orElseThrow().links().size());
        assertEquals(load.id(), timeline.get(5).id());
    }
}
