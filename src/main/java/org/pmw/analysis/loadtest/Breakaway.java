package org.pmw.analysis.loadtest;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.pmw.model.LoadTestStep;

/**
 * The first step, going up in concurrency, where errors or tail latency break away from the lowest load.
 * <ul>
 * <li>Errors break away at the first step whose error rate is above {@value #ERROR_RATE_FLOOR} (1%) and more
 * than {@value #ERROR_RATE_FACTOR} times the lowest error rate of the steps below it (not the first step's: a
 * first step run against cold caches or a warming JIT often fails more than the next ones).</li>
 * <li>Latency breaks away at the first step whose p99 is more than {@value #LATENCY_FACTOR} times the lowest p99
 * of the steps below it (for the same reason); when the run has no p99 the p95 is used, then the mean.</li>
 * </ul>
 */
public final class Breakaway {

    public static final double ERROR_RATE_FLOOR = 0.01;
    public static final double ERROR_RATE_FACTOR = 5;
    public static final double LATENCY_FACTOR = 3;

    private Breakaway() {
    }

    /** Concurrency of the first step whose errors break away, or null. Steps sorted by concurrency. */
    public static Integer errorsStart(List<LoadTestStep> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        double baseline = finiteOr(steps.get(0).errorRate(), 0);
        for (LoadTestStep s : steps) {
            double rate = s.errorRate();
            if (Double.isFinite(rate) && rate > ERROR_RATE_FLOOR && rate > ERROR_RATE_FACTOR * baseline) {
                return s.concurrency();
            }
            if (Double.isFinite(rate)) {
                baseline = Math.min(baseline, rate);
            }
        }
        return null;
    }

    /** The latency metric the run has: "p99_ms", "p95_ms", "mean_ms", or null. */
    public static String latencyMetric(List<LoadTestStep> steps) {
        if (steps.stream().anyMatch(s -> Double.isFinite(s.p99Ms()))) {
            return "p99_ms";
        }
        if (steps.stream().anyMatch(s -> Double.isFinite(s.p95Ms()))) {
            return "p95_ms";
        }
        return steps.stream().anyMatch(s -> Double.isFinite(s.meanMs())) ? "mean_ms" : null;
    }

    /** Concurrency of the first step whose latency breaks away, or null. Steps sorted by concurrency. */
    public static Integer latencyBreaks(List<LoadTestStep> steps) {
        String metric = latencyMetric(steps);
        if (metric == null) {
            return null;
        }
        ToDoubleFunction<LoadTestStep> latency = switch (metric) {
            case "p99_ms" -> LoadTestStep::p99Ms;
            case "p95_ms" -> LoadTestStep::p95Ms;
            default -> LoadTestStep::meanMs;
        };
        double baseline = Double.NaN;
        for (LoadTestStep s : steps) {
            double v = latency.applyAsDouble(s);
            if (!Double.isFinite(v) || (Double.isNaN(baseline) && v <= 0)) {
                continue; // a zero baseline would make every later step "break away"
            }
            if (Double.isNaN(baseline)) {
                baseline = v;
            } else if (v > LATENCY_FACTOR * baseline) {
                return s.concurrency();
            } else if (v > 0) {
                baseline = Math.min(baseline, v);
            }
        }
        return null;
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
