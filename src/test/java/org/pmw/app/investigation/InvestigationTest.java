package org.pmw.app.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pmw.model.ActionItem;
import org.pmw.model.Bookmark;
import org.pmw.model.Change;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.LoadTestRun;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.SavedSearch;
import org.pmw.model.SourceFile;
import org.pmw.model.TimeWindow;

class InvestigationTest {

    private static final Instant NOW = Instant.parse("2005-10-10T22:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Incident incident;
    private Investigation inv;

    @BeforeEach
    void setUp() {
        incident = new Incident("Intermittent segfaults and MySQL connection errors", "America/New_York", NOW);
        incident.getSources().add(source("apache_error"));
        incident.getSources().add(source("mysqld"));
        incident.getLoadTestRuns().add(new LoadTestRun("R1", "ab ramp 10-200", "ab", List.of("ab_ramp"),
                t("19:10"), t("19:40"), List.of(), List.of()));
        inv = new Investigation(incident, Clock.fixed(NOW, ZoneOffset.UTC), "sam");
    }

    private static SourceFile source(String id) {
        return new SourceFile(id, id + ".log", "/tmp/" + id + ".log", "evidence/" + id, 100, "00", "syslog", "log",
                "America/New_York", 2005, "web1", 0, NOW, 10, 0, null, null, List.of(), null, null);
    }

    /** A time on 10 Oct 2005 in UTC (the incident's local time is 4 hours behind). */
    private static Instant t(String hhmm) {
        return Instant.parse("2005-10-10T" + hhmm + ":00Z");
    }

    private String snapshot() throws Exception {
        return JSON.writeValueAsString(incident);
    }

    /** The edit is refused with a message containing {@code expected} and the incident stays as it was. */
    private void assertRefused(String expected, Executable edit) throws Exception {
        String before = snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, edit);
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
        assertEquals(before, snapshot(), "a refused edit changed the incident");
    }

    private Change change(String title, String kind, Instant start) {
        return new Change(null, kind, title, null, "httpd", "web1", "production", start, null, "done", "sam",
                null, null, null, null, List.of(), null, null);
    }

    @Test
    void hypothesesGetStableIdsAndRecordEveryStatusMove() throws Exception {
        Hypothesis h1 = inv.addHypothesis("One Xen VM misbehaves", null);
        Hypothesis h2 = inv.addHypothesis("MySQL connection leak or timeout", "memory has headroom");
        assertEquals("H1", h1.id());
        assertEquals("H2", h2.id());
        assertEquals(HypothesisStatus.OPEN, h1.status());
        assertEquals("sam", h1.author());
        assertEquals(NOW, h1.createdAt());

        Hypothesis refuted = inv.setStatus("H1", HypothesisStatus.REFUTED, "every VM's logs look normal");
        assertEquals(HypothesisStatus.REFUTED, refuted.status());
        assertEquals(1, refuted.history().size());
        assertEquals(HypothesisStatus.OPEN, refuted.history().get(0).from());
        assertEquals("every VM's logs look normal", refuted.history().get(0).reason());
        assertEquals("sam", refuted.history().get(0).by());
        assertEquals(refuted, incident.getHypotheses().get(0));

        // written down afterwards: the move is dated when it happened, and history stays in order
        Hypothesis dated = inv.setStatus("H2", HypothesisStatus.TESTING, "checking max_connections", t("16:10"));
        assertEquals(t("16:10"), dated.history().get(0).at());
        assertEquals(NOW, dated.updatedAt());
        assertRefused("H2 moved to testing at 2005-10-10T16:10:00Z; a later move cannot be dated earlier",
                () -> inv.setStatus("H2", HypothesisStatus.REFUTED, "memory headroom", t("16:00")));

        Hypothesis updated = inv.updateHypothesis("H2", "MySQL runs out of connections", null);
        assertEquals("MySQL runs out of connections", updated.statement());
        assertEquals("memory has headroom", updated.notes());

        // ids are never reused after a delete
        inv.delete("H2");
        assertEquals("H3", inv.addHypothesis("Concurrent requests overwhelm the system", null).id());
    }

