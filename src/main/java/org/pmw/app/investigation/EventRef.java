package org.pmw.app.investigation;

/**
 * A reference to one event, written {@code source:line}. The source id may itself contain colons; the line
 * is what follows the last one.
 */
public record EventRef(String source, long line) {

    public static EventRef parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected an event reference like access_log:1234 (source:line), got '"
                    + text + "'");
        }
        long line;
        try {
            line = Long.parseLong(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            line = -1;
        }
        if (line < 1) {
            throw new IllegalArgumentException("expected a line number >= 1 after the last ':' in '" + text
                    + "' (source:line)");
        }
        return new EventRef(t.substring(0, colon), line);
    }

    /** Whether the text looks like {@code source:line} rather than a record id. */
    public static boolean looksLikeEventRef(String text) {
        return text != null && text.indexOf(':') > 0;
    }

    @Override
    public String toString() {
        return source + ":" + line;
    }
}
