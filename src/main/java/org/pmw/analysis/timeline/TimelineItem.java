package org.pmw.analysis.timeline;

import java.time.Instant;
import java.util.List;
import org.pmw.model.Link;

/**
 * One thing that happened or was done, placed in time.
 *
 * @param at     when it happened or began
 * @param end    when an interval ended (experiments, changes with an end, outcomes); null for a point
 * @param id     the record it shows: a record id (C1, E2, H3 for a status change, O1), an event
 *               ({@code source:line}) for a bookmark, the marker kind (or label of a custom marker)
 * @param detail one line of context, or null
 * @param links  every relation of the record, explicit links and those held in record fields alike
 */
public record TimelineItem(Instant at, Instant end, TimelineKind kind, String id, String title, String detail,
                           List<Link> links) {

    public TimelineItem {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Whether the item touches [from, to): points inside it, intervals overlapping it. */
    public boolean overlaps(Instant from, Instant to) {
        Instant last = end == null ? at : end;
        return (to == null || at.isBefore(to)) && (from == null || !last.isBefore(from));
    }
}
