package org.pmw.ingest.logs;

/**
 * Reads the lines of one file in one format. One instance per file: it may keep state from line to line
 * (the year of year-less timestamps, the last timestamp, date caches).
 */
abstract class LineParser {

    /** What a line is to the format. */
    enum Result {
        /** The line opens an entry; the draft holds its head. */
        ENTRY,
        /** The line has the format's prefix but belongs to the open entry ({@link #continuation()} is its text). */
        CONTINUATION,
        /** The line opens nothing ({@link #reason()} says what was expected). */
        NONE,
        /** The line is the format's own but no event (a header naming the columns of the lines after it). */
        DIRECTIVE
    }

    private String reason = "";
    private String continuation = "";

    /** Reads one non-blank line; on {@link Result#ENTRY} the (cleared) draft holds the entry's head. */
    abstract Result read(String line, Draft draft);

    /** What the last line that opened nothing lacked, for the skip report. */
    final String reason() {
        return reason;
    }

    /** The text the last {@link Result#CONTINUATION} line adds to the open entry's message. */
    final String continuation() {
        return continuation;
    }

    final Result none(String why) {
        reason = why;
        return Result.NONE;
    }

    final Result directive() {
        return Result.DIRECTIVE;
    }

    final Result continues(String text) {
        continuation = text;
        return Result.CONTINUATION;
    }
}
