package org.pmw.analysis.timeline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a timeline item stands for; at equal times items sort in this order. */
public enum TimelineKind {
    MARKER, CHANGE, EXPERIMENT, STATUS_CHANGE, OUTCOME, BOOKMARK;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
