package org.pmw.analysis.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pmw.model.Bookmark;
import org.pmw.model.Change;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.StatusChange;
import org.pmw.model.TimeWindow;

class TimelineModelTest {

    private static Instant t(String hhmm) {
        return Instant.parse("2005-10-10T" + hhmm + ":00Z");
    }

    /** The sample incident's day, recorded out of order. */
    private static Incident incident() {
        Incident incident = new Incident("segfaults", "UTC", t("23:00"));
        incident.getHypotheses().add(new Hypothesis("H1", "Race under concurrency", HypothesisStatus.SUPPORTED,
                null, null, null, "sam", t("18:00"), t("19:45"), List.of(
                        new StatusChange(t("19:05"), HypothesisStatus.OPEN, HypothesisStatus.TESTING, "load test", "sam"),
                        new StatusChange(t("19:45"), HypothesisStatus.TESTING, HypothesisStatus.SUPPORTED,
                                "errors from 150 concurrent users", "sam"))));
        incident.getChanges().add(new Change("C2", "deploy", "push to production", null, "site", null, null,
                t("22:00"), null, "done", "sam", "r1042", null, null, null, null, null, "manual"));
        incident.getChanges().add(new Change("C1", "code", "locks around session writes", null, "app", "web1", null,
                t("21:00"), t("21:40"), null, null, null, null, null, null, null, "H1", "git:1"));
        incident.getExperiments().add(new Experiment("E1", "ab ramp", null, "H1", new TimeWindow(t("19:10"), t("19:40")),
                List.of(), List.of(), null, null, "supports", "sam"));
        incident.getExperiments().add(new Experiment("E2", "planned soak test", null, null, null, List.of(),
                List.of(), null, null, null, "sam"));
        incident.getOutcomes().add(new Outcome("O1", "errors per minute", List.of("C2"), "level:error", null,
                new TimeWindow(t("21:00"), t("22:00")), new TimeWindow(t("22:00"), t("23:59")),
                "significant decrease", null));
        incident.getBookmarks().add(new Bookmark("apache_error:812", true, List.of("segfault"), "first segfault",
                t("23:00")));
        incident.getMarkers().add(new Marker("outage_begins", t("13:05"), null));
        incident.getMarkers().add(new Marker("ends", t("22:00"), null));
        incident.getLinks().add(new Link("E1", "supports", "H1"));
        return incident;
    }

    @Test
    void everythingIsInTimeOrderWithItsRelations() {
        EventTimes times = ref -> Optional.ofNullable(Map.of("apache_error:812", t("13:07")).get(ref));
        List<TimelineItem> items = TimelineModel.build(incident(), times);
        assertEquals(List.of("marker outage_begins", "bookmark apache_error:812", "status_change H1",
                        "experiment E1", "status_change H1", "change C1", "outcome O1", "marker ends", "change C2"),
                items.stream().map(i -> i.kind().id() + " " + i.id()).toList());

        TimelineItem experiment = items.get(3);
        assertEquals(t("19:40"), experiment.end());
        // the explicit link and the one held in the experiment's hypothesis field
        assertEquals(List.of(new Link("E1", "supports", "H1"), new Link("E1", "tests", "H1")), experiment.links());

        TimelineItem supported = items.get(4);
        assertEquals("H1 testing \u2192 supported: Race under concurrency", supported.title());
        assertEquals("errors from 150 concurrent users (sam)", supported.detail());
        assertNull(supported.end());

        TimelineItem change = items.get(5);
        assertEquals("code; app on web1", change.detail());
        assertEquals(List.of(new Link("C1", "addresses", "H1")), change.links());
        assertEquals(List.of(new Link("O1", "evaluates", "C2")), items.get(8).links());
        assertEquals("first segfault", items.get(1).title());
    }

    @Test
    void withoutEventTimesBookmarksAreLeftOffAndUnscheduledExperimentsToo() {
        List<TimelineItem> items = TimelineModel.build(incident());
        assertTrue(items.stream().noneMatch(i -> i.kind() == TimelineKind.BOOKMARK));
        assertTrue(items.stream().noneMatch(i -> i.id().equals("E2")));
        assertEquals(8, items.size());
    }

    @Test
    void theModelAnswersWindowKindAndRecordQueries() {
        TimelineModel model = TimelineModel.of(incident(), EventTimes.none());
        // the outcome spans 21:00-23:59 and the experiment ended before 20:00
        assertEquals(List.of("C1", "O1", "ends", "C2"),
                model.overlapping(t("20:30"), t("23:00")).stream().map(TimelineItem::id).toList());
        assertEquals(List.of("C1", "C2"), model.ofKind(TimelineKind.CHANGE).stream().map(TimelineItem::id).toList());
        assertEquals(List.of("H1", "E1", "H1", "C1"), model.about("H1").stream().map(TimelineItem::id).toList());
    }
}
