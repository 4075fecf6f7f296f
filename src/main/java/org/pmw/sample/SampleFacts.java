package org.pmw.sample;

import java.util.List;
import java.util.Map;

/**
 * The numbers the generated sample contains, counted while the files were written. Times are
 * ISO-8601 strings (local with offset, and UTC); hour keys are local hours such as
 * {@code 2005-10-10T14:00-04:00}. Written as {@code facts.json} next to the evidence.
 */
public record SampleFacts(
        long seed,
        double scale,
        String zone,
        String logStartLocal,
        String logEndLocal,
        String logStartUtc,
        String logEndUtc,
        long totalRequests,
        Map<String, Long> requestsPerVm,
        Map<String, Long> requestsPerStatus,
        long responses5xx,
        long responses500,
        long responses503,
        long segfaults,
        Map<String, Long> segfaultsPerVm,
        Map<String, Long> segfaultsPerHour,
        Map<String, Map<String, Long>> segfaultsPerHourPerVm,
        long tooManyConnectionsWarnings,
        long lostConnectionWarnings,
        long mysqlAbortedConnections,
        long maxClientsReached,
        List<Burst> bursts,
        Thresholds thresholds,
        String pushLocal,
        String pushUtc,
        CleanPeriod afterPush,
        List<LoadTestLevel> loadTests,
        JMeterRun jmeter,
        List<String> files) {

    /**
     * A burst of failures: 5xx responses and segfaults no more than {@link #GAP_SECONDS} apart.
     */
    public record Burst(String startLocal, String endLocal, String startUtc, String endUtc, long segfaults,
                        long responses5xx, long tooManyConnections, double peakConcurrency) {
        /** Failures further apart than this start a new burst. */
        public static final int GAP_SECONDS = 600;
    }

    /** Site-wide concurrency thresholds the system was generated with, and the traffic peaks. */
    public record Thresholds(int before, int afterChanges12, int afterChange3, double peakConcurrencyBeforePush,
                             double peakConcurrencyAfterPush) {
    }

    /** The monitored period after the push: from 18:00 local to the end of the logs. */
    public record CleanPeriod(String fromLocal, String toLocal, String fromUtc, String toUtc, long minutes,
                              long requests, double requestsPerMinute, long segfaults, long connectionErrors,
                              long responses5xx) {
    }

    /** One ApacheBench level as written: {@code aborted} when ab gave up (connection reset by peer). */
    public record LoadTestLevel(String run, String file, String startedLocal, int concurrency, long requests,
                                long completed, long failed, long non2xx, double requestsPerSecond, double meanMs,
                                boolean aborted) {
    }

    /** The JMeter ramp: rows written, errors, and the active-thread count at the first error. */
    public record JMeterRun(String file, String startedLocal, String endedLocal, long samples, long errors,
                            int maxThreads, int threadsAtFirstError) {
    }
}
