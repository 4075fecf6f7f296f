package org.pmw.analysis.patterns;

import org.pmw.model.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-pattern counts and bucket series of events: the inputs of {@link OnsetAnalysis} and
 * {@link ChangeCorrelation}.
 */
public final class PatternCounts {

    private PatternCounts() {
    }

    /** Events per pattern id with {@code ts} in [fromMillis, toMillis); events without a pattern are not counted. */
    public static Map<String, Long> count(Iterable<Event> events, long fromMillis, long toMillis) {
        Map<String, Long> counts = new HashMap<>();
        for (Event e : events) {
            if (e.pattern() != null && e.ts() >= fromMillis && e.ts() < toMillis) {
                counts.merge(e.pattern(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * One series per pattern over [fromMillis, toMillis) in buckets of {@code bucketMillis} (the last bucket may
     * reach past {@code toMillis}), in order of each pattern's first event.
     */
    public static List<PatternSeries> series(Iterable<Event> events, long fromMillis, long toMillis,
                                             long bucketMillis) {
        if (bucketMillis <= 0 || toMillis <= fromMillis) {
            throw new IllegalArgumentException("series needs a positive bucket width and a non-empty range, got "
                    + bucketMillis + " ms over [" + fromMillis + ", " + toMillis + ")");
        }
        long buckets = (toMillis - fromMillis + bucketMillis - 1) / bucketMillis;
        if (buckets > 1_000_000) {
            throw new IllegalArgumentException("too many buckets (" + buckets + "): choose a wider bucket");
        }
        Map<String, long[]> byPattern = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.pattern() != null && e.ts() >= fromMillis && e.ts() < toMillis) {
                long[] counts = byPattern.computeIfAbsent(e.pattern(), k -> new long[(int) buckets]);
                counts[(int) ((e.ts() - fromMillis) / bucketMillis)]++;
            }
        }
        List<PatternSeries> out = new ArrayList<>(byPattern.size());
        byPattern.forEach((id, counts) -> out.add(new PatternSeries(id, fromMillis, bucketMillis, counts)));
        return out;
    }
}
