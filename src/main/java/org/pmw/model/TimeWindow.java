package org.pmw.model;

import java.time.Duration;
import java.time.Instant;

/** A half-open time range [start, end). Either end may be null for "unbounded". */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(Instant t) {
        return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
    }

    public Duration duration() {
        if (start == null || end == null) {
            throw new IllegalStateException("unbounded window has no duration");
        }
        return Duration.between(start, end);
    }
}
