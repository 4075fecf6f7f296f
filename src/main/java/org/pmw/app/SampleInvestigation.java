package org.pmw.app;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.pmw.model.Incident;
import org.pmw.model.Marker;
import org.pmw.model.ReportText;
import org.pmw.sample.SampleFacts;

/** The investigation of the sample incident, as its engineer wrote it down that day. */
final class SampleInvestigation {

    private SampleInvestigation() {
    }

    static void record(Project project, SampleFacts facts) {
        Incident incident = project.incident();
        Instant firstBurst = OffsetDateTime.parse(facts.bursts().get(0).startLocal()).toInstant();
        Instant push = OffsetDateTime.parse(facts.pushLocal()).toInstant();
        incident.getMarkers().clear();
        incident.getMarkers().add(new Marker("outage_begins", firstBurst, "Outage begins"));
        incident.getMarkers().add(new Marker("detected", firstBurst.plusSeconds(25 * 60), "Detected"));
        incident.getMarkers().add(new Marker("mitigated", push, "Fix pushed"));
        incident.getMarkers().add(new Marker("ends", at("2005-10-10T20:00:00-04:00"), "Outage over"));
        incident.setReport(new ReportText(
                "From Sunday evening 9 October until 18:00 on Monday 10 October 2005 the shop was down intermittently:"
                        + " web servers' Apache children crashed with segmentation faults and PHP could not connect to"
                        + " MySQL, whenever traffic peaked.",
                "About " + facts.responses5xx() + " requests failed with 500 or 503 over the two days, in "
                        + facts.bursts().size() + " bursts; pages were slow during each burst.",
                "Concurrent requests beyond about " + facts.thresholds().before() + " busy workers overwhelmed the"
                        + " web tier: a race condition in shared application state under Apache's worker MPM crashed"
                        + " children, and the surviving children exhausted MySQL's connections.",
                "Traffic peaks (late morning, early afternoon, a newsletter at 16:50) pushed concurrency past the"
                        + " threshold.",
                "Thread-safety fixes in the application code, more memory and NUMA affinity for the Xen guests, and"
                        + " fewer threads per Apache child with longer timeouts, pushed live at 18:00.",
                "Users and the on-call engineer noticed errors; there was no alert on segfaults or 5xx rates.",
                "A load test reproduced the threshold within an hour and showed each change's effect before it went"
                        + " live.",
                "Hours went to checking each VM and MySQL's memory before the concurrency hypothesis was tested.",
                "The evening's traffic after the push was ordinary; a newsletter the same evening would have tested"
                        + " the fix harder."));
    }

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

}
