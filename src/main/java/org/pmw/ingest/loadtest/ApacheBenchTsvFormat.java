package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * The per-request table ApacheBench writes with {@code -g}: {@code starttime seconds ctime dtime ttime wait},
 * tab-separated, times in ms, start to the second. It records neither the status nor the concurrency: every
 * request counts as a success, and the concurrency is taken from the file name ({@code ab-c50.tsv},
 * {@code c_50.dat}) or else estimated from the mean number of requests in flight (a note says which).
 */
public final class ApacheBenchTsvFormat implements Format {

    static final String NAME = "ab_tsv";
    static final String HEADER = "starttime\tseconds\tctime\tdtime\tttime\twait";
    private static final Pattern CONCURRENCY_IN_NAME = Pattern.compile("(?:^|[^a-z])c[-_]?(\\d+)(?:[^0-9]|$)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ApacheBench -g per-request table (TSV)";
    }

    @Override
    public String example() {
        return "Mon Oct 10 14:02:11 2005\t1128952931\t0\t59\t59\t58";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        List<String> lines = sample.nonBlankLines();
        return !lines.isEmpty() && lines.get(0).trim().equals(HEADER) ? 0.95 : 0;
    }

    static int concurrencyFromFileName(String fileName) {
        Matcher m = CONCURRENCY_IN_NAME.matcher(Runs.baseName(fileName).toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        int concurrency = concurrencyFromFileName(input.fileName());
        StepAggregator steps = new StepAggregator().startResolution(1000);
        List<String> notes = new ArrayList<>();
        notes.add("ab -g records no status: every request is counted as a success");
        if (concurrency > 0) {
            notes.add("concurrency " + concurrency + " taken from the file name");
        }
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                long number = reader.lineNumber();
                if (line.isBlank() || line.trim().equals(HEADER)) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 6) {
                    ctx.skip(number, "expected 6 tab-separated fields (" + HEADER.replace('\t', ' ') + "), found "
                            + f.length);
                    continue;
                }
                Long seconds = Values.longOrNull(f[1]);
                Long connect = Values.longOrNull(f[2]);
                Long processing = Values.longOrNull(f[3]);
                Long total = Values.longOrNull(f[4]);
                Long wait = Values.longOrNull(f[5]);
                if (seconds == null || seconds < 0) {
                    ctx.skip(number, "seconds '" + f[1] + "' is not epoch seconds");
                    continue;
                }
                if (total == null || total < 0 || connect == null || connect < 0 || processing == null
                        || processing < 0 || wait == null || wait < 0) {
                    ctx.skip(number, "ctime, dtime, ttime and wait must be non-negative whole ms, found '"
                            + f[2] + "', '" + f[3] + "', '" + f[4] + "', '" + f[5] + "'");
                    continue;
                }
                long ts = seconds * 1000;
                sink.event(SampleEvents.sample(ctx, number, ts, f[0], "ab request", total, null, null, concurrency)
                        .raw(line).field("connect_ms", connect).field("processing_ms", processing)
                        .field("wait_ms", wait).build());
                steps.add(concurrency, ts, total, true);
            }
        }
        sink.loadTestRun(Runs.of(ctx, NAME, steps.steps(notes), steps.start(), steps.end(), notes));
    }
}
