package org.pmw.model;

import java.util.Map;

/**
 * Counts of matching events per value of one field (pattern, source, level), in total and per time bucket.
 *
 * @param start        start of the first bucket (epoch ms)
 * @param bucketMillis width of a bucket
 * @param totals       value to count over the whole range
 * @param series       value to counts per bucket
 * @param spans        value to the times (epoch ms) of its first and last matching event
 */
public record TermSeries(String field, long start, long bucketMillis, int buckets, Map<String, Long> totals,
                         Map<String, long[]> series, Map<String, long[]> spans) {
}
