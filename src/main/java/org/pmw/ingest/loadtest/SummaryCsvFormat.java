package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.LoadTestStep;

/**
 * A summary table written by hand, one row per concurrency level: {@code concurrency,throughput} and
 * optionally {@code p50_ms,p90_ms,p95_ms,p99_ms,mean_ms,error_rate,requests,errors,duration_s}. An error rate
 * is a fraction (0.015) or a percentage with its sign (1.5%). Rows with negative or non-numeric values are
 * skipped with the reason. There are no samples, so no events.
 */
public final class SummaryCsvFormat implements Format {

    static final String NAME = "loadtest_summary_csv";
    private static final String CONCURRENCY = "concurrency|users|threads|vus|connections";
    private static final String THROUGHPUT = "throughput|rps|requests_per_sec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hand-written load-test summary CSV: concurrency,throughput[,p50_ms,p95_ms,p99_ms,error_rate]";
    }

    @Override
    public String example() {
        return "concurrency,throughput,p50_ms,p95_ms,p99_ms,error_rate";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        List<String> header = CsvTable.header(sample.lines()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return anyOf(header, CONCURRENCY) && anyOf(header, THROUGHPUT) && header.size() <= 12 ? 0.9 : 0;
    }

    private static boolean anyOf(List<String> header, String alternatives) {
        for (String a : alternatives.split("\\|")) {
            if (header.contains(a)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        List<LoadTestStep> steps = new ArrayList<>();
        CsvTable.read(input, "load-test summary", List.of(CONCURRENCY, THROUGHPUT), row -> {
            Double n = LocustStatsFormat.number(row, CONCURRENCY);
            Double x = LocustStatsFormat.number(row, THROUGHPUT);
            if (n == null || n <= 0 || n != Math.rint(n)) {
                ctx.skip(row.line(), "concurrency '" + first(row, CONCURRENCY) + "' is not a positive whole number");
                return;
            }
            if (x == null || x < 0) {
                ctx.skip(row.line(), "throughput '" + first(row, THROUGHPUT) + "' is not a non-negative number");
                return;
            }
            double[] ms = new double[5];
            String[] names = {"p50_ms", "p90_ms", "p95_ms", "p99_ms", "mean_ms"};
            for (int i = 0; i < names.length; i++) {
                String text = row.get(names[i]);
                Double v = Values.doubleOrNull(text);
                if (text != null && (v == null || v < 0)) {
                    ctx.skip(row.line(), names[i] + " '" + text + "' is not a non-negative number");
                    return;
                }
                ms[i] = v == null ? Double.NaN : v;
            }
            String rateText = row.get("error_rate");
            double errorRate = Double.NaN;
            if (rateText != null) {
                boolean percent = rateText.endsWith("%");
                Double rate = Values.doubleOrNull(percent ? rateText.substring(0, rateText.length() - 1) : rateText);
                if (rate != null && percent) {
                    rate = rate / 100;
                }
                if (rate == null || rate < 0 || rate > 1) {
                    ctx.skip(row.line(), "error_rate '" + rateText + "' is not a fraction 0..1 or a percentage 0..100%");
                    return;
                }
                errorRate = rate;
            }
            Double requests = Values.doubleOrNull(row.get("requests"));
            Double errors = Values.doubleOrNull(row.get("errors"));
            Double seconds = Values.doubleOrNull(row.get("duration_s"));
            if (Double.isNaN(errorRate) && requests != null && errors != null && requests > 0) {
                errorRate = errors / requests;
            }
            long total = requests == null ? 0 : requests.longValue();
            long failed = errors != null ? errors.longValue()
                    : (Double.isNaN(errorRate) ? 0 : Math.round(errorRate * total));
            steps.add(new LoadTestStep(n.intValue(), total, failed, seconds == null ? Double.NaN : seconds, x, ms[4],
                    ms[0], ms[1], ms[2], ms[3], errorRate, Double.NaN,
                    LoadTestStep.littleLawHolds(n.intValue(), x, ms[4])));
        });
        steps.sort(Comparator.comparingInt(LoadTestStep::concurrency));
        sink.loadTestRun(Runs.of(ctx, NAME, steps, null, null,
                List.of("hand-written summary table: no sample events")));
    }

    private static String first(CsvTable.Row row, String alternatives) {
        for (String a : alternatives.split("\\|")) {
            if (row.has(a)) {
                return row.get(a);
            }
        }
        return null;
    }
}
