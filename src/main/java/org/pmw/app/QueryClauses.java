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

    private static final java.util.regex.Pattern FIELD =
            java.util.regex.Pattern.compile("(?<![\\w.\\\\/@-])([A-Za-z_@][\\w.@-]*):");
    /** Fields every project can be searched by, whether or not they are counted. */
    private static final java.util.Set<String> ALWAYS = java.util.Set.of("message", "raw", "ts", "line", "ts_text");

    /**
     * The fields {@code query} names that no event of {@code project} has: why a search with a typo
     * ({@code stauts:500}) finds nothing.
     */
    public static java.util.List<String> unknownFields(Project project, String query) {
        // names are matched as the search reads them: in any case
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String name : project.countableFields()) {
            known.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        known.addAll(ALWAYS);
        java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
        // a field inside quotes is text, not a field
        java.util.regex.Matcher m = FIELD.matcher(query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
        while (m.find()) {
            if (!known.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                unknown.add(m.group(1));
            }
        }
        return java.util.List.copyOf(unknown);
    }

    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
            "(?<![\\w.@-])source:(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s()\"]+))", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Why a search found nothing, when it names a source the project does not have: a folder's files are named
     * with the folder ({@code logs_nginx_error.log}), so {@code source:nginx_error.log} names none. Says which
     * sources the name could mean, or lists them.
     */
    public static java.util.List<String> unknownSources(Project project, String query) {
        java.util.List<String> ids = project.incident().getSources().stream().map(org.pmw.model.SourceFile::id).toList();
        java.util.List<String> notes = new java.util.ArrayList<>();
        java.util.regex.Matcher m = SOURCE.matcher(query);
        while (m.find()) {
            String named = m.group(1) != null ? m.group(1) : m.group(2);
            if (named.contains("*") || named.contains("?")
                    || ids.stream().anyMatch(id -> id.equalsIgnoreCase(named))) {
                continue;
            }
            java.util.List<String> near = ids.stream().filter(id -> id.toLowerCase(java.util.Locale.ROOT)
                    .endsWith(named.toLowerCase(java.util.Locale.ROOT))).toList();
            notes.add("no source " + named + (near.isEmpty() ? " (sources: " + String.join(", ", ids) + ")"
                    : "; did you mean " + String.join(" or ", near.stream().map(id -> "source:" + id).toList())
                    + "?"));
        }
        return notes;
    }

    private static boolean everything(String query) {
        return query == null || query.isBlank() || query.trim().equals("*") || query.trim().equals("*:*");
    }
}
