package org.pmw.model;

import java.time.Instant;
import java.util.List;

/** A starred, tagged or commented event ({@code source:line}), as Timesketch users expect. */
public record Bookmark(String event, boolean starred, List<String> tags, String comment, Instant createdAt) {

    public Bookmark {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
