package org.pmw.index;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.DocIdSetBuilder;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A bare word's query on the fields' words (a term, prefix, wildcard, regular expression or fuzzy query on
 * {@link EventSchema#FIELD_WORDS}) asked of many keyword fields at once, as one query: the events where any of the
 * fields holds a matching term. One clause however many fields a project has, so a query of many words stays inside
 * Lucene's clause limit, and a pattern is compiled once, not once per field.
 */
final class WordInFields extends Query {

    private final Query word;
    private final List<String> fields;

    /** {@code word} is a {@link TermQuery} or a {@link MultiTermQuery}; its own field is not searched. */
    WordInFields(Query word, List<String> fields) {
        if (!(word instanceof TermQuery) && !(word instanceof MultiTermQuery)) {
            throw new IllegalArgumentException("not a word's query: " + word);
        }
        this.word = word;
        this.fields = List.copyOf(fields);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        CompiledAutomaton fuzzy = word instanceof FuzzyQuery f ? f.getAutomata() : null;
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                LeafReader reader = context.reader();
                DocIdSetBuilder docs = new DocIdSetBuilder(reader.maxDoc());
                PostingsEnum postings = null;
                boolean any = false;
                for (String field : fields) {
                    Terms terms = reader.terms(field);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum matching;
                    if (word instanceof TermQuery term) {
                        matching = terms.iterator();
                        if (!matching.seekExact(term.getTerm().bytes())) {
                            continue;
                        }
                        postings = matching.postings(postings, PostingsEnum.NONE);
                        docs.grow(matching.docFreq()).add(postings);
                        any = true;
                    } else {
                        // a fuzzy query's terms enum would build its automata again for every field
                        matching = fuzzy != null ? fuzzy.getTermsEnum(terms) : ((MultiTermQuery) word).getTermsEnum(terms);
                        for (BytesRef t = matching.next(); t != null; t = matching.next()) {
                            postings = matching.postings(postings, PostingsEnum.NONE);
                            docs.grow(matching.docFreq()).add(postings);
                            any = true;
                        }
                    }
                }
                if (!any) {
                    return null;
                }
                DocIdSet set = docs.build();
                DocIdSetIterator iterator = set.iterator();
                return iterator == null ? null : new ConstantScoreScorer(this, score(), scoreMode, iterator);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        for (String field : fields) {
            if (visitor.acceptField(field)) {
                visitor.visitLeaf(this);
                return;
            }
        }
    }

    @Override
    public String toString(String defaultField) {
        return word.toString(EventSchema.FIELD_WORDS) + " in " + fields.size() + " keyword field(s)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && word.equals(((WordInFields) other).word)
                && fields.equals(((WordInFields) other).fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), word, fields);
    }
}
