package org.pmw.app;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pmw.analysis.loadtest.LoadTestAnalysis;
import org.pmw.app.investigation.EvidenceSide;
import org.pmw.app.investigation.Investigation;
import org.pmw.model.ActionItem;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.EventSearch;
import org.pmw.model.Experiment;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.LoadTestRun;
import org.pmw.model.Outcome;
import org.pmw.model.ReportText;
import org.pmw.model.SavedSearch;
import org.pmw.model.TimeWindow;
import org.pmw.sample.SampleFacts;

/**
 * The investigation of the sample incident as its engineer wrote it down that day: three hypotheses and how
 * each was decided, the experiments (log checks, a MySQL snapshot, three load tests), the three changes pushed
 * at 18:00 and their measured outcome. Evidence references point at real events of the imported files.
 */
final class SampleInvestigation {

    static final String FAILURES = "\"segmentation fault\" OR \"Too many connections\" OR \"Lost connection\"";

    private SampleInvestigation() {
    }

    static void record(Project project, SampleFacts facts) throws IOException {
        Incident incident = project.incident();
        Investigation inv = project.investigation();
        Instant firstBurst = OffsetDateTime.parse(facts.bursts().get(0).startLocal()).toInstant();
        Instant push = OffsetDateTime.parse(facts.pushLocal()).toInstant();
        Instant logEnd = OffsetDateTime.parse(facts.logEndLocal()).toInstant();

        inv.setMarker("outage_begins", firstBurst, "Outage begins");
        inv.setMarker("detected", firstBurst.plusSeconds(25 * 60), "Errors noticed");
        inv.setMarker("mitigated", push, "Fixes pushed live");
        inv.setMarker("ends", at("2005-10-10T20:00:00-04:00"), "Outage over");

        // Saved searches: the evidence a reader can re-run.
        SavedSearch failuresInBursts = inv.addSavedSearch("Segfaults and MySQL connection errors",
                FAILURES, null);
        SavedSearch guestLogs = inv.addSavedSearch("Xen host and guest errors",
                "(source:dom0_xend.log OR source:dom0_messages) AND level:[warn TO fatal]", null);
        SavedSearch segfaultsPerHost = inv.addSavedSearch("Segfaults, to compare the VMs",
                "\"segmentation fault\"", null);
        SavedSearch afterPush = inv.addSavedSearch("Failures after the 18:00 push", FAILURES,
                new TimeWindow(push, logEnd));

        // H1: one Xen VM misbehaves.
        var h1 = inv.addHypothesis("One Xen VM misbehaves (a bad guest, or dom0 starving it)",
                "The crashes might come from one virtual machine.");
        inv.setStatus(h1.id(), HypothesisStatus.TESTING, "checking each VM's logs", at("2005-10-10T10:05:00-04:00"));
        inv.addEvidence(h1.id(), EvidenceSide.AGAINST, segfaultsPerHost.id(),
                "segfaults are spread evenly over web1, web2 and web3");
        inv.addEvidence(h1.id(), EvidenceSide.AGAINST, guestLogs.id(), "xend.log and dom0 messages show nothing unusual");
        inv.setStatus(h1.id(), HypothesisStatus.REFUTED,
                "all three guests crash alike and the Xen host logs are clean", at("2005-10-10T11:10:00-04:00"));

        // H2: database timeout or connection leak.
        var h2 = inv.addHypothesis("Database timeout or connection leak in MySQL",
                "Too many connections and lost connections could mean a leak or a server short of memory.");
        inv.setStatus(h2.id(), HypothesisStatus.TESTING, "looking at MySQL's memory and status",
                at("2005-10-10T11:20:00-04:00"));
        String snapshot = firstRef(project, "source:db1_mysql-status-20051010-1215.txt AND free");
        if (snapshot != null) {
            inv.addEvidence(h2.id(), EvidenceSide.AGAINST, snapshot, "422 MB free with buffers; mysqld uses 236 MB");
        }
        String variables = firstRef(project, "source:db1_mysql-status-20051010-1215.txt AND max_connections");
        if (variables != null) {
            inv.addEvidence(h2.id(), EvidenceSide.AGAINST, variables, "max_connections is 100, reached only in bursts");
        }
        inv.setStatus(h2.id(), HypothesisStatus.REFUTED,
                "MySQL is nowhere near its memory limit; connections pile up only while the web tier is overloaded",
                at("2005-10-10T12:25:00-04:00"));

        // H3: concurrency overwhelms resources.
        var h3 = inv.addHypothesis("Concurrent requests overwhelm the system's resources (a race condition),"
                + " causing sporadic segfaults and timeouts", "Bursts line up with traffic peaks, not with the clock.");
        inv.setStatus(h3.id(), HypothesisStatus.TESTING, "load test at increasing concurrency",
                at("2005-10-10T12:40:00-04:00"));
        inv.addEvidence(h3.id(), EvidenceSide.FOR, failuresInBursts.id(), "failures come in bursts at traffic peaks");
        for (String query : List.of("\"segmentation fault\"", "MaxClients", "\"Too many connections\"")) {
            String ref = firstRef(project, query);
            if (ref != null) {
                inv.addEvidence(h3.id(), EvidenceSide.FOR, ref, "first of the burst");
                inv.bookmark(ref, true, List.of("burst"), "first " + query.replace("\"", "") + " of the outage");
            }
        }

        // Experiments: one per hypothesis, and three load tests for H3.
        List<LoadTestRun> runs = incident.getLoadTestRuns();
        LoadTestRun jmeter = runs.stream().filter(r -> r.format().equals("jmeter_csv")).findFirst().orElse(null);
        List<LoadTestRun> abRuns = runs.stream().filter(r -> r.format().equals("ab")).toList();
        var e1 = inv.addExperiment(new Experiment(null, "Compare the VMs' logs", "read xend.log, dom0 messages and"
                + " each guest's error_log over the bursts", h1.id(),
                new TimeWindow(at("2005-10-10T10:05:00-04:00"), at("2005-10-10T11:05:00-04:00")), List.of(),
                List.of(guestLogs.id(), segfaultsPerHost.id()), "one guest shows errors the others do not",
                "all three guests crash alike; the Xen host reports nothing unusual", "refutes", null));
        inv.link(e1.id(), "refutes", h1.id());
        var e2 = inv.addExperiment(new Experiment(null, "MySQL memory and status snapshot",
                "free -m, ps and mysqladmin extended-status on db1 at 12:15", h2.id(),
                new TimeWindow(at("2005-10-10T12:10:00-04:00"), at("2005-10-10T12:20:00-04:00")), List.of(),
                List.of(), "mysqld near its memory limit, or connections leaking between bursts",
                "plenty of headroom: 422 MB free with buffers, mysqld at 236 MB of 748 MB", "refutes", null));
        inv.link(e2.id(), "refutes", h2.id());
        List<String> firstRuns = new ArrayList<>();
        if (!abRuns.isEmpty()) {
            firstRuns.add(abRuns.get(0).id());
        }
        if (jmeter != null) {
            firstRuns.add(jmeter.id());
        }
        var e3 = inv.addExperiment(loadTest(project, "Load test before any change", h3.id(), firstRuns,
                "throughput flattens and errors start once concurrency passes a threshold"));
        inv.link(e3.id(), "supports", h3.id());
        if (abRuns.size() >= 3) {
            var e4 = inv.addExperiment(loadTest(project, "Stress test after changes 1 and 2", h3.id(),
                    List.of(abRuns.get(1).id()), "the threshold moves up"));
            var e5 = inv.addExperiment(loadTest(project, "Stress test after change 3", h3.id(),
                    List.of(abRuns.get(2).id()), "the threshold moves well beyond the traffic peak (about "
                            + Math.round(facts.thresholds().peakConcurrencyBeforePush()) + " busy workers)"));
            inv.link(e4.id(), "supports", h3.id());
            inv.link(e5.id(), "supports", h3.id());
        }
        inv.setStatus(h3.id(), HypothesisStatus.SUPPORTED, "the load test chokes past about "
                + facts.thresholds().before() + " concurrent users, as production does at its peaks",
                at("2005-10-10T14:10:00-04:00"));

        // The three changes pushed at 18:00 address H3.
        List<String> pushed = new ArrayList<>();
        for (Change c : incident.getChanges()) {
            boolean atPush = c.startedAt() != null && Math.abs(c.startedAt().getEpochSecond() - push.getEpochSecond()) <= 600
                    && c.origin() != null && c.origin().contains("changes.csv");
            if (atPush) {
                pushed.add(c.id());
                inv.link(c.id(), "addresses", h3.id());
            }
        }

        // Outcomes of the push: failures per minute, and the share of requests that failed.
        TimeWindow before = new TimeWindow(at("2005-10-10T08:00:00-04:00"), push);
        TimeWindow after = new TimeWindow(push, logEnd);
        var o1 = inv.addOutcome(new Outcome(null, "Segfaults and MySQL connection errors after the push", pushed,
                FAILURES, null, before, after, null, "monitored from 18:00 until the logs end"));
        inv.setOutcomeVerdict(o1.id(), OutcomeText.verdict(project, o1));
        var o2 = inv.addOutcome(new Outcome(null, "Share of requests answered 5xx", pushed, "status:[500 TO 599]",
                "kind:request", before, after, null, null));
        inv.setOutcomeVerdict(o2.id(), OutcomeText.verdict(project, o2));
        for (String c : pushed) {
            inv.link(o1.id(), "evaluates", c);
        }
        inv.addEvidence(h3.id(), EvidenceSide.FOR, afterPush.id(), "no failures after the changes for H3 went live");

        inv.addActionItem(new ActionItem(null, "Alert on Apache child segfaults and on the 5xx rate per minute",
                "prevent", "platform", null, "open"));
        inv.addActionItem(new ActionItem(null, "Load test every release at twice the peak concurrency", "process",
                "platform", null, "open"));
        inv.addActionItem(new ActionItem(null, "Keep PHP's non-thread-safe extensions off the worker MPM, or move"
                + " to prefork", "prevent", "web team", null, "open"));
        inv.addActionItem(new ActionItem(null, "Raise MySQL max_connections with headroom over MaxClients across"
                + " the web VMs", "mitigate", "dba", null, "open"));

        incident.setReport(prose(facts, project));
    }

