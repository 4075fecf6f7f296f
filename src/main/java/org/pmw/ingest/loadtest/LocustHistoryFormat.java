package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;
import org.pmw.model.LoadTestStep;

/**
 * Locust's {@code *_stats_history.csv}: a row every few seconds with the user count, the current requests and
 * failures per second and the recent response-time percentiles. Every row becomes an event. The "Aggregated"
 * rows are grouped by user count into steps: percentiles are the rows' values weighted by their requests/s, and
 * requests, failures and the mean latency come from the growth of the running totals while the test ran at
 * that user count. So does throughput, over the time of the step's rows: each row's growth is timed by the
 * interval since the row before it, so a user count visited twice (up the ramp and back down) is timed by its
 * visits, not from its first row to its last with the other levels in between. The rows' own requests/s is
 * Locust's mean of the last 10 s, which for the first rows of a step is still the step before's (it is the
 * fallback for a file without running totals). A user count seen in fewer than
 * {@value #MIN_ROWS} rows is a moment of the ramp, not a step, and is left out (with a note).
 */
public final class LocustHistoryFormat implements Format {

    static final String NAME = "locust_history";
    static final int MIN_ROWS = 3;
    private static final Pattern USERS_IN_NAME = Pattern.compile("(?:^|[^a-z])(?:u|users?)[-_]?(\\d+)(?:[^0-9]|$)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Locust *_stats_history.csv (user count and rates over time)";
    }

    @Override
    public String example() {
        return "1128952931,50,,Aggregated,40.10,0.12,99,120,140,150,190,240,310,420,900,2300,2300,12000,36,99,118.2,4,2301,5120";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        List<String> header = CsvTable.header(sample.lines());
        return header.contains("Timestamp") && header.contains("User Count") && header.contains("Requests/s")
                ? 0.95 : 0;
    }

