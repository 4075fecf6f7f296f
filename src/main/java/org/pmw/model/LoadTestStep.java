package org.pmw.model;

/**
 * One concurrency level of a load-test run, summarised. Latencies in milliseconds; NaN where unknown.
 */
public record LoadTestStep(int concurrency, long requests, long errors, double durationSec, double throughput,
                           double meanMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double errorRate) {
}
