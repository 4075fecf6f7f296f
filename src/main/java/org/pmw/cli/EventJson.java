package org.pmw.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pmw.model.Event;

/** The stable JSON shape of an event on the command line. */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> of(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", Output.iso(e.ts()));
        if (e.micros() != 0) {
            m.put("micros", e.micros());
        }
        m.put("ts_text", e.tsText());
        m.put("source", e.source());
        m.put("line", e.line());
        m.put("host", e.host());
        m.put("kind", e.kind().id());
        m.put("level", e.level().id());
        m.put("message", e.message());
        if (!e.raw().equals(e.message())) {
            m.put("raw", e.raw());
        }
        if (e.pattern() != null) {
            m.put("pattern", e.pattern());
        }
        if (!e.fields().isEmpty()) {
            m.put("fields", e.fields());
        }
        return m;
    }
}
