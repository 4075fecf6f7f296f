package org.pmw.ingest.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pmw.model.LoadTestStep;

/**
 * Groups samples by the concurrency they ran at and summarises each level as a {@link LoadTestStep}:
 * throughput over the level's own window, nearest-rank percentiles, error rate, Apdex and the Little's-law check.
 * <p>
 * A level's window is the span of the times the tool stamped its samples with, plus one median request: for
 * users sending requests back to back that is exactly the time they ran. It is not first start to last end:
 * one request that times out 30 s after its step ended would stretch that window, and cut the throughput, of
 * the very step where errors begin. A level visited at separate times (threads stopping one by one at the end
 * of the test pass through every level again) is timed as the sum of its visits: a visit ends where no sample of
 * the level is stamped for longer than its slowest request, and than {@value #VISIT_GAP_FACTOR} of its usual gaps,
 * plus a second.
 * <p>
 * Levels holding less than {@value #TRANSITIONAL_SHARE_PERCENT}% of all samples are ramp-up or ramp-down
 * moments, not steps: they are left out and a note says how many samples that was. When no sample says its
 * concurrency, the whole file is one step whose concurrency is estimated as the mean number of requests in
 * flight (total busy time / window), and a note says so.
 */
public final class StepAggregator {

    /** Apdex "satisfied" threshold T in ms (JMeter's dashboard default). */
    public static final double APDEX_SATISFIED_MS = 500;
    /** Apdex "tolerated" threshold F in ms (JMeter's dashboard default). */
    public static final double APDEX_TOLERATED_MS = 1500;
    static final int TRANSITIONAL_SHARE_PERCENT = 1;
    static final int VISIT_GAP_FACTOR = 20;

    private final double satisfiedMs;
    private final double toleratedMs;
    private long startResolutionMs;
    private boolean stampedAtEnd;
    private final Map<Integer, Level> levels = new TreeMap<>();
    private long samples;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    public StepAggregator() {
        this(APDEX_SATISFIED_MS, APDEX_TOLERATED_MS);
    }

    public StepAggregator(double satisfiedMs, double toleratedMs) {
        this.satisfiedMs = satisfiedMs;
        this.toleratedMs = toleratedMs;
    }

    /**
     * @param concurrency the number of concurrent users when the sample ran, 0 when unknown
     * @param startMs     the sample's start, epoch ms
     */
    public void add(int concurrency, long startMs, double durationMs, boolean success) {
        Level level = levels.computeIfAbsent(Math.max(0, concurrency), c -> new Level());
        level.add(startMs, durationMs, success);
        samples++;
        firstStart = Math.min(firstStart, startMs);
        lastEnd = Math.max(lastEnd, startMs + (long) Math.ceil(durationMs));
    }

    /**
     * Start times known only to this resolution (ab -g: whole seconds) widen every window by it, since the
     * first request may have started at the beginning of its second and the last one at the end of its.
     */
    public StepAggregator startResolution(long ms) {
        this.startResolutionMs = Math.max(0, ms);
        return this;
    }

    /** The tool stamps a sample when it ended (k6), not when it started: the windows are spans of those stamps. */
    public StepAggregator stampedAtEnd() {
        this.stampedAtEnd = true;
        return this;
    }

    public long samples() {
        return samples;
    }

    /** Start of the earliest sample, or null when there were none. */
    public Instant start() {
        return samples == 0 ? null : Instant.ofEpochMilli(firstStart);
    }

    /** End of the latest sample, or null when there were none. */
    public Instant end() {
        return samples == 0 ? null : Instant.ofEpochMilli(lastEnd);
    }

    /** The steps, by concurrency; what was left out and why is added to {@code notes}. */
    public List<LoadTestStep> steps(List<String> notes) {
        List<LoadTestStep> steps = new ArrayList<>();
        if (samples == 0) {
            return steps;
        }
        Level unknown = levels.get(0);
        if (unknown != null && levels.size() == 1) {
            double busyMs = unknown.sumMs;
            double windowMs = unknown.windowMs(unknown.sortedDurations());
            int estimated = windowMs > 0 ? (int) Math.max(1, Math.round(busyMs / windowMs)) : 1;
            notes.add("the samples do not record concurrency; estimated as " + estimated
                    + " from the mean number of requests in flight");
            steps.add(unknown.summarise(estimated));
            return steps;
        }
        if (unknown != null) {
            notes.add(unknown.count + " samples without a thread count were left out of the steps");
        }
        if (isRamp()) {
            return rampSteps(notes);
        }
        long transitionalSamples = 0;
        int transitionalLevels = 0;
        for (Map.Entry<Integer, Level> entry : levels.entrySet()) {
            if (entry.getKey() == 0) {
                continue;
            }
            Level level = entry.getValue();
            if (level.count * 100 < samples * TRANSITIONAL_SHARE_PERCENT) {
                transitionalSamples += level.count;
                transitionalLevels++;
                continue;
            }
            steps.add(level.summarise(entry.getKey()));
        }
        if (transitionalLevels > 0) {
            notes.add(transitionalSamples + " samples at " + transitionalLevels
                    + " short-lived concurrency levels (ramp-up or ramp-down, under " + TRANSITIONAL_SHARE_PERCENT
                    + "% of the samples each) were left out of the steps");
        }
        return steps;
    }