    private static Experiment loadTest(Project project, String title, String hypothesis, List<String> runIds,
                                       String expected) {
        List<LoadTestRun> runs = project.incident().getLoadTestRuns().stream()
                .filter(r -> runIds.contains(r.id())).toList();
        Instant start = runs.stream().map(LoadTestRun::startedAt).filter(t -> t != null).min(Instant::compareTo)
                .orElse(null);
        Instant end = runs.stream().map(LoadTestRun::endedAt).filter(t -> t != null).max(Instant::compareTo)
                .orElse(start);
        StringBuilder observed = new StringBuilder();
        for (LoadTestRun run : runs) {
            String summary = LoadTestAnalysis.analyse(run).saturation().summary();
            if (summary != null) {
                observed.append(run.id()).append(": ").append(summary).append(' ');
            }
        }
        return new Experiment(null, title, "ApacheBench at increasing -c against a staging copy"
                + (runs.stream().anyMatch(r -> r.format().equals("jmeter_csv")) ? ", and a JMeter ramp" : ""),
                hypothesis, start == null ? null : new TimeWindow(start, end), runIds, List.of(), expected,
                observed.toString().trim(), "supports", null);
    }

    /** {@code source:line} of the earliest event matching the query, or null. */
    private static String firstRef(Project project, String query) throws IOException {
        List<Event> events = project.search(EventSearch.of(query).withLimit(1)).events();
        return events.isEmpty() ? null : events.get(0).source() + ":" + events.get(0).line();
    }

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static ReportText prose(SampleFacts facts, Project project) {
        return new ReportText(
                "From Sunday evening 9 October until 18:00 on Monday 10 October 2005 the shop was down intermittently:"
                        + " Apache children on the web VMs crashed with segmentation faults and PHP could not connect to"
                        + " MySQL whenever traffic peaked. Changes to the application, the Xen guests and Apache's MPM"
                        + " went live at 18:00; the evening stayed clean.",
                facts.responses5xx() + " requests failed with 500 or 503 in " + facts.bursts().size()
                        + " bursts over two days, and pages were slow during each burst.",
                "Concurrent requests beyond about " + facts.thresholds().before() + " busy workers overwhelmed the web"
                        + " tier: shared application state raced under Apache's worker MPM and crashed children, and the"
                        + " surviving children exhausted MySQL's connections.",
                "Traffic peaks (late morning, early afternoon, a newsletter at 16:50) pushed concurrency past the"
                        + " threshold.",
                "Thread-safety fixes in the application code, more memory and NUMA affinity for the Xen guests, and"
                        + " fewer threads per Apache child with longer timeouts, pushed live at 18:00.",
                "Users and the on-call engineer noticed the errors; nothing alerted on segfaults or 5xx rates.",
                "A load test reproduced the threshold within an hour and showed each change's effect before it went"
                        + " live.",
                "Hours went to checking each VM and MySQL's memory before the concurrency hypothesis was tested.",
                "The evening's traffic after the push was ordinary; a newsletter that evening would have tested the"
                        + " fix harder.");
    }
}
