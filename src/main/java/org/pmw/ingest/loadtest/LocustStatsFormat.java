package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.LoadTestStep;

/**
 * Locust's {@code *_stats.csv}: one row per endpoint and an "Aggregated" row for the whole test. It holds
 * totals, not samples, and no user count, so it gives no events and one step of unknown concurrency (0) unless
 * the file name says {@code _u50} / {@code -users50}; the matching {@code _stats_history.csv} has the user counts.
 * Percentile columns ("50%", "95%", "99%"...) are read from the header, whichever Locust wrote.
 */
public final class LocustStatsFormat implements Format {

    static final String NAME = "locust_stats";
    static final String REQUESTS = "Request Count|# requests";
    static final String FAILURES = "Failure Count|# failures";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Locust *_stats.csv (totals per endpoint and Aggregated)";
    }

    @Override
    public String example() {
        return "GET,/index.php,12000,36,99,118.2,4,2301,5120,40.1,0.12,99,120,140,150,190,240,310,420,900,2300,2300";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        List<String> header = CsvTable.header(sample.lines());
        boolean requests = header.contains("Request Count") || header.contains("# requests");
        if (!requests || !header.contains("Name") || header.contains("Timestamp")) {
            return 0;
        }
        return header.contains("Requests/s") ? 0.95 : 0.8;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        List<CsvTable.Row> aggregated = new ArrayList<>();
        List<String> header = CsvTable.read(input, "Locust stats", List.of("Name", REQUESTS, FAILURES), row -> {
            String name = row.get("Name");
            if ("Aggregated".equalsIgnoreCase(name) || "Total".equalsIgnoreCase(name)) {
                aggregated.add(row);
            }
        });
        if (aggregated.isEmpty()) {
            throw new FormatException(input.fileName() + ": no 'Aggregated' row; expected Locust's totals row"
                    + " (Name = Aggregated) after the per-endpoint rows");
        }
        CsvTable.Row row = aggregated.get(aggregated.size() - 1);
        List<String> notes = new ArrayList<>();
        notes.add("Locust stats.csv holds totals, not samples: no sample events");
        Double requests = number(row, REQUESTS);
        Double failures = number(row, FAILURES);
        Double rps = number(row, "Requests/s");
        if (requests == null || requests < 0 || failures == null || failures < 0) {
            ctx.skip(row.line(), "the Aggregated row has no non-negative request and failure counts");
            sink.loadTestRun(Runs.of(ctx, NAME, List.of(), null, null, notes));
            return;
        }
        int users = LocustHistoryFormat.usersFromFileName(input.fileName());
        if (users == 0) {
            notes.add("Locust stats.csv does not record the user count: the step's concurrency is unknown (0)");
        }
        double throughput = rps == null ? Double.NaN : rps;
        double mean = orNaN(number(row, "Average Response Time|Average response time"));
        LoadTestStep step = new LoadTestStep(users, requests.longValue(), failures.longValue(),
                throughput > 0 ? requests / throughput : Double.NaN, throughput, mean,
                percentile(header, row, 50, "Median Response Time|Median response time"), percentile(header, row, 90, null),
                percentile(header, row, 95, null), percentile(header, row, 99, null),
                requests > 0 ? failures / requests : Double.NaN, Double.NaN,
                LoadTestStep.littleLawHolds(users, throughput, mean));
        sink.loadTestRun(Runs.of(ctx, NAME, List.of(step), null, null, notes));
    }

    /** The value of the header's "p%" column (e.g. "95%"), else of the fallback column, else NaN. */
    static double percentile(List<String> header, CsvTable.Row row, double p, String fallback) {
        for (String name : header) {
            String t = name.trim();
            if (t.endsWith("%")) {
                Double v = Values.doubleOrNull(t.substring(0, t.length() - 1));
                if (v != null && Math.abs(v - p) < 1e-9) {
                    return orNaN(Values.doubleOrNull(row.get(t)));
                }
            }
        }
        return fallback == null ? Double.NaN : orNaN(number(row, fallback));
    }

    /** The first present column of the '|'-separated alternatives as a number, or null. */
    static Double number(CsvTable.Row row, String alternatives) {
        for (String name : alternatives.split("\\|")) {
            if (row.has(name)) {
                return Values.doubleOrNull(row.get(name));
            }
        }
        return null;
    }

    static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