    @Test
    void aMoveLoggedAtTheWrongTimeIsReDatedWhereItKeepsTheMovesInOrder() throws Exception {
        inv.addHypothesis("Concurrent requests overwhelm the web tier", null);
        inv.setStatus("H1", HypothesisStatus.TESTING, "load test planned", t("19:00"));
        // logged when it was written down (NOW, 22:30) instead of when the load test showed it
        inv.setStatus("H1", HypothesisStatus.SUPPORTED, "errors start at 80 users");
        assertRefused("H1 moved to supported at 2005-10-10T22:30:00Z; a later move cannot be dated earlier"
                + " (2005-10-10T19:30:00Z). If that move's time is wrong, re-date it (move 2) first",
                () -> inv.setStatus("H1", HypothesisStatus.REFUTED, "x", t("19:30")));
        assertRefused("H1 is already supported; to correct when it moved there, re-date that move (move 2)",
                () -> inv.setStatus("H1", HypothesisStatus.SUPPORTED, "errors start at 80 users", t("19:45")));

        assertEquals(2, inv.moveTo("H1", HypothesisStatus.SUPPORTED));
        Hypothesis redated = inv.redateStatusChange("H1", 2, t("19:45"));
        assertEquals(t("19:45"), redated.history().get(1).at());
        assertEquals(HypothesisStatus.TESTING, redated.history().get(1).from());
        assertEquals(HypothesisStatus.SUPPORTED, redated.history().get(1).to());
        assertEquals("errors start at 80 users", redated.history().get(1).reason(), "the reason is kept");
        assertEquals(HypothesisStatus.SUPPORTED, redated.status());
        // the first move may go earlier, and later up to the second; both ends of the span are allowed
        assertEquals(t("18:00"), inv.redateStatusChange("H1", 1, t("18:00")).history().get(0).at());
        inv.redateStatusChange("H1", 1, t("19:45"));

        assertRefused("H1's move 2 (testing → supported) cannot be dated 2005-10-10T19:00:00Z: it would come before"
                + " move 1 (open → testing, at 2005-10-10T19:45:00Z), and the moves keep their order; re-date move 1"
                + " first", () -> inv.redateStatusChange("H1", 2, t("19:00")));
        assertRefused("H1's move 1 (open → testing) cannot be dated 2005-10-10T20:00:00Z: it would come after move 2",
                () -> inv.redateStatusChange("H1", 1, t("20:00")));
        assertRefused("H1 has no move 3 (its moves are 1 to 2)", () -> inv.redateStatusChange("H1", 3, t("19:00")));
        assertRefused("H1 never moved to refuted (its moves: [open → testing, testing → supported])",
                () -> inv.moveTo("H1", HypothesisStatus.REFUTED));
        inv.addHypothesis("One Xen VM misbehaves", null);
        assertRefused("H2 has not moved from open yet: no move to re-date",
                () -> inv.redateStatusChange("H2", 1, t("19:00")));
    }

    @Test
    void badHypothesisEditsAreRefusedAndChangeNothing() throws Exception {
        inv.addHypothesis("One Xen VM misbehaves", null);
        inv.addHypothesis("MySQL connection leak", null);
        inv.addHypothesis("Race under concurrency", null);
        assertRefused("no hypothesis H7 (known: H1, H2, H3)",
                () -> inv.setStatus("H7", HypothesisStatus.SUPPORTED, "load test"));
        assertRefused("H1 is already open", () -> inv.setStatus("H1", HypothesisStatus.OPEN, "again"));
        assertRefused("missing a reason", () -> inv.setStatus("H1", HypothesisStatus.TESTING, " "));
        assertRefused("missing a hypothesis statement", () -> inv.addHypothesis("  ", null));
        assertEquals("H4", inv.addHypothesis("next", null).id(), "a refused add must not use up an id");
    }

