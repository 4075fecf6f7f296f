package org.pmw.ingest.changes;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Change;
import org.pmw.model.Event;

/** What a change format made of one file: its changes, events, skips and notes. */
final class Collected implements ParseSink {

    final List<Change> changes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final ParseContext context;

    private Collected(ParseContext context) {
        this.context = context;
    }

    static Collected parse(Format format, String fileName, String sourceId, String text) throws IOException {
        Collected c = new Collected(new ParseContext(sourceId, fileName, ZoneId.of("America/New_York"), 2005, null));
        format.parse(InMemoryInput.of(fileName, text), c.context, c);
        return c;
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void change(Change change) {
        changes.add(change);
    }
}
