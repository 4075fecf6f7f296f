package org.pmw.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits words the standard tokenizer keeps joined by a colon ({@code routines:tls_parse_ctos_key_share:bad},
 * {@code s3:GetObject}) into words one after the other, as grep users read them, so each is found alone and in
 * phrases. Used on the text and on queries alike.
 */
final class ColonPartsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> parts = new ArrayDeque<>();

    ColonPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            // the attributes still hold the joined word's offsets and type; the next part is the next position
            term.setEmpty().append(parts.poll());
            increment.setPositionIncrement(1);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int colon = -1;
        for (int i = 0; i < length && colon < 0; i++) {
            if (buffer[i] == ':') {
                colon = i;
            }
        }
        if (colon < 0) {
            return true;
        }
        int start = 0;
        String first = null;
        for (int i = 0; i <= length; i++) {
            if (i == length || buffer[i] == ':') {
                if (i > start) {
                    String part = new String(buffer, start, i - start);
                    if (first == null) {
                        first = part;
                    } else {
                        parts.add(part);
                    }
                }
                start = i + 1;
            }
        }
        if (first == null) {
            return true; // only colons: keep the token as it is
        }
        term.setEmpty().append(first);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
    }
}