    @Test
    void evidenceIsAnImportedEventOrAnExistingSavedSearch() throws Exception {
        Hypothesis h = inv.addHypothesis("MySQL runs out of connections", null);
        SavedSearch s = inv.addSavedSearch("too many connections", "message:\"Too many connections\"",
                new TimeWindow(t("13:00"), t("22:00")));
        inv.addEvidence(h.id(), EvidenceSide.FOR, "mysqld:4411", "first 'Too many connections'");
        Hypothesis withBoth = inv.addEvidence(h.id(), EvidenceSide.AGAINST, s.id(), null);
        assertEquals(List.of(EvidenceRef.ofEvent("mysqld:4411", "first 'Too many connections'")), withBoth.evidenceFor());
        assertEquals(List.of(EvidenceRef.ofSearch("S1", null)), withBoth.evidenceAgainst());

        assertRefused("expected a line number", () -> inv.addEvidence("H1", EvidenceSide.FOR, "mysqld:abc", null));
        assertRefused("no source nginx (known: apache_error, mysqld)",
                () -> inv.addEvidence("H1", EvidenceSide.FOR, "nginx:12", null));
        assertRefused("no saved search S9 (known: S1)", () -> inv.addEvidence("H1", EvidenceSide.FOR, "S9", null));
        assertRefused("already evidence for H1", () -> inv.addEvidence("H1", EvidenceSide.FOR, "mysqld:4411", null));
        assertRefused("already evidence against H1", () -> inv.addEvidence("H1", EvidenceSide.FOR, "S1", null));

        Hypothesis less = inv.removeEvidence("H1", EvidenceSide.FOR, "mysqld:4411");
        assertTrue(less.evidenceFor().isEmpty());
        assertRefused("is not evidence for H1", () -> inv.removeEvidence("H1", EvidenceSide.FOR, "mysqld:4411"));
    }

    @Test
    void experimentsNeedTheirHypothesisRunsAndSearchesToExist() throws Exception {
        inv.addHypothesis("Race under concurrency", null);
        inv.addSavedSearch(null, "level:error", null);
        Experiment draft = new Experiment(null, "ab ramp against staging", "ab -c 10..200", "H1",
                new TimeWindow(t("19:10"), t("19:40")), List.of("R1"), List.of("S1"),
                "errors start above some concurrency", null, null, null);
        Experiment e = inv.addExperiment(draft);
        assertEquals("E1", e.id());
        assertEquals("pending", e.verdict());
        assertEquals("sam", e.author());

        Experiment seen = new Experiment("E1", e.title(), e.method(), "H1", e.window(), List.of("R1"), List.of("S1"),
                e.expected(), "segfaults and 'Too many connections' from 150 concurrent users", "supports", "sam");
        assertEquals("supports", inv.updateExperiment(seen).verdict());

        assertRefused("no hypothesis H5 (known: H1)", () -> inv.addExperiment(new Experiment(null, "x", null, "H5",
                null, List.of(), List.of(), null, null, null, null)));
        assertRefused("no load-test run R9 (known: R1)", () -> inv.addExperiment(new Experiment(null, "x", null, "H1",
                null, List.of("R9"), List.of(), null, null, null, null)));
        assertRefused("no saved search S4 (known: S1)", () -> inv.addExperiment(new Experiment(null, "x", null, null,
                null, List.of(), List.of("S4"), null, null, null, null)));
        assertRefused("unknown experiment verdict 'proved'", () -> inv.addExperiment(new Experiment(null, "x", null,
                null, null, List.of(), List.of(), null, null, "proved", null)));
        assertRefused("no experiment E8 (known: E1)", () -> inv.updateExperiment(new Experiment("E8", "x", null, null,
                null, List.of(), List.of(), null, null, null, null)));
    }

