package org.pmw.analysis.timeline;

import java.time.Instant;
import java.util.Optional;

/** Finds when an event ({@code source:line}) happened; the index answers this, tests use a map. */
@FunctionalInterface
public interface EventTimes {

    Optional<Instant> timeOf(String eventRef);

    /** For callers without an index: no event time is known, so bookmarks are left off the timeline. */
    static EventTimes none() {
        return ref -> Optional.empty();
    }
}
