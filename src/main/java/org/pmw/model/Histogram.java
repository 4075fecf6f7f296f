package org.pmw.model;

import java.util.List;

/** Event counts per fixed-width time bucket, for buckets from the first to the last match. */
public record Histogram(long bucketMillis, List<Bucket> buckets, long total) {

    public record Bucket(long start, long count) {
    }
}
