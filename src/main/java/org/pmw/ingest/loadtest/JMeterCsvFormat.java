package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * JMeter JTL results saved as CSV. Columns are found by their header name, so optional columns may be
 * anywhere; a file without a header line is read with JMeter's default column order. {@code timeStamp} may be
 * epoch milliseconds or a date written with {@code jmeter.save.saveservice.timestamp_format}, read in the
 * source's zone.
 */
public final class JMeterCsvFormat implements Format {

    static final String NAME = "jmeter_csv";
    static final List<String> DEFAULT_HEADER = List.of("timeStamp", "elapsed", "label", "responseCode",
            "responseMessage", "threadName", "dataType", "success", "failureMessage", "bytes", "sentBytes",
            "grpThreads", "allThreads", "URL", "Latency", "IdleTime", "Connect");
    private static final List<String> REQUIRED = List.of("timeStamp", "elapsed");

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("[yyyy/MM/dd][yyyy-MM-dd][dd/MM/yyyy]")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss[.SSS][,SSS][XXX][XX][ Z]")
            .toFormatter(Locale.ROOT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JMeter JTL results saved as CSV (columns by header name)";
    }

    @Override
    public String example() {
        return "1128952931123,118,GET /index.php,200,OK,Thread Group 1-7,text,true,,5120,118,50,50,"
                + "http://www.example.com/index.php,112,0,3";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        List<String> lines = sample.nonBlankLines();
        if (lines.isEmpty()) {
            return 0;
        }
        String first = lines.get(0);
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.contains("timestamp") && lower.contains("elapsed") && first.contains(",")) {
            return 0.95;
        }
        // headerless JTL: epoch ms, elapsed, ..., success flag in the default position
        return 0.9 * sample.fractionMatching(line -> {
            String[] f = line.split(",", -1);
            return f.length >= DEFAULT_HEADER.size() && f[0].matches("\\d{13}") && f[1].matches("\\d+")
                    && (f[7].equals("true") || f[7].equals("false"));
        });
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        StepAggregator steps = new StepAggregator();
        TransactionTotals transactions = new TransactionTotals();
        RecordProbe probe = new RecordProbe(input.fileName(), NAME);
        CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();
        long nextLine = 1;
        long records = 0;
        try (Reader reader = new InputStreamReader(input.stream(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, csv)) {
            Map<String, Integer> columns = null;
            int fields = 0;
            String fieldsSetBy = "header";
            JMeterSample s = new JMeterSample();
            for (CSVRecord record : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (columns == null) {
                    columns = columns(record, input.fileName());
                    fields = record.size();
                    if (columns.containsKey("#headerless")) {
                        columns.remove("#headerless");
                        fieldsSetBy = "first line";
                    } else {
                        continue;
                    }
                }
                s.reset();
                s.line = line;
                // JMeter writes every column on every line: fewer is a line cut off when JMeter was killed,
                // whose last value ("tr" of true) would otherwise be read as something it is not
                String problem = record.size() < fields
                        ? "cut off: expected " + fields + " fields as in the " + fieldsSetBy + ", found "
                        + record.size()
                        : read(record, columns, s, ctx.zone());
                if (problem != null) {
                    probe.notARecord(line, problem);
                    ctx.skip(line, problem);
                    continue;
                }
                probe.record();
                records++;
                s.raw = csv.format(record.values());
                s.emit(ctx, sink, steps, transactions);
            }
        } catch (java.io.UncheckedIOException e) {
            // the parser cannot go on past a broken quote: a JMeter killed while writing a quoted failure
            // message leaves one at the end, and the samples before it are as good as the XML's would be
            String why = brokenCsv(e);
            if (steps.samples() == 0) {
                throw new FormatException(input.fileName() + ": line " + nextLine + ": " + why
                        + "; expected JMeter CSV records", e);
            }
            ctx.skip(nextLine, why + "; the samples before it are kept");
        }
        probe.finish();
        List<String> notes = new ArrayList<>();
        if (records == 0) {
            // JMeter writes the header when the test starts: a test stopped before its first sample, or the wrong
            // file; an empty run must say so rather than look like a run that was read
            notes.add("no samples: the file has only its header line");
        }
        sink.loadTestRun(Runs.of(ctx, NAME, steps.steps(notes), steps.start(), steps.end(), notes));
    }

