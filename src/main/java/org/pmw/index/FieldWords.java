package org.pmw.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The words of keyword fields' values as {@link EventSchema#FIELD_WORDS} indexes them, the message's analysis, for
 * one indexing thread. A value that recurs from event to event (an access log's agent and referer) is analysed once:
 * analysing each again was most of what these words cost an import. A value of one plain word (a code, an address)
 * is not among them: it is found as its field's own term.
 */
final class FieldWords {

    private static final int MAX_REMEMBERED = 4096;
    private static final int MAX_REMEMBERED_CHARS = 512;

    private final Analyzer analyzer = Analyzers.indexedText();
    private final Map<String, Words> remembered = new HashMap<>();

    /** A value's words and the position increment of each (a name's parts share its position). */
    record Words(String[] terms, int[] increments) {
    }

    /** Sets {@code into} to replay the words of {@code value}. */
    void analyse(String value, Replay into) throws IOException {
        Words words = remembered.get(value);
        if (words == null) {
            words = analysed(value);
            if (value.length() <= MAX_REMEMBERED_CHARS) {
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
                remembered.put(value, words);
            }
        }
        into.replay(words);
    }

    private Words analysed(String value) throws IOException {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(EventSchema.FIELD_WORDS, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                increments.add(increment.getPositionIncrement());
            }
            stream.end();
        }
        return new Words(terms.toArray(new String[0]), increments.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Whether the message's analysis reads {@code value} as one word, itself lower-cased, as a keyword field indexes
     * it: ASCII letters and digits ({@code ECONNREFUSED}, {@code E111}), or a number with points ({@code 10.0.0.9}),
     * which is not taken apart.
     */
    static boolean plainWord(String value) {
        int n = value.length();
        if (n == 0 || n > 255) {
            return false;
        }
        boolean letters = false;
        boolean points = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (i == 0 || i == n - 1 || value.charAt(i - 1) == '.') {
                    return false;
                }
                points = true;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letters = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return !(letters && points);
    }

    /** Replays words into the index, so the field's value need not be analysed again. Reused by one field. */
    static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Words words = new Words(new String[0], new int[0]);
        private int next;

        void replay(Words value) {
            words = value;
        }

        @Override
        public boolean incrementToken() {
            if (next >= words.terms().length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words.terms()[next]);
            increment.setPositionIncrement(words.increments()[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
