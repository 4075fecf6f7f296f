package org.pmw.analysis.patterns;

import org.pmw.model.Change;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks change records by how closely a pattern surge follows them.
 *
 * <p>For a change at time t, each pattern's buckets starting in [t - baseline, t) are compared with those
 * starting in [t, t + horizon) by {@link OnsetAnalysis}'s exact Poisson-rate test (durations are the buckets
 * actually covered, so series that end early are not mistaken for drops). A pattern surges when it would be
 * {@code spiking} there: p-value below 0.05 divided by the number of series (Bonferroni) and its rate at
 * least doubled, so random wobble of steady traffic does not count. Its delay is the time from the change to
 * the first bucket after it whose count exceeds the pattern's mean count per bucket before the change (and is
 * at least one). The change's score is the best, over patterns, of
 * {@code log2(ratioLowerBound) * exp(-delay / horizon)}: a strong, well-supported surge right after the
 * change scores high; the same surge arriving at the end of the horizon counts about a third as much; no
 * surge scores 0. Changes without a start time cannot be placed and are left out.
 */
public final class ChangeCorrelation {

    /** Window after a change in which a surge is attributed to it, unless given. */
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(15);
    /** Window before a change that gives each pattern's usual rate, unless given. */
    public static final Duration DEFAULT_BASELINE = Duration.ofMinutes(60);

    private ChangeCorrelation() {
    }

    /** {@link #rank(List, List, Duration, Duration)} with the default horizon and baseline. */
    public static List<ChangeCorrelationScore> rank(List<Change> changes, List<PatternSeries> series) {
        return rank(changes, series, DEFAULT_HORIZON, DEFAULT_BASELINE);
    }

    /** Scores each change with a start time and returns them best first (ties: earlier change first). */
    public static List<ChangeCorrelationScore> rank(List<Change> changes, List<PatternSeries> series,
                                                    Duration horizon, Duration baseline) {
        if (horizon.isNegative() || horizon.isZero() || baseline.isNegative() || baseline.isZero()) {
            throw new IllegalArgumentException("horizon and baseline must be positive, got " + horizon + " and "
                    + baseline);
        }
        List<ChangeCorrelationScore> out = new ArrayList<>();
        for (Change change : changes) {
            if (change.startedAt() != null) {
                out.add(score(change.id(), change.startedAt(), series, horizon.toMillis(), baseline.toMillis()));
            }
        }
        out.sort(Comparator.comparingDouble(ChangeCorrelationScore::score).reversed()
                .thenComparing(ChangeCorrelationScore::changeTime));
        return out;
    }

    private record Surge(String patternId, double score, double lowerBound, double pValue, long delay) {
    }

    static ChangeCorrelationScore score(String changeId, Instant at, List<PatternSeries> series, long horizon,
                                        long baseline) {
        long t = at.toEpochMilli();
        double threshold = OnsetAnalysis.ALPHA / Math.max(1, series.size());
        List<Surge> surges = new ArrayList<>();
        for (PatternSeries s : series) {
            long beforeCount = 0;
            int beforeBuckets = 0;
            long afterCount = 0;
            int afterBuckets = 0;
            for (int i = 0; i < s.size(); i++) {
                long start = s.bucketStart(i);
                if (start >= t - baseline && start < t) {
                    beforeCount += s.count(i);
                    beforeBuckets++;
                } else if (start >= t && start < t + horizon) {
                    afterCount += s.count(i);
                    afterBuckets++;
                }
            }
            if (beforeBuckets == 0 || afterBuckets == 0 || afterCount == 0) {
                continue;
            }
            OnsetAnalysis.Rise rise = OnsetAnalysis.rise(afterCount, afterBuckets, beforeCount, beforeBuckets);
            double rawRatio = beforeCount == 0 ? Double.POSITIVE_INFINITY
                    : ((double) afterCount / afterBuckets) / ((double) beforeCount / beforeBuckets);
            if (!(rise.pValue() < threshold && rawRatio >= OnsetAnalysis.MIN_FACTOR)) {
                continue;
            }
            double usual = (double) beforeCount / beforeBuckets;
            long delay = horizon;
            for (int i = 0; i < s.size(); i++) {
                long start = s.bucketStart(i);
                if (start >= t && start < t + horizon && s.count(i) > usual && s.count(i) >= 1) {
                    delay = start - t;
                    break;
                }
            }
            double score = log2(rise.lowerBound()) * Math.exp(-(double) delay / horizon);
            surges.add(new Surge(s.patternId(), score, rise.lowerBound(), rise.pValue(), delay));
        }
        surges.sort(Comparator.comparingDouble(Surge::score).reversed().thenComparing(Surge::patternId));
        if (surges.isEmpty()) {
            return new ChangeCorrelationScore(changeId, at, 0.0, null, Double.NaN, Double.NaN, -1, List.of());
        }
        Surge top = surges.get(0);
        return new ChangeCorrelationScore(changeId, at, top.score(), top.patternId(), top.lowerBound(),
                top.pValue(), top.delay(), surges.stream().map(Surge::patternId).toList());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
