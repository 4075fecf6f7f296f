package org.pmw.index;

/** How a format-specific field is indexed, decided by the first value seen for it. */
public enum FieldType {
    LONG, DOUBLE, KEYWORD;

    public static FieldType of(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LONG;
        }
        if (value instanceof Number) {
            return DOUBLE;
        }
        return KEYWORD;
    }
}
