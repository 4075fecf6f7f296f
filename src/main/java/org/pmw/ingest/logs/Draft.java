package org.pmw.ingest.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/** The head of an entry as a parser reads it from the entry's first line; becomes an event once complete. */
final class Draft {
    long ts;
    int micros;
    String tsText;
    Level level;
    EventKind kind;
    /** Host named by the data (syslog host, vhost), or null. */
    String host;
    String message;
    Map<String, Object> fields;

    Draft() {
        clear();
    }

    void clear() {
        ts = 0;
        micros = 0;
        tsText = "";
        level = Level.INFO;
        kind = EventKind.LOG;
        host = null;
        message = "";
        fields = null;
    }

    void field(String name, Object value) {
        if (value == null) {
            return;
        }
        if (fields == null) {
            fields = new LinkedHashMap<>(16);
        }
        fields.put(name, value);
    }

    void copyTimeFrom(ParsedTime t, LocalClock clock, String text) {
        ts = t.epochMilli(clock);
        micros = t.micros();
        tsText = text;
    }
}
