package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

/** What a parser handed over for one file, for tests. */
final class Parsed implements ParseSink {

    final List<Event> events = new ArrayList<>();
    final List<LoadTestRun> runs = new ArrayList<>();
    final ParseContext ctx;

    private Parsed(ParseContext ctx) {
        this.ctx = ctx;
    }

    static Parsed parse(Format format, String fileName, String text) {
        return parse(format, InMemoryInput.of(fileName, text));
    }

    static Parsed parse(Format format, InMemoryInput input) {
        Parsed parsed = new Parsed(new ParseContext("src-1", input.fileName(), ZoneId.of("America/New_York"), 2005,
                null));
        try {
            format.parse(input, parsed.ctx, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    static String resource(String name) {
        try (InputStream in = Parsed.class.getResourceAsStream("/loadtest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /loadtest/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void loadTestRun(LoadTestRun run) {
        runs.add(run);
    }

    LoadTestRun run() {
        assertEquals(1, runs.size(), "one run per file");
        return runs.get(0);
    }

    LoadTestStep step(int concurrency) {
        return run().steps().stream().filter(s -> s.concurrency() == concurrency).findFirst()
                .orElseThrow(() -> new AssertionError("no step at " + concurrency + " in " + run().steps()));
    }
}
