package org.pmw.ingest.logs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Event;
import org.pmw.model.Level;

/**
 * Makes events of a container runtime's lines. Each stream (stdout, stderr) is assembled on its own, since the
 * runtime interleaves them: pieces of a line the runtime split are put back together first; then a line that
 * continues the one before it in the application's own log (an indented line, a Java, Python or PHP stack trace:
 * see {@link StackTraceLines}) is joined to the stream's open event, which keeps its first line's time and line
 * number, and the raw text of every line joined (a Python traceback or a Java exception's first line only to a
 * warning or an error, the line a logger writes before the stack trace it logs: after any other line it opens an
 * error event of its own). Empty lines inside a stack trace are kept in it; elsewhere they are counted in a note, as
 * blank lines are.
 */
final class ContainerStreamAssembler {

    private final String formatName;
    private final ParseContext context;
    private final ParseSink sink;
    private final Map<String, StreamState> streams = new LinkedHashMap<>();
    private long blankLines;
    private long linesRead;

    /** What one stream has under way: a line in pieces, and the event lines are joined to. */
    private static final class StreamState {
        final StackTraceLines traces = new StackTraceLines();
        Draft pieceHead;
        long pieceLine;
        StringBuilder pieceText;
        StringBuilder pieceRaw;
        Draft open;
        long openLine;
        StringBuilder message;
        StringBuilder raw;
        int emptyLinesWaiting;
        StringBuilder emptyRawWaiting = new StringBuilder();
    }

    ContainerStreamAssembler(String formatName, ParseContext context, ParseSink sink) {
        this.formatName = formatName;
        this.context = context;
        this.sink = sink;
    }

    void run(LineReader reader, ContainerLogFormat.ContainerLineParser parser) throws IOException {
        long nonBlank = 0;
        long firstFailure = 0;
        String firstReason = null;
        String line;
        while ((line = reader.next()) != null) {
            long number = reader.lineNumber();
            if (EntryAssembler.isBlank(line)) {
                blankLines++;
                continue;
            }
            nonBlank++;
            Draft draft = new Draft();
            if (parser.read(line, draft) != LineParser.Result.ENTRY) {
                context.skip(number, parser.reason());
                if (firstReason == null) {
                    firstFailure = number;
                    firstReason = parser.reason();
                }
                if (linesRead == 0 && nonBlank >= EntryAssembler.GIVE_UP_AFTER) {
                    throw notThisFormat(firstFailure, firstReason, nonBlank);
                }
                continue;
            }
            linesRead++;
            StreamState stream = streams.computeIfAbsent(parser.stream(), s -> new StreamState());
            if (parser.partial()) {
                addPiece(stream, draft, number, parser.text(), line);
            } else if (stream.pieceText != null) {
                // the line ends here, even where its last piece made it too long and was left out
                addPiece(stream, draft, number, parser.text(), line);
                completeLine(stream);
            } else {
                add(stream, draft, number, parser.text(), line);
            }
        }
        for (StreamState stream : streams.values()) {
            if (stream.pieceText != null) {
                context.note("the file ends inside a line the container had not finished (line "
                        + stream.pieceLine + "); what there is of it is kept");
                completeLine(stream);
            }
        }
        List<StreamState> open = new ArrayList<>(streams.values());
        open.removeIf(s -> s.open == null);
        open.sort(Comparator.comparingLong(s -> s.openLine));
        for (StreamState stream : open) {
            flush(stream);
        }
        if (linesRead == 0 && nonBlank > 0) {
            throw notThisFormat(firstFailure, firstReason, nonBlank);
        }
        if (blankLines > 0) {
            context.note(blankLines + (blankLines == 1 ? " blank line" : " blank lines") + " ignored");
        }
    }

    /** Adds a piece of a split line, or skips it where it would make the line too long. */
    private void addPiece(StreamState stream, Draft draft, long number, String text, String raw) {
        if (stream.pieceText == null) {
            stream.pieceHead = draft;
            stream.pieceLine = number;
            stream.pieceText = new StringBuilder(text);
            stream.pieceRaw = new StringBuilder(raw);
            return;
        }
        if (stream.pieceRaw.length() + raw.length() > EntryAssembler.MAX_ENTRY_CHARS) {
            context.skip(number, "line begun at line " + stream.pieceLine + " is longer than "
                    + EntryAssembler.MAX_ENTRY_CHARS + " characters; piece not joined to it");
            return;
        }
        stream.pieceText.append(text);
        stream.pieceRaw.append('\n').append(raw);
    }

    private void completeLine(StreamState stream) {
        Draft head = stream.pieceHead;
        long line = stream.pieceLine;
        String text = stream.pieceText.toString();
        String raw = stream.pieceRaw.toString();
        stream.pieceHead = null;
        stream.pieceText = null;
        stream.pieceRaw = null;
        add(stream, head, line, text, raw);
    }

    /** One whole line the container wrote: joined to the stream's open event, or the start of a new one. */
    private void add(StreamState stream, Draft head, long number, String text, String raw) {
        if (EntryAssembler.isBlank(text)) {
            if (stream.open != null) {
                stream.emptyLinesWaiting++;
                stream.emptyRawWaiting.append('\n').append(raw);
            } else {
                blankLines++;
            }
            return;
        }
        boolean continues = stream.traces.continues(text);
        boolean opensTrace = StackTraceLines.opensPythonTrace(text) || StackTraceLines.opensJavaTrace(text);
        if (continues && stream.open != null && opensTrace && stream.open.level.compareTo(Level.WARN) < 0) {
            // a logger writes a stack trace after its warning or error line; after any other line it is an uncaught
            // exception's, an error of its own rather than part of the line before
            continues = false;
        }
        if (stream.open != null && continues) {
            if (stream.raw.length() + stream.emptyRawWaiting.length() + raw.length() > EntryAssembler.MAX_ENTRY_CHARS) {
                context.skip(number, "entry of line " + stream.openLine + " is longer than "
                        + EntryAssembler.MAX_ENTRY_CHARS + " characters; line not joined to it");
                return;
            }
            for (; stream.emptyLinesWaiting > 0; stream.emptyLinesWaiting--) {
                stream.message.append('\n');
            }
            stream.raw.append(stream.emptyRawWaiting);
            stream.emptyRawWaiting.setLength(0);
            stream.message.append('\n').append(text);
            stream.raw.append('\n').append(raw);
            return;
        }
        if (stream.open != null) {
            flush(stream);
        }
        // a stack trace is written only for an exception, and one that opens an event was not logged by a logger
        head.level = opensTrace ? Level.ERROR : LevelWords.statedByWrappedLine(text);
        stream.open = head;
        stream.openLine = number;
        stream.message = new StringBuilder(text);
        stream.raw = new StringBuilder(raw);
    }

    private void flush(StreamState stream) {
        blankLines += stream.emptyLinesWaiting;
        stream.emptyLinesWaiting = 0;
        stream.emptyRawWaiting.setLength(0);
        Draft d = stream.open;
        String host = context.host() != null ? context.host() : d.host;
        sink.event(new Event(d.ts, d.micros, d.tsText, context.sourceId(), stream.openLine, host, d.kind, d.level,
                stream.message.toString(), stream.raw.toString(), null, d.fields));
        stream.open = null;
        stream.message = null;
        stream.raw = null;
    }

    private FormatException notThisFormat(long line, String reason, long lines) {
        return new FormatException(context.fileName() + " line " + line + ": " + reason + " (no " + formatName
                + " line in the first " + lines + " non-blank lines)");
    }
}
