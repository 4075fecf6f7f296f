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

    /**
     * The events counted in each window: {@code query}, or for a share, those of {@code denominatorQuery} that
     * also match it. A 5xx share of requests counts only 5xx requests, not the load generator's 5xx samples.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String countedQuery() {
        if (everything(denominatorQuery)) {
            return query;
        }
        return everything(query) ? denominatorQuery : "(" + query + ") AND (" + denominatorQuery + ")";
    }

    /** "*" and "*:*" mean every event as a whole query, but not inside a larger one: they are kept out of it. */
    private static boolean everything(String q) {
        return q == null || q.isBlank() || q.trim().equals("*") || q.trim().equals("*:*");
    }
}
