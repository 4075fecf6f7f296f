package org.pmw.index;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of every format-specific field in an index, so the query parser knows that {@code status} is a
 * number. Kept in the index's commit data, so it always agrees with the documents. Thread-safe.
 */
public final class FieldCatalog {

    private final ConcurrentHashMap<String, FieldType> types = new ConcurrentHashMap<>();

    public FieldCatalog() {
        types.put(EventSchema.TS, FieldType.LONG);
        types.put(EventSchema.LINE, FieldType.LONG);
    }

    /** The field's type, registering {@code candidate} if the field is new. */
    public FieldType register(String field, FieldType candidate) {
        FieldType existing = types.putIfAbsent(field, candidate);
        return existing == null ? candidate : existing;
    }

    public FieldType type(String field) {
        return types.get(field);
    }

    /** The names of the fields, as they are now; no copy is made. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(types.keySet());
    }

    public Map<String, FieldType> snapshot() {
        return new TreeMap<>(types);
    }

    /** Serialised as {@code name=TYPE,name=TYPE} for commit user data. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        snapshot().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    public static FieldCatalog decode(String text) {
        FieldCatalog catalog = new FieldCatalog();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    catalog.types.put(pair.substring(0, eq), FieldType.valueOf(pair.substring(eq + 1)));
                }
            }
        }
        return catalog;
    }
}