    @Test
    void changesAreValidatedAndKeepWhereTheyCameFrom() throws Exception {
        inv.addHypothesis("Race under concurrency", null);
        Change manual = inv.addChange(new Change("ignored", "Config", "MPM: fewer threads per child", null, "httpd",
                "web1", "production", t("21:55"), t("22:00"), "done", "sam", null, null, null, null,
                List.of("apache"), "H1", "ignored"));
        assertEquals("C1", manual.id());
        assertEquals("config", manual.kind());
        assertEquals("manual", manual.origin());
        assertEquals("H1", manual.hypothesis());

        Change parsed = new Change(null, "deploy", "push to production", null, null, null, null, t("22:00"), null,
                null, null, "r1042", null, null, null, List.of(), null, "changes_csv:3", "CHG-17", "jenkins");
        Change imported = inv.addImportedChange(parsed);
        assertEquals("C2", imported.id());
        assertEquals("changes_csv:3", imported.origin());
        assertEquals("CHG-17", imported.externalId());

        assertRefused("unknown change kind 'hotfix' (expected code, config, deploy, rollback, infra, feature_flag,"
                + " scaling, other)", () -> inv.addChange(change("x", "hotfix", t("20:00"))));
        assertRefused("needs a start time", () -> inv.addChange(change("x", "code", null)));
        assertRefused("ends (2005-10-10T19:00:00Z) before it starts", () -> inv.addChange(new Change(null, "code", "x",
                null, null, null, null, t("20:00"), t("19:00"), null, null, null, null, null, null, null, null, null)));
        assertRefused("missing a change title", () -> inv.addChange(change(" ", "code", t("20:00"))));
        assertRefused("no hypothesis H2 (known: H1)", () -> inv.addChange(new Change(null, "code", "x", null, null,
                null, null, t("20:00"), null, null, null, null, null, null, null, null, "H2", null)));

        Change edited = inv.updateChange(new Change("C1", "config", "MPM: 25 threads per child", null, "httpd", "web1",
                "production", t("21:55"), null, "done", "sam", null, null, null, null, List.of(), "H1", "something"));
        assertEquals("manual", edited.origin(), "the origin of a change cannot be edited");
    }

    @Test
    void aChangeMovedToAnotherHypothesisAddressesOnlyThatOne() {
        inv.addHypothesis("Race under concurrency", null);
        inv.addHypothesis("MySQL runs out of connections", null);
        Change c = inv.addChange(change("MPM: fewer threads per child", "config", t("21:55")));
        inv.updateChange(Copies.change(c, c.id(), c.kind(), "H1", c.origin()));
        assertEquals(List.of(new Link("C1", "addresses", "H1")), inv.linksOf("C1"));
        inv.updateChange(Copies.change(c, c.id(), c.kind(), "H2", c.origin()));
        assertEquals(List.of(new Link("C1", "addresses", "H2")), inv.linksOf("C1"), "the link follows the change");
        inv.link("C1", "relates_to", "H1");
        inv.updateChange(Copies.change(c, c.id(), c.kind(), null, c.origin()));
        assertEquals(List.of(new Link("C1", "relates_to", "H1")), inv.linksOf("C1"),
                "a change that addresses none has no addresses link; links of other types stay");
    }

    @Test
    void unlinkingTheLinkAChangesHypothesisDrewTakesTheChangeOffThatHypothesis() {
        inv.addHypothesis("Race under concurrency", null);
        Change c = inv.addChange(change("MPM: fewer threads per child", "config", t("21:55")));
        inv.updateChange(Copies.change(c, c.id(), c.kind(), "H1", c.origin()));
        inv.unlink("C1", "addresses", "H1");
        Change after = incident.getChanges().get(0);
        assertNull(after.hypothesis(), "the change no longer addresses H1, as the link it had said");
        assertTrue(org.pmw.analysis.timeline.TimelineModel.relations(incident).isEmpty(),
                "nor does the timeline draw it");
        // and an edit of something else in the change does not bring the link back
        inv.updateChange(new Change("C1", "config", "MPM: 25 threads per child", null, "httpd", "web1",
                "production", t("21:55"), null, "done", "sam", null, null, null, null, List.of(), null, null));
        assertEquals(List.of(), inv.linksOf("C1"));
    }

