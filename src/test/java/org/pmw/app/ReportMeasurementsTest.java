package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.investigation.Investigation;
import org.pmw.model.Change;
import org.pmw.model.Outcome;
import org.pmw.model.TimeWindow;
import org.pmw.testing.TestProjects;

/**
 * The window's preview keeps what a report measured against the index from one document to the next; what it
 * shows must still be what a fresh report says, before and after the evidence changes.
 */
class ReportMeasurementsTest {

    @TempDir
    Path tmp;
    private Project project;

    @BeforeEach
    void build() throws Exception {
        project = TestProjects.create(tmp.resolve("incident"));
        project.importFiles(List.of(log("before.log", 21, 3)), ImportOptions.defaults(), Progress.NONE);
        Investigation inv = project.investigation();
        Change c = inv.addChange(new Change(null, "config", "Fewer threads", null, null, null, null,
                Instant.parse("2005-10-10T22:00:00Z"), null, "done", "dan", null, null, null, null, List.of(), null,
                null));
        inv.addOutcome(new Outcome(null, "Segfaults after the push", List.of(c.id()), "segmentation", null,
                new TimeWindow(Instant.parse("2005-10-10T21:00:00Z"), Instant.parse("2005-10-10T22:00:00Z")),
                new TimeWindow(Instant.parse("2005-10-10T22:00:00Z"), Instant.parse("2005-10-10T23:00:00Z")), null,
                null));
        inv.bookmark("before.log:2", true, List.of(), "first");
        project.save();
    }

    /** An hour of requests from {@code hour} UTC, with a segfault every {@code every} minutes in it. */
    private Path log(String name, int hour, int every) throws Exception {
        StringBuilder log = new StringBuilder();
        for (int m = 0; m < 60; m++) {
            log.append(String.format("2005-10-10T%02d:%02d:00Z info web1 request served status=200%n", hour, m));
            if (m % every == 0) {
                log.append(String.format("2005-10-10T%02d:%02d:30Z error web1 child exited segmentation fault%n",
                        hour, m));
            }
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, log.toString());
        return file;
    }

    private String kept(Reports.Measurements measured) throws Exception {
        return Reports.markdown(Reports.document(project, project.copyOfIncident(), "sre", measured));
    }

    private String fresh() throws Exception {
        return Reports.markdown(Reports.document(project, project.copyOfIncident(), "sre"));
    }

    @Test
    void aDocumentFromKeptMeasurementsSaysWhatAFreshOneSays() throws Exception {
        Reports.Measurements measured = new Reports.Measurements();
        String first = kept(measured);
        assertTrue(measured.measured() > 0, "the outcome, the overview and the quoted event are kept");
        assertEquals(fresh(), first);
        assertEquals(first, kept(measured), "the same evidence, the same report");
        assertTrue(first.contains("20 in 60 min = 0.333/min"), first);
        assertTrue(first.contains("0 in 60 min = 0.000/min"), first);
    }

    @Test
    void evidenceImportedAfterwardsIsMeasuredAgain() throws Exception {
        Reports.Measurements measured = new Reports.Measurements();
        kept(measured);
        project.importFiles(List.of(log("after.log", 22, 6)), ImportOptions.defaults(), Progress.NONE);
        String again = kept(measured);
        assertTrue(again.contains("10 in 60 min = 0.167/min"), "the new segfaults are counted: " + again);
        assertEquals(fresh(), again);
    }

    @Test
    void anOutcomeWhoseWindowMovedIsMeasuredAgain() throws Exception {
        Reports.Measurements measured = new Reports.Measurements();
        kept(measured);
        Outcome o = project.incident().getOutcomes().get(0);
        project.incident().getOutcomes().set(0, new Outcome(o.id(), o.title(), o.changes(), o.query(),
                o.denominatorQuery(), new TimeWindow(Instant.parse("2005-10-10T21:30:00Z"), o.before().end()),
                o.after(), o.verdict(), o.notes()));
        String again = kept(measured);
        assertTrue(again.contains("10 in 30 min = 0.333/min"), again);
        assertEquals(fresh(), again);
    }

    @Test
    void evidenceRetimedIsMeasuredAgain() throws Exception {
        Reports.Measurements measured = new Reports.Measurements();
        kept(measured);
        String source = project.incident().getSources().get(0).id();
        project.retime(source, null, 30 * 60_000L, null, Progress.NONE);
        String again = kept(measured);
        assertTrue(again.contains("10 in 60 min = 0.167/min"), "half the segfaults moved after the push: " + again);
        assertEquals(fresh(), again);
    }

    /**
     * A re-time saves the source's new timing in incident.json before its re-read events are committed to the
     * index: a preview that copies the investigation in between sees the new sources and still the old events.
     * What it measures then must not be kept for the events as they are once the re-time is done.
     */
    @Test
    void whatWasMeasuredWhileARetimeWasCommittingIsMeasuredAgain() throws Exception {
        String source = project.incident().getSources().get(0).id();
        project.retime(source, null, 30 * 60_000L, null, Progress.NONE);
        org.pmw.model.Incident retimed = project.copyOfIncident();
        project.retime(source, null, 0L, null, Progress.NONE);
        // the copy a build takes in that moment: the re-time's sources, the index as it was before it
        Reports.Measurements measured = new Reports.Measurements();
        Reports.document(project, retimed, "sre", measured);
        project.retime(source, null, 30 * 60_000L, null, Progress.NONE);
        assertEquals(retimed.getSources(), project.incident().getSources(), "the same re-time, the same sources");
        String again = kept(measured);
        assertTrue(again.contains("10 in 60 min = 0.167/min"), "the re-timed events are counted: " + again);
        assertEquals(fresh(), again);
    }
}
