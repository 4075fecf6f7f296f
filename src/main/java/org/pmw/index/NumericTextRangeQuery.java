package org.pmw.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A range of numbers over a keyword field whose values are numbers written as text (a JSON log that quotes
 * {@code "duration_ms":"2314"}): {@code duration_ms:>2000} compares them as numbers, where Lucene alone would
 * compare the text ("655" after "2000"). Values that are not numbers (a version, an address) are compared as
 * text, as before. The field's terms are read once, when the query is run.
 */
final class NumericTextRangeQuery extends Query {

    private final String field;
    private final Double lower;
    private final Double upper;
    private final boolean includeLower;
    private final boolean includeUpper;
    private final String lowerText;
    private final String upperText;

    /** Null bounds are open; each is given as written, for the values that are not numbers. */
    NumericTextRangeQuery(String field, String lowerText, String upperText, boolean includeLower, boolean includeUpper) {
        this.field = field;
        this.lowerText = lowerText;
        this.upperText = upperText;
        this.lower = lowerText == null ? null : Double.valueOf(lowerText);
        this.upper = upperText == null ? null : Double.valueOf(upperText);
        this.includeLower = includeLower;
        this.includeUpper = includeUpper;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return new MatchNoDocsQuery("no field " + field);
        }
        List<BytesRef> wanted = new ArrayList<>();
        TermsEnum each = terms.iterator();
        BytesRef from = lower == null ? null : new BytesRef(lowerText);
        BytesRef to = upper == null ? null : new BytesRef(upperText);
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            String text = term.utf8ToString();
            // a number is compared as a number; any other value (2.1.3, 10.1.2.3) as text, as Lucene would
            boolean in = FieldType.isNumber(text) ? within(Double.parseDouble(text)) : withinText(term, from, to);
            if (in) {
                wanted.add(BytesRef.deepCopyOf(term));
            }
        }
        return wanted.isEmpty() ? new MatchNoDocsQuery("no number of " + field + " in the range")
                : new TermInSetQuery(field, wanted);
    }

    private boolean withinText(BytesRef term, BytesRef from, BytesRef to) {
        if (from != null) {
            int c = term.compareTo(from);
            if (includeLower ? c < 0 : c <= 0) {
                return false;
            }
        }
        if (to != null) {
            int c = term.compareTo(to);
            return includeUpper ? c <= 0 : c < 0;
        }
        return true;
    }

    private boolean within(double value) {
        if (lower != null && (includeLower ? value < lower : value <= lower)) {
            return false;
        }
        return upper == null || (includeUpper ? value <= upper : value < upper);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + ":" + (includeLower ? "[" : "{") + (lower == null ? "*" : lower) + " TO "
                + (upper == null ? "*" : upper) + (includeUpper ? "]" : "}") + " (numbers written as text)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((NumericTextRangeQuery) other).field)
                && Objects.equals(lower, ((NumericTextRangeQuery) other).lower)
                && Objects.equals(upper, ((NumericTextRangeQuery) other).upper)
                && includeLower == ((NumericTextRangeQuery) other).includeLower
                && includeUpper == ((NumericTextRangeQuery) other).includeUpper;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, lower, upper, includeLower, includeUpper);
    }
}
