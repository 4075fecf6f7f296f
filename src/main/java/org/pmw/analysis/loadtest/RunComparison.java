package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

/**
 * Two runs compared step by step at the concurrency levels both have (e.g. the first stress test of an
 * incident against the last). Changes are after − before; throughput and p99 also as a fraction of before.
 * A level present in only one run is listed, not compared; a level repeated within a run is averaged.
 */
@JsonPropertyOrder({"before", "after", "steps", "only_before", "only_after"})
public record RunComparison(@JsonProperty("before") String before,
                            @JsonProperty("after") String after,
                            @JsonProperty("steps") List<StepDelta> steps,
                            @JsonProperty("only_before") List<Integer> onlyBefore,
                            @JsonProperty("only_after") List<Integer> onlyAfter) {

    /** One shared concurrency level; null where either side does not know the figure. */
    @JsonPropertyOrder({"concurrency", "throughput_before", "throughput_after", "throughput_change",
            "throughput_change_ratio", "p99_ms_before", "p99_ms_after", "p99_ms_change", "p99_change_ratio",
            "error_rate_before", "error_rate_after", "error_rate_change"})
    public record StepDelta(@JsonProperty("concurrency") int concurrency,
                            @JsonProperty("throughput_before") Double throughputBefore,
                            @JsonProperty("throughput_after") Double throughputAfter,
                            @JsonProperty("throughput_change") Double throughputChange,
                            @JsonProperty("throughput_change_ratio") Double throughputChangeRatio,
                            @JsonProperty("p99_ms_before") Double p99Before,
                            @JsonProperty("p99_ms_after") Double p99After,
                            @JsonProperty("p99_ms_change") Double p99Change,
                            @JsonProperty("p99_change_ratio") Double p99ChangeRatio,
                            @JsonProperty("error_rate_before") Double errorRateBefore,
                            @JsonProperty("error_rate_after") Double errorRateAfter,
                            @JsonProperty("error_rate_change") Double errorRateChange) {
    }

    public static RunComparison compare(LoadTestRun before, LoadTestRun after) {
        Map<Integer, double[]> a = byLevel(before);
        Map<Integer, double[]> b = byLevel(after);
        List<StepDelta> deltas = new ArrayList<>();
        List<Integer> onlyBefore = new ArrayList<>();
        List<Integer> onlyAfter = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            if (y == null) {
                onlyBefore.add(e.getKey());
                continue;
            }
            deltas.add(new StepDelta(e.getKey(), k(x[0]), k(y[0]), k(y[0] - x[0]), ratio(x[0], y[0]),
                    k(x[1]), k(y[1]), k(y[1] - x[1]), ratio(x[1], y[1]), k(x[2]), k(y[2]), k(y[2] - x[2])));
        }
        for (Integer level : b.keySet()) {
            if (!a.containsKey(level)) {
                onlyAfter.add(level);
            }
        }
        return new RunComparison(before.id(), after.id(), deltas, onlyBefore, onlyAfter);
    }

    /** Per level: mean throughput, p99 and error rate over the steps at that level (NaN when none knows). */
    private static Map<Integer, double[]> byLevel(LoadTestRun run) {
        Map<Integer, List<LoadTestStep>> grouped = new TreeMap<>();
        for (LoadTestStep s : run.steps()) {
            grouped.computeIfAbsent(s.concurrency(), c -> new ArrayList<>()).add(s);
        }
        Map<Integer, double[]> result = new TreeMap<>();
        grouped.forEach((level, steps) -> result.put(level, new double[] {
                mean(steps.stream().mapToDouble(LoadTestStep::throughput).toArray()),
                mean(steps.stream().mapToDouble(LoadTestStep::p99Ms).toArray()),
                mean(steps.stream().mapToDouble(LoadTestStep::errorRate).toArray())}));
        return result;
    }

    private static double mean(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static Double ratio(double before, double after) {
        return Double.isFinite(before) && Double.isFinite(after) && before != 0 ? (after - before) / before : null;
    }

    private static Double k(double v) {
        return StepResult.known(v);
    }
}
