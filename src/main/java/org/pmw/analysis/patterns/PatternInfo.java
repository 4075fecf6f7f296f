package org.pmw.analysis.patterns;

/**
 * One mined message template.
 *
 * @param id        stable pattern id ("p1", "p2", ... in order of first appearance)
 * @param template  the template text: message tokens joined by single spaces, variables as {@code <*>}
 * @param count     how many messages were assigned to it
 * @param firstSeen epoch ms of the earliest timestamped message, or {@link #NO_TIME}
 * @param lastSeen  epoch ms of the latest timestamped message, or {@link #NO_TIME}
 */
public record PatternInfo(String id, String template, long count, long firstSeen, long lastSeen) {

    /** First/last seen of a pattern whose messages all came without a timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;
}
