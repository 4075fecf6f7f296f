package org.pmw.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lines of one log file waiting to be written: collected out of order, written in time order
 * (ties keep the order they were added in) once no earlier line can still arrive.
 */
final class TimedLines {

    private record Line(long epochSecond, long order, String text) {
    }

    private static final Comparator<Line> ORDER = Comparator.comparingLong(Line::epochSecond)
            .thenComparingLong(Line::order);

    private final List<Line> pending = new ArrayList<>();
    private long added;

    void add(long epochSecond, String text) {
        pending.add(new Line(epochSecond, added++, text));
    }

    /** Writes every line stamped before {@code untilEpochSecond}; later ones stay pending. */
    void flushBefore(long untilEpochSecond, Writer out) throws IOException {
        pending.sort(ORDER);
        int written = 0;
        for (Line line : pending) {
            if (line.epochSecond() >= untilEpochSecond) {
                break;
            }
            out.write(line.text());
            out.write('\n');
            written++;
        }
        pending.subList(0, written).clear();
    }

    void flushAll(Writer out) throws IOException {
        flushBefore(Long.MAX_VALUE, out);
    }
}
