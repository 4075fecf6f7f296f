package org.pmw.ingest.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.model.Event;

/** Runs a format over text in memory and keeps what it made, for the tests. */
final class ParseRun {

    final List<Event> events = new ArrayList<>();
    final ParseContext context;

    private ParseRun(ParseContext context) {
        this.context = context;
    }

    static ParseRun of(Format format, String fileName, String text) {
        return of(format, fileName, text, ZoneId.of("UTC"), 2005, null);
    }

    static ParseRun of(Format format, String fileName, String text, ZoneId zone, Integer year, String host) {
        return of(format, text, new ParseContext("src-1", fileName, zone, year, host));
    }

    /** Without a year, with what year-less dates fall nearest to and the time of the import. */
    static ParseRun of(Format format, String text, ZoneId zone, long[] yearReference, String now) {
        return of(format, text, new ParseContext("src-1", "messages", zone, null, null, yearReference,
                java.time.Instant.parse(now).toEpochMilli()));
    }

    /** The text parsed in {@code context}. */
    static ParseRun of(Format format, String text, ParseContext context) {
        ParseRun run = new ParseRun(context);
        try {
            format.parse(InMemoryInput.of(context.fileName(), text), run.context, run.events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    static Format format(String name) {
        return LogFormats.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    Event event(int index) {
        return events.get(index);
    }
}
