package org.pmw.testing;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * A small format for testing the import and index independently of the real parsers:
 * {@code 2005-10-10T14:02:11Z LEVEL host message words key=value ...}; lines starting with whitespace
 * continue the previous event; a line "FAIL" makes the whole file fail (to test rollback).
 */
public final class KeyValueFormat implements Format {

    @Override
    public String name() { return "test_kv"; }

    @Override
    public String description() { return "test format"; }

    @Override
    public String example() { return "2005-10-10T14:02:11Z error web1 child exited status=500"; }

    @Override
    public FormatCategory category() { return FormatCategory.LOG; }

    @Override
    public double score(Sample sample) {
        return sample.fractionMatching(l -> l.startsWith(" ") || l.startsWith("\t") || parseTime(l) != null);
    }

    private static Instant parseTime(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        try {
            return Instant.parse(line.substring(0, space));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        try (LineReader reader = input.lines()) {
            Event.Builder pending = null;
            StringBuilder raw = null;
            StringBuilder message = null;
            String line;
            while ((line = reader.next()) != null) {
                if (line.equals("FAIL")) {
                    throw new FormatException(input.fileName() + ":" + reader.lineNumber() + ": FAIL line");
                }
                if ((line.startsWith(" ") || line.startsWith("\t")) && pending != null) {
                    raw.append('\n').append(line);
                    message.append('\n').append(line.trim());
                    continue;
                }
                Instant ts = parseTime(line);
                if (ts == null) {
                    context.skip(reader.lineNumber(), "expected an ISO-8601 timestamp at the start");
                    continue;
                }
                if (pending != null) {
                    sink.event(pending.raw(raw.toString()).message(message.toString()).build());
                }
                String[] parts = line.split(" ");
                pending = Event.builder().ts(ts.toEpochMilli()).tsText(parts[0]).source(context.sourceId())
                        .line(reader.lineNumber()).kind(EventKind.LOG)
                        .level(Level.parse(parts.length > 1 ? parts[1] : "", Level.INFO))
                        .host(context.host() != null ? context.host() : parts.length > 2 ? parts[2] : "");
                message = new StringBuilder();
                for (int i = 3; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq > 0) {
                        String value = parts[i].substring(eq + 1);
                        Object typed = value;
                        try {
                            typed = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            try {
                                if (value.contains(".")) {
                                    typed = Double.parseDouble(value);
                                }
                            } catch (NumberFormatException ignored) {
                                // stays a string
                            }
                        }
                        pending.field(parts[i].substring(0, eq), typed);
                    }
                    message.append(message.length() == 0 ? "" : " ").append(parts[i]);
                }
                raw = new StringBuilder(line);
            }
            if (pending != null) {
                sink.event(pending.raw(raw.toString()).message(message.toString()).build());
            }
        }
    }
}
