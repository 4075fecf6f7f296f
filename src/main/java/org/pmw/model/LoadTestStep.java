package org.pmw.model;

/**
 * One concurrency level of a load-test run, summarised. Latencies in milliseconds; NaN where unknown.
 *
 * @param concurrency  concurrent users, threads, VUs or connections; 0 when the source does not say
 * @param durationSec  the wall-clock length of the step's window, NaN when unknown
 * @param throughput   completed requests per second
 * @param errorRate    failed requests / requests, 0..1
 * @param apdex        Apdex score 0..1 (satisfied + tolerating / 2) / requests, NaN when the source has no samples
 * @param littleLawOk  false when N ≈ X·R is off by more than {@link #LITTLE_LAW_TOLERANCE}: the load generator
 *                     itself was saturated, users had think time, or the window was cut badly
 */
public record LoadTestStep(int concurrency, long requests, long errors, double durationSec, double throughput,
                           double meanMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double errorRate,
                           double apdex, boolean littleLawOk) {

    /** Relative difference between N and X·R above which a step is flagged. */
    public static final double LITTLE_LAW_TOLERANCE = 0.30;

    /** A step without Apdex; the Little's-law flag is computed from the other figures. */
    public LoadTestStep(int concurrency, long requests, long errors, double durationSec, double throughput,
                        double meanMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double errorRate) {
        this(concurrency, requests, errors, durationSec, throughput, meanMs, p50Ms, p90Ms, p95Ms, p99Ms, errorRate,
                Double.NaN, littleLawHolds(concurrency, throughput, meanMs));
    }

    /** X·R / N: 1 when Little's law holds exactly; NaN when concurrency, throughput or mean latency is unknown. */
    public double littleLawRatio() {
        return littleLawRatio(concurrency, throughput, meanMs);
    }

    public static double littleLawRatio(int concurrency, double throughput, double meanMs) {
        if (concurrency <= 0 || Double.isNaN(throughput) || Double.isNaN(meanMs)) {
            return Double.NaN;
        }
        return throughput * meanMs / 1000.0 / concurrency;
    }

    /** True when N ≈ X·R within the tolerance, or when it cannot be checked (unknown figures). */
    public static boolean littleLawHolds(int concurrency, double throughput, double meanMs) {
        double ratio = littleLawRatio(concurrency, throughput, meanMs);
        return Double.isNaN(ratio) || Math.abs(ratio - 1) <= LITTLE_LAW_TOLERANCE;
    }
}
