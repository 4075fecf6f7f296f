package org.pmw.app;

/** Builds search text from a field's value: the clause a click on a counted value adds to the search. */
public final class QueryClauses {

    private QueryClauses() {
    }

    /** The clause that matches events whose {@code field} is {@code value}. */
    public static String equalTo(String field, String value, boolean numeric) {
        if (numeric) {
            // a leading minus would read as "must not"; a range of one value is a number either way
            return value.startsWith("-") ? field + ":[" + value + " TO " + value + "]" : field + ":" + value;
        }
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code query} narrowed to the events {@code clause} matches. */
    public static String and(String query, String clause) {
        return everything(query) ? clause : "(" + query.trim() + ") AND " + clause;
    }

    /** {@code query} without the events {@code clause} matches. */
    public static String andNot(String query, String clause) {
        return everything(query) ? "NOT " + clause : "(" + query.trim() + ") AND NOT " + clause;
    }

    private static boolean everything(String query) {
        return query == null || query.isBlank() || query.trim().equals("*") || query.trim().equals("*:*");
    }
}
