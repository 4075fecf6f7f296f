package org.pmw.index;

/** How a field is indexed, decided by the first value seen for it. */
public enum FieldType {
    /** The event's own whole numbers: time and line. */
    LONG,
    /**
     * Every number of the formats. One type for whole and fractional numbers, so a field whose first value is
     * {@code 2500} and a later one {@code 655.5} (JSON writes both for one field) compares them as numbers.
     */
    DOUBLE,
    KEYWORD;

    public static FieldType of(Object value) {
        if (value instanceof Number) {
            return DOUBLE;
        }
        // a number written as text ("0", "0.25"): JSON logs quote numbers, and the next value may not be quoted
        if (value instanceof CharSequence text && isNumber(text)) {
            return DOUBLE;
        }
        return KEYWORD;
    }

    private static boolean isNumber(CharSequence text) {
        int n = text.length();
        if (n == 0 || n > 24) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
