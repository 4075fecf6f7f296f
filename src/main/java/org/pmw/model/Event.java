package org.pmw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of evidence: a log entry (multi-line entries are one event), a request, a load-test sample,
 * a change record or a note.
 *
 * @param ts      UTC epoch milliseconds
 * @param micros  the microseconds within {@code ts} (0..999) where the source has them, else 0
 * @param tsText  the timestamp exactly as the source wrote it
 * @param source  id of the source file in the project manifest
 * @param line    line number (1-based) of the event's first line in that file
 * @param raw     the event's full original text (all lines of a multi-line entry)
 * @param pattern id of the message template, or null until patterns are mined
 * @param fields  format-specific fields: numbers as {@link Long} or {@link Double}, everything else as String
 */
public record Event(long ts, int micros, String tsText, String source, long line, String host,
                    EventKind kind, Level level, String message, String raw, String pattern,
                    Map<String, Object> fields) {

    public Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
        raw = raw == null ? message : raw;
        host = host == null ? "" : host;
        // Not copied or wrapped: events are built once per line on the import's hot path. The builder hands
        // over a map nobody else holds; callers must not change a map after passing it in.
        fields = fields == null ? Map.of() : fields;
    }

    public Event withPattern(String patternId) {
        return new Event(ts, micros, tsText, source, line, host, kind, level, message, raw, patternId, fields);
    }

    public Event withSource(String sourceId) {
        return new Event(ts, micros, tsText, sourceId, line, host, kind, level, message, raw, pattern, fields);
    }

    public Event withTs(long newTs) {
        return new Event(newTs, micros, tsText, source, line, host, kind, level, message, raw, pattern, fields);
    }

    public Event withHost(String newHost) {
        return new Event(ts, micros, tsText, source, line, newHost, kind, level, message, raw, pattern, fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects an event's parts; parsers fill what their format has. */
    public static final class Builder {
        private long ts;
        private int micros;
        private String tsText;
        private String source;
        private long line;
        private String host;
        private EventKind kind = EventKind.LOG;
        private Level level = Level.INFO;
        private String message;
        private String raw;
        private String pattern;
        private Map<String, Object> fields;

        public Builder ts(long v) { this.ts = v; return this; }
        public Builder micros(int v) { this.micros = v; return this; }
        public Builder tsText(String v) { this.tsText = v; return this; }
        public Builder source(String v) { this.source = v; return this; }
        public Builder line(long v) { this.line = v; return this; }
        public Builder host(String v) { this.host = v; return this; }
        public Builder kind(EventKind v) { this.kind = v; return this; }
        public Builder level(Level v) { this.level = v; return this; }
        public Builder message(String v) { this.message = v; return this; }
        public Builder raw(String v) { this.raw = v; return this; }
        public Builder pattern(String v) { this.pattern = v; return this; }

        public Builder field(String name, Object value) {
            if (value == null) {
                return this;
            }
            if (fields == null) {
                fields = new LinkedHashMap<>();
            }
            fields.put(name, value);
            return this;
        }

        /** Builds the event; the fields collected so far go to it and the builder starts a new set. */
        public Event build() {
            Map<String, Object> handedOver = fields;
            fields = null;
            return new Event(ts, micros, tsText, source, line, host, kind, level, message, raw, pattern, handedOver);
        }
    }
}
