package org.pmw.model;

/**
 * Every match of a search, in time order, with events loaded only when asked for: what a virtualised
 * result table scrolls through, even with millions of matches. Holds a point-in-time view of the index until
 * closed.
 */
public interface EventResults extends AutoCloseable {

    /** Number of matches (exact). */
    int size();

    /** The i-th match in time order (0-based). */
    Event get(int index);

    /** Position of the first match at or after {@code epochMillis}, or {@link #size()} if none. */
    int indexOfTime(long epochMillis);

    @Override
    void close();
}
