package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.util.ArrayList;
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
 * What ApacheBench ({@code ab -n 10000 -c 50 http://...}) prints. Each report is one step at its
 * "Concurrency Level"; a file holding several reports one after the other (a shell loop over {@code -c})
 * gives one run with several steps, and several files of one report each are joined into a series by
 * {@code LoadTestSeries.merge}. ab prints totals, not samples, so there are no sample events.
 * <p>
 * Errors are the "Non-2xx responses" plus the failed requests that are not "Length" failures: ab counts a
 * response whose length differs from the first one as failed, which on a dynamic page means nothing. The mean
 * latency is the "Total" mean of the connection-times table when present (the time a request took), else
 * ab's "Time per request (mean)".
 */
public final class ApacheBenchFormat implements Format {

    static final String NAME = "ab";
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9 -]*):\\s+(.*)$");
    private static final Pattern PERCENT = Pattern.compile("^\\s*(\\d+)%\\s+(\\d+(?:\\.\\d+)?)");
    private static final Pattern FAILED_BREAKDOWN = Pattern.compile(
            "\\(Connect: (\\d+), (?:Receive: (\\d+), )?Length: (\\d+), Exceptions: (\\d+)\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ApacheBench (ab) report, one or more runs at different -c";
    }

    @Override
    public String example() {
        return "This is ApacheBench, Version 2.0.41-dev <$Revision: 1.141 $> apache-2.0";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        boolean banner = false;
        boolean concurrency = false;
        boolean rps = false;
        for (String line : sample.lines()) {
            banner |= line.startsWith("This is ApacheBench");
            concurrency |= line.startsWith("Concurrency Level:");
            rps |= line.startsWith("Requests per second:");
        }
        if (banner) {
            return 0.95;
        }
        return concurrency && rps ? 0.9 : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        List<LoadTestStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("ab prints totals, not samples: no sample events");
        Report report = null;
        String target = null;
        boolean aborted = false;
        try (LineReader reader = input.lines()) {
            String line;
            boolean percentiles = false;
            while ((line = reader.next()) != null) {
                long number = reader.lineNumber();
                if (line.startsWith("Concurrency Level:")) {
                    if (report != null) {
                        finish(report, ctx, steps, notes);
                    }
                    report = new Report(number);
                    percentiles = false;
                }
                if (line.startsWith("Percentage of the requests served")) {
                    percentiles = true;
                    continue;
                }
                if (report != null && percentiles) {
                    Matcher p = PERCENT.matcher(line);
                    if (p.find()) {
                        report.percentile(Integer.parseInt(p.group(1)), Double.parseDouble(p.group(2)));
                        continue;
                    }
                    percentiles = false;
                }
                if (line.startsWith("apr_") || (line.startsWith("Total of ") && line.contains("requests completed"))) {
                    // ab gives up on the first socket error: at high -c that is the finding, not a broken file
                    aborted = true;
                    notes.add("ab stopped early at line " + number + ": " + line.trim());
                    continue;
                }
                if (report != null && report.breakdown(line)) {
                    continue;
                }
                Matcher f = FIELD.matcher(line.trim());
                if (!f.matches()) {
                    continue;
                }
                String key = f.group(1).trim();
                String value = f.group(2).trim();
                if (key.equals("Server Hostname")) {
                    target = value;
                    continue;
                }
                if (report == null) {
                    continue;
                }
                String problem = report.field(key, value);
                if (problem != null) {
                    ctx.skip(number, problem);
                }
            }
        }
        if (report != null) {
            finish(report, ctx, steps, notes);
        }
        if (steps.isEmpty() && ctx.skipped() == 0 && !aborted) {
            throw new FormatException(input.fileName() + ": no 'Concurrency Level:' line; expected the full report"
                    + " ab prints at the end of a run (did ab stop before it finished?)");
        }
        if (target != null) {
            notes.add("target host " + target);
        }
        steps.sort(java.util.Comparator.comparingInt(LoadTestStep::concurrency));
        sink.loadTestRun(Runs.of(ctx, NAME, steps, null, null, notes));
    }

    private static void finish(Report r, ParseContext ctx, List<LoadTestStep> steps, List<String> notes) {
        if (r.concurrency <= 0 || r.complete < 0 || Double.isNaN(r.seconds)) {
            ctx.skip(r.line, "the report is missing Concurrency Level, Time taken for tests or Complete requests");
            return;
        }
        long errors = r.non2xx + (r.breakdown ? r.failedNotLength : r.failed);
        if (r.breakdown && r.lengthFailures > 0) {
            notes.add("-c " + r.concurrency + ": " + r.lengthFailures + " 'Length' failures not counted as errors"
                    + " (a dynamic page's length varies)");
        }
        double throughput = !Double.isNaN(r.rps) ? r.rps : (r.seconds > 0 ? r.complete / r.seconds : Double.NaN);
        double mean = !Double.isNaN(r.totalMean) ? r.totalMean : r.timePerRequest;
        steps.add(new LoadTestStep(r.concurrency, r.complete, errors, r.seconds, throughput, mean,
                r.percentiles[0], r.percentiles[1], r.percentiles[2], r.percentiles[3],
                r.complete > 0 ? (double) errors / r.complete : Double.NaN, Double.NaN,
                LoadTestStep.littleLawHolds(r.concurrency, throughput, mean)));
    }

    /** One ab report being read. */
    private static final class Report {
        final long line;
        int concurrency;
        double seconds = Double.NaN;
        long complete = -1;
        long failed;
        long failedNotLength;
        long lengthFailures;
        boolean breakdown;
        long non2xx;
        double rps = Double.NaN;
        double timePerRequest = Double.NaN;
        double totalMean = Double.NaN;
        /** p50, p90, p95, p99. */
        final double[] percentiles = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

        Report(long line) {
            this.line = line;
        }

        void percentile(int p, double ms) {
            switch (p) {
                case 50 -> percentiles[0] = ms;
                case 90 -> percentiles[1] = ms;
                case 95 -> percentiles[2] = ms;
                case 99 -> percentiles[3] = ms;
                default -> { }
            }
        }

        /** Takes one "Key: value" line; returns why it is unusable, or null. */
        /** Takes the "(Connect: 0, Receive: 0, Length: 12, Exceptions: 0)" line under "Failed requests". */
        boolean breakdown(String line) {
            Matcher m = FAILED_BREAKDOWN.matcher(line);
            if (!m.find()) {
                return false;
            }
            breakdown = true;
            lengthFailures = Long.parseLong(m.group(3));
            // ab before 2.2 prints no Receive count
            long receive = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            failedNotLength = Long.parseLong(m.group(1)) + receive + Long.parseLong(m.group(4));
            return true;
        }

        String field(String key, String value) {
            switch (key) {
                case "Concurrency Level", "Time taken for tests", "Complete requests", "Failed requests",
                     "Non-2xx responses", "Requests per second", "Time per request", "Total" -> { }
                default -> {
                    return null;
                }
            }
            Matcher m = LEADING_NUMBER.matcher(value);
            if (!m.find() || Double.parseDouble(m.group(1)) < 0) {
                return "'" + key + "' is '" + value + "', expected a non-negative number";
            }
            double v = Double.parseDouble(m.group(1));
            switch (key) {
                case "Concurrency Level" -> concurrency = (int) v;
                case "Time taken for tests" -> seconds = v;
                case "Complete requests" -> complete = (long) v;
                case "Failed requests" -> failed = (long) v;
                case "Non-2xx responses" -> non2xx = (long) v;
                case "Requests per second" -> rps = v;
                case "Time per request" -> {
                    if (Double.isNaN(timePerRequest)) {
                        timePerRequest = v;
                    }
                }
                case "Total" -> {
                    // connection times: min mean [+/-sd] median max
                    String[] parts = value.split("\\s+");
                    if (parts.length >= 2 && Values.doubleOrNull(parts[1]) != null) {
                        totalMean = Values.doubleOrNull(parts[1]);
                    }
                }
                default -> { }
            }
            return null;
        }
    }
}