    @Test
    void outcomesEvaluateExistingChangesOverOrderedWindows() throws Exception {
        inv.addChange(change("push at six", "deploy", t("22:00")));
        TimeWindow before = new TimeWindow(t("21:00"), t("22:00"));
        TimeWindow after = new TimeWindow(t("22:00"), t("23:59"));
        Outcome o = inv.addOutcome(new Outcome(null, null, List.of("C1"), "level:error", null, before, after, null, null));
        assertEquals("O1", o.id());
        assertEquals("level:error", o.title());
        assertEquals("significant decrease", inv.setOutcomeVerdict("O1", "significant decrease").verdict());

        assertRefused("no change C4 (known: C1)", () -> inv.addOutcome(new Outcome(null, "x", List.of("C4"),
                "level:error", null, before, after, null, null)));
        assertRefused("must end no later than the after window starts", () -> inv.addOutcome(new Outcome(null, "x",
                List.of("C1"), "level:error", null, after, before, null, null)));
        assertRefused("needs a before window", () -> inv.addOutcome(new Outcome(null, "x", List.of(),
                "level:error", null, new TimeWindow(null, t("22:00")), after, null, null)));
        assertRefused("missing the outcome's query", () -> inv.addOutcome(new Outcome(null, "x", List.of(),
                "", null, before, after, null, null)));
    }

    @Test
    void actionItemsFollowTheSreTemplate() throws Exception {
        ActionItem a = inv.addActionItem(new ActionItem(null, "Load-test before each release", "Prevent", "sam",
                "OPS-12", null));
        assertEquals("A1", a.id());
        assertEquals("prevent", a.type());
        assertEquals("open", a.status());
        assertEquals("done", inv.updateActionItem(new ActionItem("A1", a.action(), "prevent", "sam", "OPS-12",
                "done")).status());
        assertRefused("unknown action type 'fix'", () -> inv.addActionItem(new ActionItem(null, "x", "fix", null,
                null, null)));
        assertRefused("missing action type (expected mitigate, prevent, process, other)",
                () -> inv.addActionItem(new ActionItem(null, "x", null, null, null, null)));
        assertRefused("unknown action status 'closed'", () -> inv.addActionItem(new ActionItem(null, "x", "other",
                null, null, "closed")));
    }

    @Test
    void bookmarksStarTagAndCommentOneEvent() throws Exception {
        Bookmark b = inv.bookmark("apache_error:812", true, List.of("segfault"), null);
        assertTrue(b.starred());
        Bookmark again = inv.bookmark(" apache_error:812 ", null, List.of("first", "segfault"), "first segfault");
        assertEquals(1, incident.getBookmarks().size());
        assertTrue(again.starred());
        assertEquals(List.of("segfault", "first"), again.tags());
        assertEquals("first segfault", again.comment());
        assertEquals(NOW, again.createdAt());
        assertRefused("no source php (known: apache_error, mysqld)", () -> inv.bookmark("php:1", true, null, null));
        assertRefused("source:line", () -> inv.bookmark("apache_error", true, null, null));
        Bookmark untagged = inv.untag("apache_error:812", "segfault");
        assertEquals(List.of("first"), untagged.tags());
        assertTrue(untagged.starred());
        assertEquals("first segfault", untagged.comment());
        assertRefused("has no tag 'segfault' (its tags: first)", () -> inv.untag("apache_error:812", "segfault"));
        inv.removeBookmark("apache_error:812");
        assertTrue(incident.getBookmarks().isEmpty());
        assertRefused("no bookmark on apache_error:812", () -> inv.removeBookmark("apache_error:812"));
    }

