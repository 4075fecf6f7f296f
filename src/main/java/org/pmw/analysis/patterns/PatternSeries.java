package org.pmw.analysis.patterns;

/**
 * A pattern's event counts in equal time buckets: bucket i covers
 * [startMillis + i * bucketMillis, startMillis + (i + 1) * bucketMillis).
 */
public record PatternSeries(String patternId, long startMillis, long bucketMillis, long[] counts) {

    public PatternSeries {
        if (patternId == null || counts == null) {
            throw new IllegalArgumentException("pattern series needs a pattern id and counts");
        }
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("pattern " + patternId + ": bucket width must be positive, got "
                    + bucketMillis + " ms");
        }
        counts = counts.clone();
    }

    /** Start of bucket i (epoch ms). */
    public long bucketStart(int i) {
        return startMillis + i * bucketMillis;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    long count(int i) {
        return counts[i];
    }

    int size() {
        return counts.length;
    }
}
