package org.pmw.ingest.logs;

import java.io.IOException;
import java.time.ZoneOffset;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * A line-oriented log format: a {@link LineParser} per file, assembled into events by
 * {@link EntryAssembler}. Scores a sample by the share of its lines that open an entry.
 */
abstract class LineLogFormat implements Format {

    /** Below this share of all non-blank lines, a sample's entries are too few to trust the score. */
    private static final double MIN_ENTRY_SHARE = 0.2;

    private final String name;
    private final String description;
    private final String example;
    private final boolean multiline;

    LineLogFormat(String name, String description, String example, boolean multiline) {
        this.name = name;
        this.description = description;
        this.example = example;
        this.multiline = multiline;
    }

    abstract LineParser newParser(ParseContext context);

    /** The parser that scores samples; formats whose parser accepts lines on credit give a stricter one. */
    LineParser newScoringParser(ParseContext context) {
        return newParser(context);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String example() {
        return example;
    }

    @Override
    public final FormatCategory category() {
        return FormatCategory.LOG;
    }

    final boolean multiline() {
        return multiline;
    }

    /**
     * The lines that belong to another log though they open no entry of this one: those that start with a
     * timestamp. A multi-line format skips them rather than join them to its entry; a single-line format skips
     * every such line anyway.
     */
    java.util.function.Predicate<String> foreignTimestampedLines() {
        return multiline ? GenericFormat.timestampProbe() : line -> false;
    }

    /**
     * Whether a line that opens no entry is expected between entries (stack frames, indented wrapped text)
     * and so says nothing for or against the format.
     */
    boolean neutralInScore(String line) {
        return multiline && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /**
     * Whether a line that opens no entry is one this format writes inside its entries (a Java stack frame in a
     * log4j file): evidence for the format, so it does not count against the share of entries below.
     */
    boolean explainsContinuation(String line) {
        return false;
    }

    /**
     * Share of the sample's non-blank, non-neutral lines that open an entry (or continue one with the
     * format's own prefix), reduced when entries are under a fifth of the non-blank lines the format does not
     * explain as its own continuations: an application log in an outage is mostly stack traces.
     */
    @Override
    public double score(Sample sample) {
        ParseContext probe = new ParseContext("detect", sample.fileName(), ZoneOffset.UTC, 2000, null);
        LineParser parser = newScoringParser(probe);
        java.util.function.Predicate<String> startsWithTimestamp = foreignTimestampedLines();
        Draft draft = new Draft();
        int entries = 0;
        int counted = 0;
        int nonBlank = 0;
        int explained = 0;
        for (String line : sample.lines()) {
            if (EntryAssembler.isBlank(line)) {
                continue;
            }
            nonBlank++;
            draft.clear();
            LineParser.Result result;
            try {
                result = parser.read(line, draft);
            } catch (RuntimeException e) {
                result = LineParser.Result.NONE;
            }
            if (result != LineParser.Result.NONE) {
                entries++;
                counted++;
            } else if (!neutralInScore(line)) {
                // a timestamped line the format cannot read is skipped at import, and the lines after it with it,
                // not joined: it weighs twice, so that a file generic reads whole is not read two lines in three
                counted += startsWithTimestamp.test(line) ? 2 : 1;
            } else if (explainsContinuation(line)) {
                explained++;
            }
        }
        if (entries == 0) {
            return 0;
        }
        double score = (double) entries / counted;
        double share = (double) entries / (nonBlank - explained);
        if (share < MIN_ENTRY_SHARE) {
            score *= share / MIN_ENTRY_SHARE;
        }
        return score;
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        try (LineReader reader = input.lines()) {
            new EntryAssembler(name, context, sink, multiline, foreignTimestampedLines()).run(reader,
                    newParser(context));
        }
    }
}
