package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pmw.model.LoadTestStep;

/**
 * One step as the analysis reports it; unknown figures are null (JSON has no NaN). The Little's-law ratio is
 * X·(R + Z) / N with the run's inferred think time Z (0 when it shows none).
 */
@JsonPropertyOrder({"concurrency", "requests", "errors", "duration_s", "throughput", "mean_ms", "p50_ms", "p90_ms",
        "p95_ms", "p99_ms", "error_rate", "apdex", "little_law_ratio", "little_law_ok"})
public record StepResult(@JsonProperty("concurrency") int concurrency,
                         @JsonProperty("requests") long requests,
                         @JsonProperty("errors") long errors,
                         @JsonProperty("duration_s") Double durationSec,
                         @JsonProperty("throughput") Double throughput,
                         @JsonProperty("mean_ms") Double meanMs,
                         @JsonProperty("p50_ms") Double p50Ms,
                         @JsonProperty("p90_ms") Double p90Ms,
                         @JsonProperty("p95_ms") Double p95Ms,
                         @JsonProperty("p99_ms") Double p99Ms,
                         @JsonProperty("error_rate") Double errorRate,
                         @JsonProperty("apdex") Double apdex,
                         @JsonProperty("little_law_ratio") Double littleLawRatio,
                         @JsonProperty("little_law_ok") boolean littleLawOk) {

    public static StepResult of(LoadTestStep s, double thinkTimeMs) {
        return new StepResult(s.concurrency(), s.requests(), s.errors(), known(s.durationSec()), known(s.throughput()),
                known(s.meanMs()), known(s.p50Ms()), known(s.p90Ms()), known(s.p95Ms()), known(s.p99Ms()),
                known(s.errorRate()), known(s.apdex()), known(LittlesLaw.ratio(s, thinkTimeMs)),
                LittlesLaw.holds(s, thinkTimeMs));
    }

    static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
