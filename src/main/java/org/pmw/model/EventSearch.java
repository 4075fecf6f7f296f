package org.pmw.model;

import java.time.Instant;

/**
 * A search over events: Lucene query text, an optional time window [from, to), how many events to return
 * and in which order.
 */
public record EventSearch(String query, Instant from, Instant to, int limit, Order order) {

    public enum Order { TIME, TIME_DESCENDING, RELEVANCE }

    public static EventSearch of(String query) {
        return new EventSearch(query, null, null, 100, Order.TIME);
    }

    public EventSearch withWindow(Instant newFrom, Instant newTo) {
        return new EventSearch(query, newFrom, newTo, limit, order);
    }

    public EventSearch withLimit(int newLimit) {
        return new EventSearch(query, from, to, newLimit, order);
    }

    public EventSearch withOrder(Order newOrder) {
        return new EventSearch(query, from, to, limit, newOrder);
    }
}
