package org.pmw.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Message text is analysed word by word; every keyword field matches whole values, case-insensitively. */
final class Analyzers {

    private Analyzers() {
    }

    static Analyzer keyword() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected org.apache.lucene.analysis.TokenStream normalize(String fieldName,
                                                                      org.apache.lucene.analysis.TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Words as StandardAnalyzer finds them, lower-cased. StandardAnalyzer would add a stop filter with an empty
     * word list, which costs time at import and removes nothing.
     */
    static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected org.apache.lucene.analysis.TokenStream normalize(String fieldName,
                                                                      org.apache.lucene.analysis.TokenStream in) {
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
