package org.pmw.ingest.logs;

import java.util.Set;

/** How the formats that read {@code name=value} pairs (logfmt, JSON, access logs, slow logs) name and type them. */
final class FieldValues {

    /** The event's own names: a log's field of such a name is kept beside them, under a prefix. */
    private static final Set<String> EVENT_NAMES = Set.of("ts", "micros", "tsText", "source", "line", "host",
            "kind", "level", "message", "raw", "pattern");

    private FieldValues() {
    }

    /** {@code name}, or {@code prefix + name} where it is one of the event's own names ({@code json_line}). */
    static String fieldName(String name, String prefix) {
        return EVENT_NAMES.contains(name) ? prefix + name : name;
    }

    /**
     * A whole number as a long, one with a fraction as a double; anything else (30000ms, true, 007) as written,
     * so that an id with leading zeros stays the text it is. Null for an empty value.
     */
    static Object typed(String v) {
        if (v.isEmpty()) {
            return null;
        }
        int from = v.charAt(0) == '-' ? 1 : 0;
        int intEnd = Timestamps.digitRunEnd(v, from);
        if (intEnd == from) {
            return v;
        }
        if (intEnd == v.length() && intEnd - from < 16 && (v.charAt(from) != '0' || intEnd - from == 1)) {
            return Long.parseLong(v);
        }
        if (Timestamps.at(v, intEnd, '.') && intEnd + 1 < v.length()
                && Timestamps.digitRunEnd(v, intEnd + 1) == v.length()) {
            return Double.parseDouble(v);
        }
        return v;
    }
}
