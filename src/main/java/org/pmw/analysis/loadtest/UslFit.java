package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fitted Universal Scalability Law X(N) = λN / (1 + σ(N−1) + κN(N−1)).
 *
 * @param sigma           contention (serialisation) coefficient σ
 * @param kappa           coherency (crosstalk) coefficient κ
 * @param lambda          throughput of one user without contention, λ
 * @param peakConcurrency N* = √((1−σ)/κ), where throughput is highest; null when κ is 0 (no peak, throughput
 *                        only levels off towards λ/σ)
 * @param peakThroughput  X(N*), or the asymptote λ/σ when there is no peak (null when σ is 0 too)
 * @param r2              coefficient of determination of the fit on the measured throughputs
 */
@JsonPropertyOrder({"sigma", "kappa", "lambda", "peak_concurrency", "peak_throughput", "r2"})
public record UslFit(@JsonProperty("sigma") double sigma,
                     @JsonProperty("kappa") double kappa,
                     @JsonProperty("lambda") double lambda,
                     @JsonProperty("peak_concurrency") Double peakConcurrency,
                     @JsonProperty("peak_throughput") Double peakThroughput,
                     @JsonProperty("r2") double r2) {

    /** Throughput the model predicts at concurrency n. */
    public double throughputAt(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** The contention term σ(N−1) of the denominator at n. */
    public double contentionAt(double n) {
        return sigma * (n - 1);
    }

    /** The coherency term κN(N−1) of the denominator at n. */
    public double coherencyAt(double n) {
        return kappa * n * (n - 1);
    }

    @JsonIgnore
    public boolean hasPeak() {
        return peakConcurrency != null;
    }
}
