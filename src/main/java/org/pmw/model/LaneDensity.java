package org.pmw.model;

import java.util.Map;

/**
 * Event counts per bucket for each source, split by level: what the timeline draws, one lane per source.
 *
 * @param start        start of the first bucket (epoch ms)
 * @param bucketMillis width of a bucket
 * @param counts       source id to counts[level ordinal][bucket]
 */
public record LaneDensity(long start, long bucketMillis, int buckets, Map<String, long[][]> counts) {
}