    /** Steps of a ramp: most samples ran at levels that each lasted only a moment. */
    private boolean isRamp() {
        long shortLived = 0;
        for (Map.Entry<Integer, Level> e : levels.entrySet()) {
            if (e.getKey() != 0 && e.getValue().count * 100 < samples * TRANSITIONAL_SHARE_PERCENT) {
                shortLived += e.getValue().count;
            }
        }
        return shortLived * 2 > samples;
    }

    /**
     * A continuous ramp (threads added one by one) has no plateaus: its levels are grouped into about a dozen
     * bands of equal width, each summarised as one step at the band's mean concurrency.
     */
    private List<LoadTestStep> rampSteps(List<String> notes) {
        int max = 0;
        for (int level : levels.keySet()) {
            max = Math.max(max, level);
        }
        int width = bandWidth(max / 12.0);
        Map<Integer, Level> bands = new TreeMap<>();
        Map<Integer, long[]> weighted = new TreeMap<>();
        for (Map.Entry<Integer, Level> e : levels.entrySet()) {
            if (e.getKey() == 0) {
                continue;
            }
            int band = (e.getKey() - 1) / width;
            bands.computeIfAbsent(band, b -> new Level()).absorb(e.getValue());
            long[] w = weighted.computeIfAbsent(band, b -> new long[2]);
            w[0] += (long) e.getKey() * e.getValue().count;
            w[1] += e.getValue().count;
        }
        List<LoadTestStep> steps = new ArrayList<>();
        for (Map.Entry<Integer, Level> e : bands.entrySet()) {
            long[] w = weighted.get(e.getKey());
            steps.add(e.getValue().summarise((int) Math.round((double) w[0] / w[1])));
        }
        notes.add("a ramp of " + (levels.size() - (levels.containsKey(0) ? 1 : 0))
                + " concurrency levels was grouped into bands of " + width + " users, one step per band");
        return steps;
    }

    private static int bandWidth(double raw) {
        for (int w : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
            if (w >= raw) {
                return w;
            }
        }
        return 1000;
    }

    /** Nearest-rank percentile of sorted values (p in 0..100), NaN for none. */
    static double percentile(double[] sorted, int length, double p) {
        if (length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * length);
        return sorted[Math.min(length, Math.max(1, rank)) - 1];
    }

    /** One concurrency level's samples; reads the aggregator's Apdex thresholds. */
    private final class Level {
        private double[] durations = new double[64];
        private long[] stamps = new long[64];
        private int count;
        private long errors;
        private double sumMs;
        private long satisfied;
        private long tolerating;

        void add(long startMs, double durationMs, boolean success) {
            if (count == durations.length) {
                durations = Arrays.copyOf(durations, count * 2);
                stamps = Arrays.copyOf(stamps, count * 2);
            }
            stamps[count] = stampedAtEnd ? startMs + Math.round(durationMs) : startMs;
            durations[count++] = durationMs;
            sumMs += durationMs;
            // a failed request frustrates the user however fast it failed
            if (!success) {
                errors++;
            } else if (durationMs <= satisfiedMs) {
                satisfied++;
            } else if (durationMs <= toleratedMs) {
                tolerating++;
            }
        }

        void absorb(Level other) {
            if (count + other.count > durations.length) {
                durations = Arrays.copyOf(durations, count + other.count);
                stamps = Arrays.copyOf(stamps, count + other.count);
            }
            System.arraycopy(other.durations, 0, durations, count, other.count);
            System.arraycopy(other.stamps, 0, stamps, count, other.count);
            count += other.count;
            errors += other.errors;
            sumMs += other.sumMs;
            satisfied += other.satisfied;
            tolerating += other.tolerating;
        }

        double[] sortedDurations() {
            double[] sorted = Arrays.copyOf(durations, count);
            Arrays.sort(sorted);
            return sorted;
        }

        /** The time the level ran, in ms: per visit, the span of its stamps plus one median request. */
        double windowMs(double[] sortedDurations) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(stamps, count);
            Arrays.sort(sorted);
            long[] gaps = new long[count - 1];
            for (int i = 1; i < count; i++) {
                gaps[i - 1] = sorted[i] - sorted[i - 1];
            }
            long[] sortedGaps = gaps.clone();
            Arrays.sort(sortedGaps);
            long usualGap = sortedGaps.length == 0 ? 0 : sortedGaps[sortedGaps.length / 2];
            double longest = sortedDurations[count - 1];
            double visitGap = Math.max(longest, (double) VISIT_GAP_FACTOR * usualGap) + 1000;
            double perVisit = percentile(sortedDurations, count, 50) + startResolutionMs;
            double window = perVisit;
            for (long gap : gaps) {
                window += gap > visitGap ? perVisit : gap;
            }
            return window;
        }

        LoadTestStep summarise(int concurrency) {
            double[] sorted = sortedDurations();
            double windowSec = windowMs(sorted) / 1000.0;
            double throughput = windowSec > 0 ? count / windowSec : Double.NaN;
            double mean = sumMs / count;
            double apdex = (satisfied + tolerating / 2.0) / count;
            return new LoadTestStep(concurrency, count, errors, windowSec > 0 ? windowSec : Double.NaN, throughput,
                    mean, percentile(sorted, count, 50), percentile(sorted, count, 90), percentile(sorted, count, 95),
                    percentile(sorted, count, 99), (double) errors / count, apdex,
                    LoadTestStep.littleLawHolds(concurrency, throughput, mean));
        }
    }
}
