package org.pmw.ingest.logs;

import java.io.IOException;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Event;

/**
 * Drives a {@link LineParser} over a file and assembles entries into events. In a multi-line format every
 * line that opens no entry belongs to the open one (stack traces, wrapped messages): its text is appended
 * to the message and the raw text with '\n'. In a single-line format such a line is skipped with the
 * parser's reason. Blank lines carry no evidence: they are counted in a note, never made events. A directive (a
 * header naming the columns) is read by the parser and is neither an event nor a skipped line.
 */
final class EntryAssembler {

    /** A file none of whose first this many non-blank lines opens an entry is not in the format at all. */
    static final int GIVE_UP_AFTER = 200;

    /** An entry is not grown past this many characters, so a wrongly chosen format cannot make one huge event. */
    static final int MAX_ENTRY_CHARS = 1 << 20;

    private final ParseContext context;
    private final ParseSink sink;
    private final boolean multiline;
    private final String formatName;
    /** Lines of another log (they start with a timestamp) are skipped, not joined to the open entry. */
    private final java.util.function.Predicate<String> startsWithTimestamp;
    /** The line of another log last skipped, while the lines after it continue it; else -1. */
    private long foreignLine = -1;

    private Draft current = new Draft();
    private Draft open = new Draft();
    private boolean hasOpen;
    private long openLine;
    private String openRaw;
    private StringBuilder moreMessage;
    private StringBuilder moreRaw;
    private int blanksInside;
    private long blankLines;
    private long entries;
    private long directives;

    EntryAssembler(String formatName, ParseContext context, ParseSink sink, boolean multiline,
                   java.util.function.Predicate<String> startsWithTimestamp) {
        this.formatName = formatName;
        this.context = context;
        this.sink = sink;
        this.multiline = multiline;
        this.startsWithTimestamp = startsWithTimestamp;
    }

    /** Parses every line of the reader; returns the number of events made. */
    long run(LineReader reader, LineParser parser) throws IOException {
        long nonBlank = 0;
        long firstFailure = 0;
        String firstReason = null;
        String line;
        while ((line = reader.next()) != null) {
            long number = reader.lineNumber();
            if (isBlank(line)) {
                if (hasOpen) {
                    blanksInside++;
                } else {
                    blankLines++;
                }
                continue;
            }
            nonBlank++;
            current.clear();
            LineParser.Result result = parser.read(line, current);
            if (result == LineParser.Result.DIRECTIVE) {
                directives++;
                continue;
            }
            if (result == LineParser.Result.ENTRY) {
                foreignLine = -1;
                if (hasOpen) {
                    flush();
                }
                if (multiline) {
                    Draft swap = open;
                    open = current;
                    current = swap;
                    hasOpen = true;
                    openLine = number;
                    openRaw = line;
                } else {
                    emit(current, number, current.message, line);
                }
                entries++;
                continue;
            }
            if (hasOpen && result == LineParser.Result.NONE && multiline && startsWithTimestamp.test(line)) {
                context.skip(number, "starts with a timestamp but is no " + formatName + " entry ("
                        + parser.reason() + "); not joined to the entry of line " + openLine);
                foreignLine = number;
                continue;
            }
            if (foreignLine >= 0 && result == LineParser.Result.NONE) {
                // the rest of the other log's entry (its stack trace, say)
                context.skip(number, "continues the line of another log at line " + foreignLine);
                continue;
            }
            if (hasOpen && (result == LineParser.Result.CONTINUATION || multiline)) {
                if (openLength() + line.length() > MAX_ENTRY_CHARS) {
                    context.skip(number, "entry of line " + openLine + " is longer than " + MAX_ENTRY_CHARS
                            + " characters; line not joined to it");
                } else {
                    append(result == LineParser.Result.CONTINUATION ? parser.continuation() : line, line);
                }
                continue;
            }
            String reason = result == LineParser.Result.CONTINUATION
                    ? "continuation line before the first entry (" + parser.continuation().split(":", 2)[0] + ")"
                    : parser.reason();
            if (multiline && entries == 0 && result == LineParser.Result.NONE) {
                reason = "continuation line before the first entry; " + reason;
            }
            context.skip(number, reason);
            if (firstReason == null) {
                firstFailure = number;
                firstReason = result == LineParser.Result.CONTINUATION ? reason : parser.reason();
            }
            if (entries == 0 && directives == 0 && nonBlank >= GIVE_UP_AFTER) {
                throw notThisFormat(firstFailure, firstReason, nonBlank);
            }
        }
        if (hasOpen) {
            flush();
        }
        if (entries == 0 && directives == 0 && nonBlank > 0) {
            throw notThisFormat(firstFailure, firstReason, nonBlank);
        }
        // cut lines and invalid UTF-8 are the reader's to report, for every format (see Importer)
        if (blankLines > 0) {
            context.note(blankLines + (blankLines == 1 ? " blank line" : " blank lines") + " ignored");
        }
        return entries;
    }

    private FormatException notThisFormat(long line, String reason, long lines) {
        return new FormatException(context.fileName() + " line " + line + ": " + reason + " (no " + formatName
                + " entry in the first " + lines + " non-blank lines)");
    }

    private int openLength() {
        return moreRaw != null ? moreRaw.length() : openRaw.length();
    }

    private void append(String messageText, String rawText) {
        if (moreMessage == null) {
            moreMessage = new StringBuilder(open.message);
            moreRaw = new StringBuilder(openRaw);
        }
        for (; blanksInside > 0; blanksInside--) {
            moreMessage.append('\n');
            moreRaw.append('\n');
        }
        moreMessage.append('\n').append(messageText);
        moreRaw.append('\n').append(rawText);
    }

    private void flush() {
        blankLines += blanksInside;
        blanksInside = 0;
        if (moreMessage != null) {
            emit(open, openLine, moreMessage.toString(), moreRaw.toString());
        } else {
            emit(open, openLine, open.message, openRaw);
        }
        moreMessage = null;
        moreRaw = null;
        hasOpen = false;
    }

    private void emit(Draft d, long line, String message, String raw) {
        String host = context.host() != null ? context.host() : d.host;
        sink.event(new Event(d.ts, d.micros, d.tsText, context.sourceId(), line, host, d.kind, d.level,
                message, raw, null, d.fields));
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B) {
                return false;
            }
        }
        return true;
    }
}
