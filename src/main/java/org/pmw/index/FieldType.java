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
    /**
     * Text, whole values. Numbers written as text stay text ({@code "007"}, an id of 19 digits, {@code "2.1"} of a
     * version): a range over such a field still compares them as numbers (see NumericTextRangeQuery).
     */
    KEYWORD;

    public static FieldType of(Object value) {
        if (value instanceof Long id && Math.abs(id) > (1L << 53)) {
            return KEYWORD; // an id (a snowflake, a trace id): a double would take it for its neighbours
        }
        return value instanceof Number ? DOUBLE : KEYWORD;
    }

    /** Whether {@code text} is a plain decimal number: an optional minus, digits, at most one point. */
    static boolean isNumber(CharSequence text) {
        int n = text.length();
        if (n == 0 || n > 40) {
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
