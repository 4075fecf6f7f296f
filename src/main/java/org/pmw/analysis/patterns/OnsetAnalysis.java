package org.pmw.analysis.patterns;

import org.apache.commons.math3.distribution.BetaDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which patterns appear or surge in a window compared with a baseline (onset), and which vanish after a
 * change (disappearance).
 *
 * <p>Each pattern's counts are treated as Poisson with a constant rate per period. The significance measure is
 * the exact conditional test for two Poisson rates: given the n = x + y events of a pattern (x in the window,
 * y in the baseline) and equal rates, x is Binomial(n, w / (w + b)) with w and b the two durations; the
 * one-sided p-value is P(X &ge; x) (computed as the regularized incomplete beta function, exact for binomial
 * tails). Clopper-Pearson bounds of the binomial share map to bounds of the rate ratio: the one-sided 95% lower
 * bound, and the 50% point as a finite estimate (a new pattern has an infinite raw ratio).
 *
 * <p>A pattern is {@code spiking} when its p-value is below 0.05 divided by the number of patterns ranked
 * (Bonferroni) and its rate at least doubled. Ranking: spiking patterns first, by the 95% lower bound (a rise
 * that is both big and backed by many events: a new pattern seen 40 times beats one seen twice); then the
 * rest by the ratio estimate, so a pattern new in the window but too rare to be significant (a single
 * "MaxClients" line) still comes before the steady traffic whose ratio is near 1. Disappearance is the same
 * test with the periods' roles swapped.
 */
public final class OnsetAnalysis {

    /** One-sided confidence level of the ratio bounds. */
    public static final double CONFIDENCE = 0.95;
    /** Family-wise significance level for the spiking / dropped flags. */
    public static final double ALPHA = 0.05;
    /** Least rate ratio for the spiking / dropped flags. */
    public static final double MIN_FACTOR = 2.0;

    private OnsetAnalysis() {
    }

    /**
     * Ranks the patterns that occur in the window, most newly frequent first.
     *
     * @param baselineCounts  events per pattern id in the baseline (missing = 0)
     * @param baselineMinutes baseline duration, &gt; 0
     * @param windowCounts    events per pattern id in the window
     * @param windowMinutes   window duration, &gt; 0
     */
    public static List<OnsetScore> rank(Map<String, Long> baselineCounts, double baselineMinutes,
                                        Map<String, Long> windowCounts, double windowMinutes) {
        checkDuration("baseline", baselineMinutes);
        checkDuration("window", windowMinutes);
        List<String> ids = windowCounts.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        double threshold = ALPHA / Math.max(1, ids.size());
        List<OnsetScore> scores = new ArrayList<>(ids.size());
        for (String id : ids) {
            long x = windowCounts.get(id);
            long y = count(baselineCounts, id);
            Rise rise = rise(x, windowMinutes, y, baselineMinutes);
            double ratio = y == 0 ? Double.POSITIVE_INFINITY : (x / windowMinutes) / (y / baselineMinutes);
            scores.add(new OnsetScore(id, y, x, y / baselineMinutes, x / windowMinutes, ratio, rise.estimate(),
                    rise.lowerBound(), rise.pValue(), y == 0, rise.pValue() < threshold && ratio >= MIN_FACTOR));
        }
        scores.sort(Comparator.comparing(OnsetScore::spiking).reversed()
                .thenComparing(Comparator.comparingDouble((OnsetScore s) -> s.spiking() ? s.ratioLowerBound()
                        : s.ratioEstimate()).reversed())
                .thenComparingDouble(OnsetScore::pValue)
                .thenComparing(Comparator.comparingLong(OnsetScore::windowCount).reversed())
                .thenComparing(OnsetScore::patternId));
        return scores;
    }

    /**
     * Ranks the patterns that occurred before a change by how much they fell after it, gone ones first.
     *
     * @param beforeCounts  events per pattern id in the window before the change
     * @param beforeMinutes its duration, &gt; 0
     * @param afterCounts   events per pattern id in the window after the change (missing = 0)
     * @param afterMinutes  its duration, &gt; 0
     */
    public static List<DisappearanceScore> disappeared(Map<String, Long> beforeCounts, double beforeMinutes,
                                                       Map<String, Long> afterCounts, double afterMinutes) {
        checkDuration("before", beforeMinutes);
        checkDuration("after", afterMinutes);
        List<String> ids = beforeCounts.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        double threshold = ALPHA / Math.max(1, ids.size());
        List<DisappearanceScore> scores = new ArrayList<>(ids.size());
        for (String id : ids) {
            long x = beforeCounts.get(id);
            long y = count(afterCounts, id);
            // a fall after the change is a rise before it: the same test with the roles swapped
            Rise fall = rise(x, beforeMinutes, y, afterMinutes);
            double factor = y == 0 ? Double.POSITIVE_INFINITY : (x / beforeMinutes) / (y / afterMinutes);
            scores.add(new DisappearanceScore(id, x, y, x / beforeMinutes, y / afterMinutes, factor,
                    fall.estimate(), fall.lowerBound(), fall.pValue(), y == 0,
                    fall.pValue() < threshold && factor >= MIN_FACTOR));
        }
        scores.sort(Comparator.comparing(DisappearanceScore::dropped).reversed()
                .thenComparing(Comparator.comparingDouble((DisappearanceScore s) -> s.dropped()
                        ? s.dropFactorLowerBound() : s.dropFactorEstimate()).reversed())
                .thenComparingDouble(DisappearanceScore::pValue)
                .thenComparing(Comparator.comparingLong(DisappearanceScore::beforeCount).reversed())
                .thenComparing(DisappearanceScore::patternId));
        return scores;
    }

    /** p-value and ratio lower bound of "x events in a period of length tx is a higher rate than y in ty". */
    record Rise(double pValue, double lowerBound, double estimate) {
    }

    static Rise rise(long x, double tx, long y, double ty) {
        if (x == 0) {
            return new Rise(1.0, 0.0, 0.0);
        }
        long n = x + y;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many events for the exact test: " + n);
        }
        double p0 = tx / (tx + ty);
        // P(X >= x) for X ~ Binomial(n, p0) equals the regularized incomplete beta I_p0(x, n - x + 1); taking it
        // from the beta distribution keeps tiny p-values accurate where 1 - cdf would round to 0
        BetaDistribution tail = new BetaDistribution(null, x, y + 1.0);
        double pValue = Math.max(0.0, Math.min(1.0, tail.cumulativeProbability(p0)));
        // Clopper-Pearson one-sided lower bound of the binomial proportion, mapped to a rate ratio
        double lower = toRatio(tail.inverseCumulativeProbability(1.0 - CONFIDENCE), tx, ty);
        double estimate = toRatio(tail.inverseCumulativeProbability(0.5), tx, ty);
        return new Rise(pValue, lower, estimate);
    }

    /** The rate ratio (focus / other) that corresponds to a binomial share p of the focus period's events. */
    private static double toRatio(double p, double tx, double ty) {
        return p >= 1.0 ? Double.POSITIVE_INFINITY : p / (1.0 - p) * ty / tx;
    }

    private static long count(Map<String, Long> counts, String id) {
        Long c = counts.get(id);
        return c == null ? 0 : c;
    }

    private static void checkDuration(String what, double minutes) {
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException(what + " duration must be a positive number of minutes, got "
                    + minutes);
        }
    }
}
