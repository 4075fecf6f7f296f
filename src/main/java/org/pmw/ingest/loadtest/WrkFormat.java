package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.LoadTestStep;

/**
 * What wrk prints ("Running 30s test @ URL", "N threads and M connections", the thread stats, the latency
 * distribution with {@code --latency}, "N requests in Ts", socket errors, non-2xx/3xx responses). Each report
 * is one step at M connections; several reports in one file give several steps. Errors are the socket errors
 * (connect, read, write, timeout) plus the non-2xx/3xx responses. Totals only, so no sample events.
 */
public final class WrkFormat implements Format {

    static final String NAME = "wrk";
    private static final Pattern RUNNING = Pattern.compile("^Running (\\S+) test @ (\\S+)");
    private static final Pattern CONNECTIONS = Pattern.compile("^\\s*(\\d+) threads? and (\\d+) connections?");
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+(\\S+)\\s*$");
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in (\\S+?),");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+(\\S+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "wrk (and wrk2) report, one or more runs";
    }

    @Override
    public String example() {
        return "Running 30s test @ http://www.example.com/index.php";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        boolean running = false;
        boolean connections = false;
        for (String line : sample.lines()) {
            running |= RUNNING.matcher(line).find();
            connections |= CONNECTIONS.matcher(line).find();
        }
        return running && connections ? 0.95 : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        List<LoadTestStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("wrk prints totals, not samples: no sample events");
        Report r = null;
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                long number = reader.lineNumber();
                Matcher m = RUNNING.matcher(line);
                if (m.find()) {
                    if (r != null) {
                        finish(r, ctx, steps);
                    }
                    r = new Report(number);
                    notes.add("target " + m.group(2));
                    continue;
                }
                if (r == null) {
                    continue;
                }
                if ((m = CONNECTIONS.matcher(line)).find()) {
                    r.connections = Integer.parseInt(m.group(2));
                } else if ((m = LATENCY.matcher(line)).find()) {
                    Double avg = Values.durationMs(m.group(1));
                    if (avg == null) {
                        ctx.skip(number, "latency average '" + m.group(1) + "' is not a duration like 12.3ms");
                    } else {
                        r.meanMs = avg;
                    }
                } else if ((m = PERCENTILE.matcher(line)).find()) {
                    Double ms = Values.durationMs(m.group(2));
                    if (ms == null) {
                        ctx.skip(number, "percentile '" + m.group(2) + "' is not a duration like 12.3ms");
                    } else {
                        r.percentile(Double.parseDouble(m.group(1)), ms);
                    }
                } else if ((m = REQUESTS.matcher(line)).find()) {
                    r.requests = Long.parseLong(m.group(1));
                    Double ms = Values.durationMs(m.group(2));
                    r.seconds = ms == null ? Double.NaN : ms / 1000.0;
                } else if ((m = SOCKET.matcher(line)).find()) {
                    r.errors += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
                            + Long.parseLong(m.group(4));
                } else if ((m = NON_2XX.matcher(line)).find()) {
                    r.errors += Long.parseLong(m.group(1));
                } else if ((m = RPS.matcher(line)).find()) {
                    Double rps = Values.count(m.group(1));
                    if (rps == null || rps < 0) {
                        ctx.skip(number, "Requests/sec '" + m.group(1) + "' is not a non-negative number");
                    } else {
                        r.rps = rps;
                    }
                }
            }
        }
        if (r != null) {
            finish(r, ctx, steps);
        }
        if (steps.isEmpty() && ctx.skipped() == 0) {
            throw new FormatException(input.fileName() + ": line 1: no complete wrk report; expected 'Running ... test"
                    + " @ URL', 'N threads and M connections' and 'N requests in T'");
        }
        steps.sort(Comparator.comparingInt(LoadTestStep::concurrency));
        sink.loadTestRun(Runs.of(ctx, NAME, steps, null, null, notes));
    }

    private static void finish(Report r, ParseContext ctx, List<LoadTestStep> steps) {
        if (r.connections <= 0 || r.requests < 0) {
            ctx.skip(r.line, "the wrk report is missing 'N threads and M connections' or 'N requests in T'");
            return;
        }
        double throughput = !Double.isNaN(r.rps) ? r.rps
                : (r.seconds > 0 ? r.requests / r.seconds : Double.NaN);
        steps.add(new LoadTestStep(r.connections, r.requests, r.errors, r.seconds, throughput, r.meanMs,
                r.p[0], r.p[1], r.p[2], r.p[3], r.requests > 0 ? Math.min(1.0, (double) r.errors / r.requests)
                : Double.NaN, Double.NaN, LoadTestStep.littleLawHolds(r.connections, throughput, r.meanMs)));
    }

    /** One wrk report being read. */
    private static final class Report {
        final long line;
        int connections;
        long requests = -1;
        long errors;
        double seconds = Double.NaN;
        double rps = Double.NaN;
        double meanMs = Double.NaN;
        /** p50, p90, p95, p99. */
        final double[] p = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

        Report(long line) {
            this.line = line;
        }

        void percentile(double percent, double ms) {
            if (percent == 50) {
                p[0] = ms;
            } else if (percent == 90) {
                p[1] = ms;
            } else if (percent == 95) {
                p[2] = ms;
            } else if (percent == 99) {
                p[3] = ms;
            }
        }
    }
}