    /** A user count written into a Locust file name ("run_u50_stats.csv", "users-200_stats.csv"), else 0. */
    static int usersFromFileName(String fileName) {
        Matcher m = USERS_IN_NAME.matcher(Runs.baseName(fileName).toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        Map<Integer, Step> steps = new TreeMap<>();
        long[] rows = {0};
        long[] window = {Long.MAX_VALUE, Long.MIN_VALUE};
        Totals totals = new Totals();
        CsvTable.read(input, "Locust stats history", List.of("Timestamp", "User Count", "Name",
                "Requests/s"), row -> {
                    Long ts = Values.longOrNull(row.get("Timestamp"));
                    Long users = Values.longOrNull(row.get("User Count"));
                    Double rps = Values.doubleOrNull(row.get("Requests/s"));
                    Double fps = Values.doubleOrNull(row.get("Failures/s"));
                    if (ts == null || ts < 0) {
                        ctx.skip(row.line(), "Timestamp '" + row.get("Timestamp") + "' is not epoch seconds");
                        return;
                    }
                    if (users == null || users < 0) {
                        ctx.skip(row.line(), "User Count '" + row.get("User Count") + "' is not a non-negative number");
                        return;
                    }
                    if (rps == null || rps < 0 || (fps != null && fps < 0)) {
                        ctx.skip(row.line(), "Requests/s '" + row.get("Requests/s")
                                + "' is not a non-negative number (no requests yet in this interval)");
                        return;
                    }
                    String name = row.get("Name");
                    long epochMs = ts * 1000;
                    window[0] = Math.min(window[0], epochMs);
                    window[1] = Math.max(window[1], epochMs);
                    double p50 = percentile(row, "50%");
                    double p95 = percentile(row, "95%");
                    double p99 = percentile(row, "99%");
                    double failures = fps == null ? 0 : fps;
                    Event.Builder b = Event.builder().ts(epochMs).tsText(row.get("Timestamp")).source(ctx.sourceId())
                            .line(row.line()).host(ctx.host()).kind(EventKind.SAMPLE)
                            .level(failures > 0 ? Level.WARN : Level.INFO).raw(row.raw())
                            .field("label", name).field("threads", users)
                            .field("requests_per_s", rps).field("failures_per_s", failures)
                            .message(String.format(Locale.ROOT, "%s %d users %.2f req/s %.2f fail/s p50 %s ms p95 %s ms",
                                    name == null ? "" : name, users, rps, failures, SampleEvents.formatMs(p50),
                                    SampleEvents.formatMs(p95)));
                    for (var p : new double[][] {{50, p50}, {95, p95}, {99, p99}}) {
                        if (!Double.isNaN(p[1])) {
                            b.field("p" + (int) p[0] + "_ms", SampleEvents.number(p[1]));
                        }
                    }
                    sink.event(b.build());
                    if (!"Aggregated".equalsIgnoreCase(name) || users == 0) {
                        return;
                    }
                    rows[0]++;
                    Step step = steps.computeIfAbsent(users.intValue(), u -> new Step());
                    step.add(rps, failures, p50, percentile(row, "90%"), p95, p99);
                    totals.advance(row, epochMs, step);
                });
        List<String> notes = new ArrayList<>();
        List<LoadTestStep> result = new ArrayList<>();
        long rampRows = 0;
        for (Map.Entry<Integer, Step> e : steps.entrySet()) {
            if (e.getValue().rows < MIN_ROWS) {
                rampRows += e.getValue().rows;
                continue;
            }
            result.add(e.getValue().summarise(e.getKey()));
        }
        if (rampRows > 0) {
            notes.add(rampRows + " history rows at user counts held for fewer than " + MIN_ROWS
                    + " rows (the ramp) were left out of the steps");
        }
        Instant start = rows[0] == 0 ? null : Instant.ofEpochMilli(window[0]);
        Instant end = rows[0] == 0 ? null : Instant.ofEpochMilli(window[1]);
        sink.loadTestRun(Runs.of(ctx, NAME, result, start, end, notes));
    }

    private static double percentile(CsvTable.Row row, String column) {
        return LocustStatsFormat.orNaN(Values.doubleOrNull(row.get(column)));
    }

    /** The running totals of the Aggregated rows; each row's growth is credited to the step it ran in. */
    private static final class Totals {
        private double count;
        private double failures;
        private double responseTimeSum;
        private long previousMs = Long.MIN_VALUE;

        void advance(CsvTable.Row row, long epochMs, Step step) {
            Double total = Values.doubleOrNull(row.get("Total Request Count"));
            Double failed = Values.doubleOrNull(row.get("Total Failure Count"));
            Double average = Values.doubleOrNull(row.get("Total Average Response Time"));
            if (total == null || total < count) {
                return;
            }
            double sum = average == null ? Double.NaN : average * total;
            step.requests += total - count;
            step.grownRows++;
            if (previousMs != Long.MIN_VALUE) {
                step.timedMs += epochMs - previousMs;
                step.timedRows++;
            }
            previousMs = epochMs;
            if (failed != null && failed >= failures) {
                step.failures += failed - failures;
                failures = failed;
            }
            step.responseTimeSum += sum - responseTimeSum;
            count = total;
            responseTimeSum = sum;
        }
    }

    /** One user count's rows. */
    private static final class Step {
        private int rows;
        private double rpsSum;
        private double fpsSum;
        private final double[] weighted = new double[4];
        private final double[] weights = new double[4];
        private double requests;
        private double failures;
        private double responseTimeSum;
        /** Rows whose growth of the running totals was credited to this step. */
        private int grownRows;
        /** Of those, the ones with a row before them, and the sum of their intervals since it. */
        private int timedRows;
        private long timedMs;

        void add(double rps, double fps, double... percentiles) {
            rows++;
            rpsSum += rps;
            fpsSum += fps;
            for (int i = 0; i < percentiles.length; i++) {
                if (!Double.isNaN(percentiles[i]) && rps > 0) {
                    weighted[i] += percentiles[i] * rps;
                    weights[i] += rps;
                }
            }
        }

        LoadTestStep summarise(int users) {
            double throughput = rpsSum / rows;
            if (requests > 0 && timedRows > 0 && timedMs > 0) {
                // the file's first row grew the totals over an interval it does not show: take the step's usual one
                double seconds = timedMs / 1000.0 * grownRows / timedRows;
                throughput = requests / seconds;
            }
            double errorRate = rpsSum > 0 ? fpsSum / rpsSum : Double.NaN;
            double mean = requests > 0 ? responseTimeSum / requests : Double.NaN;
            long total = Math.round(requests);
            long failed = Math.round(failures);
            if (total == 0) {
                // no running totals in the file: estimate from the rates
                errorRate = rpsSum > 0 ? fpsSum / rpsSum : Double.NaN;
            } else if (failed > 0 || fpsSum == 0) {
                errorRate = (double) failed / total;
            }
            return new LoadTestStep(users, total, failed, throughput > 0 ? total / throughput : Double.NaN,
                    throughput, mean, at(0), at(1), at(2), at(3), errorRate, Double.NaN,
                    LoadTestStep.littleLawHolds(users, throughput, mean));
        }

        private double at(int i) {
            return weights[i] > 0 ? weighted[i] / weights[i] : Double.NaN;
        }
    }
}