    @Test
    void milestoneMarkersAreUniqueAndInOrder() throws Exception {
        inv.setMarker("outage_begins", t("13:05"), null);
        inv.setMarker("detected", t("13:20"), "pager");
        inv.setMarker("ends", t("22:00"), null);
        inv.setMarker("detected", t("13:25"), "pager"); // moves it
        inv.setMarker("custom", t("19:10"), "load test begins");
        assertEquals(4, incident.getMarkers().size());
        assertTrue(incident.getMarkers().contains(new Marker("detected", t("13:25"), "pager")));
        assertRefused("mitigated at 2005-10-10T23:00:00Z would come after ends", () ->
                inv.setMarker("mitigated", t("23:00"), null));
        assertRefused("would come before outage_begins", () -> inv.setMarker("detected", t("13:00"), null));
        assertRefused("unknown marker 'fixed'", () -> inv.setMarker("fixed", t("20:00"), null));
        assertRefused("missing a label", () -> inv.setMarker("custom", t("20:00"), null));
        inv.removeMarker("load test begins");
        inv.removeMarker("detected");
        assertEquals(2, incident.getMarkers().size());
        assertRefused("no marker 'mitigated'", () -> inv.removeMarker("mitigated"));
    }

    @Test
    void linksJoinExistingRecordsOnly() throws Exception {
        inv.addHypothesis("Race under concurrency", null);
        inv.addChange(change("thread-safety fixes", "code", t("21:30")));
        Link l = inv.link("C1", "Addresses", "H1");
        assertEquals(new Link("C1", "addresses", "H1"), l);
        assertEquals(List.of(l), inv.linksOf("H1"));
        assertRefused("no record H9 (known: H1, C1, R1)", () -> inv.link("C1", "addresses", "H9"));
        assertRefused("unknown link type 'fixes'", () -> inv.link("C1", "fixes", "H1"));
        assertRefused("already linked", () -> inv.link("C1", "addresses", "H1"));
        assertRefused("cannot be linked to itself", () -> inv.link("H1", "relates_to", "H1"));
        inv.unlink("C1", "addresses", "H1");
        assertTrue(incident.getLinks().isEmpty());
        assertRefused("no link C1 addresses H1", () -> inv.unlink("C1", "addresses", "H1"));
    }

    @Test
    void deletingAHypothesisRemovesItsLinksAndEveryReference() throws Exception {
        inv.addHypothesis("Race under concurrency", null);
        inv.addHypothesis("MySQL connection leak", null);
        inv.addExperiment(new Experiment(null, "ab ramp", null, "H1", null, List.of("R1"), List.of(), null, null,
                null, null));
        inv.addChange(new Change(null, "code", "locks around session writes", null, null, null, null, t("21:30"),
                null, null, null, null, null, null, null, null, "H1", null));
        inv.link("E1", "supports", "H1");
        inv.link("H2", "relates_to", "H1");
        inv.link("C1", "relates_to", "H2");

        List<String> touched = inv.delete("H1");
        assertEquals(List.of("removed link E1 supports H1", "removed link H2 relates_to H1",
                "removed H1 from experiment E1", "removed H1 from change C1"), touched);
        assertEquals(List.of(new Link("C1", "relates_to", "H2")), incident.getLinks());
        assertNull(incident.getExperiments().get(0).hypothesis());
        assertNull(incident.getChanges().get(0).hypothesis());
        assertEquals(List.of("H2"), incident.getHypotheses().stream().map(Hypothesis::id).toList());
        assertNoDanglingReference();
    }

    @Test
    void deletingOtherRecordsAlsoLeavesNothingPointingNowhere() throws Exception {
        inv.addHypothesis("MySQL runs out of connections", null);
        SavedSearch s = inv.addSavedSearch(null, "message:\"Too many connections\"", null);
        inv.addEvidence("H1", EvidenceSide.FOR, s.id(), null);
        inv.addExperiment(new Experiment(null, "count connections", null, "H1", null, List.of("R1"), List.of("S1"),
                null, null, null, null));
        inv.addChange(change("max_connections 100 to 400", "config", t("21:50")));
        inv.addChange(change("push", "deploy", t("22:00")));
        inv.addOutcome(new Outcome(null, null, List.of("C1", "C2"), "level:error", null,
                new TimeWindow(t("21:00"), t("22:00")), new TimeWindow(t("22:00"), t("23:00")), null, null));
        inv.addActionItem(new ActionItem(null, "alert on connection errors", "mitigate", null, null, null));
        inv.link("A1", "addresses", "H1");
        inv.link("O1", "relates_to", "E1");

        inv.delete("S1");
        assertTrue(incident.getHypotheses().get(0).evidenceFor().isEmpty());
        assertTrue(incident.getExperiments().get(0).searches().isEmpty());
        assertRefused("R1 is a load-test run read from the evidence (ab_ramp)", () -> inv.delete("R1"));
        assertEquals(List.of("R1"), incident.getExperiments().get(0).loadTestRuns());
        inv.delete("C1");
        assertEquals(List.of("C2"), incident.getOutcomes().get(0).changes());
        inv.delete("E1");
        inv.delete("A1");
        assertTrue(incident.getLinks().isEmpty());
        assertNoDanglingReference();
        assertRefused("no record E1", () -> inv.delete("E1"));
        inv.delete("O1");
        assertFalse(incident.getChanges().isEmpty());
    }

