package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * Gatling's tab-separated {@code simulation.log}, as written up to Gatling 3.12: RUN, USER, REQUEST, GROUP and
 * ERROR records. The column layout moved between versions (a user id column came and went), so a REQUEST is
 * found by its shape: the request name, then start and end in epoch ms, then OK or KO and the message.
 * <p>
 * A request's concurrency is the number of users started and not yet ended when its record was written
 * (Gatling writes a request when its response arrives). Gatling 3.13 replaced the text log with a binary one,
 * which is recognised so the user is told which versions are supported rather than "unknown format".
 */
public final class GatlingLogFormat implements Format {

    static final String NAME = "gatling_log";
    private static final String[] RECORDS = {"RUN\t", "USER\t", "REQUEST\t", "GROUP\t", "ERROR\t", "ASSERTION\t"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Gatling simulation.log, tab-separated text (Gatling up to 3.12)";
    }

    @Override
    public String example() {
        return "REQUEST\t\tGET /index.php\t1128952931123\t1128952931241\tOK\t ";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        if (isBinary(sample.head())) {
            String name = sample.fileName().toLowerCase(Locale.ROOT);
            return name.contains("simulation") && name.endsWith(".log") ? 0.9 : 0;
        }
        return 0.95 * sample.fractionMatching(line -> {
            for (String record : RECORDS) {
                if (line.startsWith(record)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A text log has no NUL bytes and few control characters besides tab and line ends. */
    static boolean isBinary(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r') {
                control++;
            }
        }
        return control * 20 > head.length;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        try (InputStream in = input.stream()) {
            if (isBinary(in.readNBytes(4096))) {
                throw new FormatException(input.fileName() + ": line 1: this is the binary simulation.log of "
                        + "Gatling 3.13 or later; only the text simulation.log written by Gatling up to 3.12 is "
                        + "supported (export the results from Gatling's report, or rerun with Gatling 3.12)");
            }
        }
        StepAggregator steps = new StepAggregator();
        List<String> notes = new ArrayList<>();
        int activeUsers = 0;
        RecordProbe probe = new RecordProbe(input.fileName(), NAME);
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                long number = reader.lineNumber();
                String[] f = line.split("\t", -1);
                if (isRecord(f[0])) {
                    probe.record();
                }
                switch (f[0]) {
                    case "RUN" -> notes.add(run(f));
                    case "USER" -> {
                        int delta = userDelta(f);
                        if (delta == 0) {
                            ctx.skip(number, "USER record without START or END");
                        }
                        activeUsers = Math.max(0, activeUsers + delta);
                    }
                    case "REQUEST" -> request(ctx, sink, steps, number, line, f, activeUsers);
                    case "GROUP" -> group(ctx, sink, number, line, f, activeUsers);
                    case "ERROR" -> error(ctx, sink, number, line, f);
                    case "ASSERTION" -> { }
                    default -> {
                        String reason = "expected a RUN, USER, REQUEST, GROUP or ERROR record, found '"
                                + abbreviate(f[0]) + "'";
                        probe.notARecord(number, reason);
                        ctx.skip(number, reason);
                    }
                }
            }
        }
        probe.finish();
        notes.removeIf(String::isEmpty);
        sink.loadTestRun(Runs.of(ctx, NAME, steps.steps(notes), steps.start(), steps.end(), notes));
    }

    private static boolean isRecord(String type) {
        for (String record : RECORDS) {
            if (record.startsWith(type) && record.length() == type.length() + 1) {
                return true;
            }
        }
        return false;
    }

    private static String run(String[] f) {
        String version = f.length > 5 ? f[f.length - 1].trim() : "";
        return f.length > 1 ? "Gatling simulation " + f[1] + (version.isEmpty() ? "" : " (Gatling " + version + ")")
                : "";
    }

    private static int userDelta(String[] f) {
        for (String field : f) {
            if (field.equals("START")) {
                return 1;
            }
            if (field.equals("END")) {
                return -1;
            }
        }
        return 0;
    }

    /** Index of the start time: two epoch-ms fields followed by OK or KO; -1 when the record has no such run. */
    private static int timesAt(String[] f) {
        for (int i = 1; i + 2 < f.length; i++) {
            if (isEpochMs(f[i]) && isEpochMs(f[i + 1]) && (f[i + 2].equals("OK") || f[i + 2].equals("KO"))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEpochMs(String s) {
        return s.length() >= 12 && s.length() <= 14 && Values.longOrNull(s) != null;
    }

    private static void request(ParseContext ctx, ParseSink sink, StepAggregator steps, long number, String raw,
                                String[] f, int users) {
        int i = timesAt(f);
        if (i < 2) {
            ctx.skip(number, "REQUEST record without name, start and end times and OK/KO");
            return;
        }
        long start = Long.parseLong(f[i]);
        long end = Long.parseLong(f[i + 1]);
        if (end < start) {
            ctx.skip(number, "REQUEST ends (" + end + ") before it starts (" + start + ")");
            return;
        }
        boolean ok = f[i + 2].equals("OK");
        String name = f[i - 1];
        String message = f.length > i + 3 ? f[i + 3].trim() : "";
        var b = SampleEvents.sample(ctx, number, start, f[i], name, end - start, null, ok, users).raw(raw);
        if (i >= 3 && !f[i - 2].isBlank()) {
            b.field("group", f[i - 2]);
        }
        if (!message.isEmpty()) {
            b.field("failure_message", message);
            b.message(SampleEvents.message(name, ok ? "OK" : "KO", end - start) + ": " + message);
        }
        sink.event(b.build());
        steps.add(users, start, end - start, ok);
    }

    /** GROUP name start end cumulatedResponseTime OK|KO: an event on the timeline, not a sample of the steps. */
    private static void group(ParseContext ctx, ParseSink sink, long number, String raw, String[] f, int users) {
        int i = timesAt(f);
        if (i < 0 && f.length >= 6 && isEpochMs(f[f.length - 4]) && isEpochMs(f[f.length - 3])) {
            i = f.length - 4;
        }
        if (i < 2 || f.length <= i + 1) {
            ctx.skip(number, "GROUP record without name, start and end times");
            return;
        }
        long start = Long.parseLong(f[i]);
        long end = Long.parseLong(f[i + 1]);
        boolean ok = !f[f.length - 1].trim().equals("KO");
        sink.event(SampleEvents.sample(ctx, number, start, f[i], f[i - 1], Math.max(0, end - start), null, ok, users)
                .field("record", "group").raw(raw).build());
    }

    private static void error(ParseContext ctx, ParseSink sink, long number, String raw, String[] f) {
        String ts = f.length > 2 ? f[f.length - 1].trim() : "";
        if (!isEpochMs(ts)) {
            ctx.skip(number, "ERROR record without an epoch-ms timestamp");
            return;
        }
        sink.event(Event.builder().ts(Long.parseLong(ts)).tsText(ts).source(ctx.sourceId()).line(number)
                .host(ctx.host()).kind(EventKind.LOG).level(Level.ERROR).message(f[1]).raw(raw)
                .field("record", "error").build());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
