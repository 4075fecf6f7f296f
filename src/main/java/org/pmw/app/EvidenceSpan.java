package org.pmw.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.pmw.ingest.FormatCategory;
import org.pmw.model.Incident;
import org.pmw.model.Marker;
import org.pmw.model.SourceFile;

/**
 * The time the project's evidence covers (its logs and load tests, and the incident's markers), to tell a record
 * dated far outside it: a change entered with the wrong year or month would otherwise lead the timeline and the
 * report as if it had started the incident.
 */
public final class EvidenceSpan {

    /** Further than this from everything the project knows of, a time is more likely a typo than a cause. */
    static final Duration FAR = Duration.ofDays(1);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Instant first;
    private final Instant last;
    private final ZoneId zone;

    private EvidenceSpan(Instant first, Instant last, ZoneId zone) {
        this.first = first;
        this.last = last;
        this.zone = zone;
    }

    public static EvidenceSpan of(Incident incident) {
        Instant first = null;
        Instant last = null;
        for (SourceFile s : incident.getSources()) {
            // change records are left out: a git log of the whole repository spans years, and they are what is checked
            if (FormatCategory.CHANGES.id().equals(s.category()) || s.first() == null || s.last() == null) {
                continue;
            }
            first = first == null || s.first().isBefore(first) ? s.first() : first;
            last = last == null || s.last().isAfter(last) ? s.last() : last;
        }
        for (Marker m : incident.getMarkers()) {
            if (m.at() != null) {
                first = first == null || m.at().isBefore(first) ? m.at() : first;
                last = last == null || m.at().isAfter(last) ? m.at() : last;
            }
        }
        return new EvidenceSpan(first, last, ZoneId.of(incident.getZone()));
    }

    /**
     * How far {@code at} lies outside the evidence, in words ("2474 days before the first evidence (2005-10-10
     * 17:00)"), when it is further than a day; else null, as it is for a project with no evidence yet.
     */
    public String farOutside(Instant at) {
        if (at == null || first == null) {
            return null;
        }
        if (at.isBefore(first.minus(FAR))) {
            return length(Duration.between(at, first)) + " before the first evidence (" + local(first) + ")";
        }
        if (at.isAfter(last.plus(FAR))) {
            return length(Duration.between(last, at)) + " after the last evidence (" + local(last) + ")";
        }
        return null;
    }

    private String local(Instant t) {
        return LOCAL.format(t.atZone(zone));
    }

    private static String length(Duration d) {
        return d.toHours() < 48 ? d.toHours() + " hours" : d.toDays() + " days";
    }
}