    @Test
    void theIncidentStillSerialisesWithEveryRecordType() throws Exception {
        inv.addHypothesis("Race under concurrency", null);
        inv.addChange(new Change(null, "deploy", "push", null, null, null, null, t("22:00"), null, null, null,
                null, null, null, null, List.of("push"), "H1", null));
        inv.addImportedChange(new Change(null, "code", "fix", "body", null, null, null, t("21:00"), null, null,
                "sam", "abc", null, null, null, List.of(), null, "git:1", "abc", "git"));
        Incident back = JSON.readValue(snapshot(), Incident.class);
        assertEquals(incident.getChanges(), back.getChanges());
        assertEquals(incident.getHypotheses(), back.getHypotheses());
        assertEquals("C3", new Investigation(back, Clock.fixed(NOW, ZoneOffset.UTC), "sam")
                .addChange(change("after reload", "other", t("23:00"))).id());
    }

    /** Every id mentioned anywhere names a record that exists. */
    private void assertNoDanglingReference() {
        for (Link l : incident.getLinks()) {
            assertTrue(inv.kindOf(l.from()) != null && inv.kindOf(l.to()) != null, "dangling " + l);
        }
        for (Experiment e : incident.getExperiments()) {
            assertTrue(e.hypothesis() == null || inv.kindOf(e.hypothesis()) != null);
            e.loadTestRuns().forEach(r -> assertEquals("load-test run", inv.kindOf(r)));
            e.searches().forEach(s -> assertEquals("saved search", inv.kindOf(s)));
        }
        for (Change c : incident.getChanges()) {
            assertTrue(c.hypothesis() == null || inv.kindOf(c.hypothesis()) != null);
        }
        for (Outcome o : incident.getOutcomes()) {
            o.changes().forEach(c -> assertEquals("change", inv.kindOf(c)));
        }
        for (Hypothesis h : incident.getHypotheses()) {
            h.evidenceFor().stream().filter(r -> r.search() != null)
                    .forEach(r -> assertEquals("saved search", inv.kindOf(r.search())));
        }
    }

    @Test
    void aSavedSearchIsChangedInPlaceAndWhatCitesItKeepsCitingIt() throws Exception {
        inv.addHypothesis("MySQL runs out of connections", null);
        SavedSearch s = inv.addSavedSearch("conn", "message:\"Too many connections\"", null);
        inv.addEvidence("H1", EvidenceSide.FOR, s.id(), null);
        SavedSearch changed = inv.updateSavedSearch(s.id(), "connection errors",
                "\"Too many connections\" AND level:error", new TimeWindow(t("21:00"), t("22:00")));
        assertEquals(s.id(), changed.id());
        assertEquals(1, incident.getSavedSearches().size());
        assertEquals("connection errors", incident.getSavedSearches().get(0).name());
        assertEquals(t("21:00"), incident.getSavedSearches().get(0).window().start());
        assertEquals(s.id(), incident.getHypotheses().get(0).evidenceFor().get(0).search());
        assertRefused("a query", () -> inv.updateSavedSearch(s.id(), "x", " ", null));
        assertRefused("S9", () -> inv.updateSavedSearch("S9", "x", "level:error", null));
    }
}
