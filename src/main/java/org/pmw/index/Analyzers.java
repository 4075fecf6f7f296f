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
        return lowerCased(KeywordTokenizer::new);
    }

    /**
     * Words as StandardAnalyzer finds them, lower-cased. StandardAnalyzer would add a stop filter with an empty
     * word list, which costs time at import and removes nothing.
     */
    static Analyzer text() {
        return lowerCased(StandardTokenizer::new);
    }

    private static Analyzer lowerCased(Supplier<Tokenizer> tokenizer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    static Analyzer forEvents() {
        Map<String, Analyzer> perField = new HashMap<>();
        Analyzer text = text();
        for (String field : EventSchema.TEXT_FIELDS) {
            perField.put(field, text);
        }
        return new PerFieldAnalyzerWrapper(keyword(), perField);
    }
}
