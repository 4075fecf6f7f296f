package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a run saturates.
 *
 * @param kneeConcurrency          the Kneedle knee of throughput against concurrency, null when there is none
 * @param kneeNote                 why there is no knee, or null
 * @param usl                      the USL fit, null when it could not be made
 * @param uslRefused               why there is no USL fit, or null
 * @param limit                    "contention" (σ term dominates at the highest tested load), "coherency"
 *                                 (κ term dominates) or null without a fit
 * @param errorsStartConcurrency   first step whose errors break away (see {@link Breakaway}), or null
 * @param latencyBreaksConcurrency first step whose tail latency breaks away, or null
 * @param latencyMetric            which latency was compared (p99_ms, else p95_ms, else mean_ms)
 * @param thinkTimeMs              the users' think time inferred from Little's law, or null (see {@link LittlesLaw})
 * @param littleLawOff             levels whose figures miss Little's law, with that think time
 * @param summary                  the findings in a sentence or three
 */
@JsonPropertyOrder({"knee_concurrency", "knee_note", "usl", "usl_refused", "limit", "errors_start_concurrency",
        "latency_breaks_concurrency", "latency_metric", "think_time_ms", "little_law_off", "summary"})
public record Saturation(@JsonProperty("knee_concurrency") Integer kneeConcurrency,
                         @JsonProperty("knee_note") String kneeNote,
                         @JsonProperty("usl") UslFit usl,
                         @JsonProperty("usl_refused") String uslRefused,
                         @JsonProperty("limit") String limit,
                         @JsonProperty("errors_start_concurrency") Integer errorsStartConcurrency,
                         @JsonProperty("latency_breaks_concurrency") Integer latencyBreaksConcurrency,
                         @JsonProperty("latency_metric") String latencyMetric,
                         @JsonProperty("think_time_ms") Double thinkTimeMs,
                         @JsonProperty("little_law_off") java.util.List<Integer> littleLawOff,
                         @JsonProperty("summary") String summary) {
}