    /** What broke the CSV parser, in words. */
    private static String brokenCsv(java.io.UncheckedIOException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "the file ends inside a quoted field (cut off while it was written)";
        }
        return "the CSV is broken from here on (" + message.replaceFirst("^\\(startline \\d+\\) ", "") + ")";
    }

    /** Column positions by lower-cased name; a headerless file gets the default order (and a marker). */
    private static Map<String, Integer> columns(CSVRecord first, String fileName) {
        Map<String, Integer> columns = new HashMap<>();
        boolean headerless = first.size() > 1 && Values.longOrNull(first.get(0)) != null
                && Values.longOrNull(first.get(1)) != null;
        List<String> names = headerless ? DEFAULT_HEADER : first.toList();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                throw new FormatException(fileName + ": line 1: the JMeter CSV header has no '" + required
                        + "' column; expected a header such as " + String.join(",", DEFAULT_HEADER));
            }
        }
        if (headerless) {
            columns.put("#headerless", -1);
        }
        return columns;
    }

    /** Fills the sample from the record; returns why the record cannot be used, or null. */
    private static String read(CSVRecord r, Map<String, Integer> c, JMeterSample s, ZoneId zone) {
        String ts = get(r, c, "timestamp");
        String elapsed = get(r, c, "elapsed");
        if (ts == null || elapsed == null) {
            return "expected at least " + (Math.max(c.get("timestamp"), c.get("elapsed")) + 1) + " fields, found " + r.size();
        }
        Long epoch = Values.longOrNull(ts);
        if (epoch == null) {
            epoch = parseDate(ts, zone);
            if (epoch == null) {
                return "timeStamp '" + ts + "' is neither epoch milliseconds nor a date";
            }
        }
        Long ms = Values.longOrNull(elapsed);
        if (ms == null || ms < 0) {
            return "elapsed '" + elapsed + "' is not a non-negative number of milliseconds";
        }
        s.tsText = ts;
        s.ts = epoch;
        s.elapsed = ms;
        s.label = get(r, c, "label");
        s.responseCode = get(r, c, "responsecode");
        s.responseMessage = get(r, c, "responsemessage");
        s.threadName = get(r, c, "threadname");
        String success = get(r, c, "success");
        if (success != null && !success.isBlank()) {
            String flag = success.trim();
            if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
                return "success '" + flag + "' is neither true nor false";
            }
            s.success = Boolean.parseBoolean(flag);
        }
        s.failureMessage = get(r, c, "failuremessage");
        s.bytes = nonNegative(get(r, c, "bytes"));
        s.sentBytes = nonNegative(get(r, c, "sentbytes"));
        s.groupThreads = (int) Math.max(0, nonNegative(get(r, c, "grpthreads")));
        s.allThreads = (int) Math.max(0, nonNegative(get(r, c, "allthreads")));
        s.url = get(r, c, "url");
        s.latency = nonNegative(get(r, c, "latency"));
        s.idle = nonNegative(get(r, c, "idletime"));
        s.connect = nonNegative(get(r, c, "connect"));
        return null;
    }

    private static String get(CSVRecord r, Map<String, Integer> c, String name) {
        Integer i = c.get(name);
        return i == null || i >= r.size() ? null : r.get(i);
    }

    private static long nonNegative(String text) {
        Long v = Values.longOrNull(text);
        return v == null || v < 0 ? -1 : v;
    }

    static Long parseDate(String text, ZoneId zone) {
        try {
            TemporalAccessor t = DATE.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime o) {
                return o.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
