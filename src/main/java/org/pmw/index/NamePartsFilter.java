package org.pmw.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * At index time, adds the parts of a dotted or underscored name, and every run of adjacent parts, at the name's
 * own position: {@code com.example.shop.cartdao.load} is also found as {@code cartdao}, {@code cartdao.load} (a
 * frame as a stack trace prints it) and {@code shop.cartdao}; {@code mysql_connect} as {@code mysql} and
 * {@code connect}; {@code pg_hba.conf} as {@code pg_hba}; {@code report_2024} as {@code 2024}. The parts share the position, so
 * phrases that hold the whole name still match; numbers ({@code 10.0.0.5}, {@code 1.1}) are not split. Not used on queries: a query
 * term stays the one word it is.
 */
final class NamePartsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> parts = new ArrayDeque<>();

    NamePartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            // the attributes still hold the name's offsets and type; only the text and position change
            term.setEmpty().append(parts.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        split();
        return true;
    }

    private void split() {
        char[] buffer = term.buffer();
        int length = term.length();
        boolean separated = false;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '.' || buffer[i] == '_') {
                separated = true;
                break;
            }
        }
        if (!separated) {
            return;
        }
        // where each part starts and ends
        int[] starts = new int[MAX_PARTS];
        int[] ends = new int[MAX_PARTS];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= length && count < MAX_PARTS; i++) {
            if (i == length || buffer[i] == '.' || buffer[i] == '_') {
                if (i > start) {
                    starts[count] = start;
                    ends[count] = i;
                    count++;
                }
                start = i + 1;
            }
        }
        // a number (an address, a version) is one word; a name's numbers are its parts (report_2024)
        boolean numbersOnly = true;
        for (int i = 0; i < count; i++) {
            numbersOnly &= digitsOnly(buffer, starts[i], ends[i]);
        }
        if (numbersOnly) {
            return;
        }
        // every part and every short run of parts (Class.method, pool.HikariPool), and the runs that start or end
        // the name however long (a package prefix, a qualified method): about 5 words a part, not n squared
        for (int first = 0; first < count; first++) {
            for (int last = first; last < count; last++) {
                boolean wanted = last - first < MAX_RUN || first == 0 || last == count - 1;
                int from = starts[first];
                int to = ends[last];
                if (wanted && to - from < length) {
                    parts.add(new String(buffer, from, to - from));
                }
            }
        }
    }

    /** Parts taken from one name; a longer one (no real name is) gives its first this many. */
    private static final int MAX_PARTS = 64;
    /** Runs up to this many parts are taken from anywhere in a name. */
    private static final int MAX_RUN = 4;

    private static boolean digitsOnly(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] < '0' || buffer[i] > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
    }
}
