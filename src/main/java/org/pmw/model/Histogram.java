package org.pmw.model;

import java.util.List;

/** Event counts per fixed-width time bucket, for buckets from the first to the last match. */
public record Histogram(long bucketMillis, List<Bucket> buckets, long total) {

    /** A histogram lists at most this many buckets, the empty ones included. */
    public static final int MAX_BUCKETS = 100_000;

    public record Bucket(long start, long count) {
    }
}
