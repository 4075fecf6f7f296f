package org.pmw.model;

import java.util.List;

/**
 * The measured effect of one or more changes: a metric compared between a window before and one after.
 *
 * @param query            the events counted (Lucene syntax)
 * @param denominatorQuery for an error ratio, the events the ratio is taken of; null for a rate per minute
 */
public record Outcome(String id, String title, List<String> changes, String query, String denominatorQuery,
                      TimeWindow before, TimeWindow after, String verdict, String notes) {

    public Outcome {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
