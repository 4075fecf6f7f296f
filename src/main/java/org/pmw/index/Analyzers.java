package org.pmw.index;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Message text is analysed word by word; every keyword field matches whole values, case-insensitively. */
final class Analyzers {

    private Analyzers() {
    }

    /** Whole values, lower-cased. */
    static Analyzer keyword() {
        return lowerCased(KeywordTokenizer::new, false);
    }

    /**
     * Words as StandardAnalyzer finds them, lower-cased. StandardAnalyzer would add a stop filter with an empty
     * word list, which costs time at import and removes nothing.
     */
    static Analyzer text() {
        return lowerCased(StandardTokenizer::new, false);
    }

    /** {@link #text()}, plus the parts of dotted and underscored names (see {@link NamePartsFilter}). */
    static Analyzer indexedText() {
        return lowerCased(StandardTokenizer::new, true);
    }

    private static Analyzer lowerCased(Supplier<Tokenizer> tokenizer, boolean nameParts) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                TokenStream lower = new LowerCaseFilter(source);
                if (!(source instanceof StandardTokenizer)) {
                    return new TokenStreamComponents(source, lower);
                }
                TokenStream words = new ColonPartsFilter(lower);
                return new TokenStreamComponents(source, nameParts ? new NamePartsFilter(words) : words);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }

            /** A phrase does not run from the message into the logger's name indexed beside it. */
            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /** How queries read each field. */
    static Analyzer forEvents() {
        return perField(text());
    }

    /** How documents are indexed: as queries read them, with the parts of names added to the text. */
    static Analyzer forIndexing() {
        return perField(indexedText());
    }

    private static Analyzer perField(Analyzer text) {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : EventSchema.TEXT_FIELDS) {
            perField.put(field, text);
        }
        return new PerFieldAnalyzerWrapper(keyword(), perField);
    }
}
