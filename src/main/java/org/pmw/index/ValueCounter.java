package org.pmw.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.pmw.model.FieldValues;

/**
 * Counts the values of one field among the events that match a query, without doc values for every field (they
 * would cost the import time): a keyword field's terms are walked and each term's events intersected with the
 * matches; a number field's points are visited. Either way the work is one pass over the field, however many
 * events match. Fields that have sorted doc values (source, level, pattern) are read per matching event, and keep
 * their values' case.
 */
final class ValueCounter {

    private ValueCounter() {
    }

    static FieldValues count(IndexSearcher searcher, Query query, String field, FieldType type, int limit)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[] matches = new FixedBitSet[leaves.size()];
        long[] matching = {0};
        searcher.search(query, new SimpleCollector() {
            private FixedBitSet bits;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                bits = new FixedBitSet(context.reader().maxDoc());
                matches[context.ord] = bits;
            }

            @Override
            public void collect(int doc) {
                bits.set(doc);
                matching[0]++;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        Map<Object, long[]> counts = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet bits = matches[leaf.ord];
            if (bits == null || bits.cardinality() == 0) {
                continue;
            }
            LeafReader reader = leaf.reader();
            SortedDocValues sorted = type == FieldType.KEYWORD ? reader.getSortedDocValues(field) : null;
            if (sorted != null) {
                countSorted(sorted, bits, counts);
            } else if (type == FieldType.KEYWORD) {
                countTerms(reader, field, bits, counts);
            } else {
                countPoints(reader.getPointValues(field), type, bits, counts);
            }
        }
        long withField = 0;
        List<FieldValues.Value> all = new ArrayList<>(counts.size());
        for (Map.Entry<Object, long[]> e : counts.entrySet()) {
            withField += e.getValue()[0];
            all.add(new FieldValues.Value(text(e.getKey()), e.getValue()[0]));
        }
        all.sort(Comparator.comparingLong(FieldValues.Value::count).reversed().thenComparing(FieldValues.Value::value));
        return new FieldValues(field, type != FieldType.KEYWORD, matching[0], withField, counts.size(),
                all.subList(0, Math.min(limit, all.size())));
    }

    private static void countSorted(SortedDocValues values, FixedBitSet bits, Map<Object, long[]> counts)
            throws IOException {
        long[] perOrd = new long[values.getValueCount()];
        for (int doc = bits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (values.advanceExact(doc)) {
                perOrd[values.ordValue()]++;
            }
        }
        for (int ord = 0; ord < perOrd.length; ord++) {
            if (perOrd[ord] > 0) {
                counts.computeIfAbsent(values.lookupOrd(ord).utf8ToString(), k -> new long[1])[0] += perOrd[ord];
            }
        }
    }

    private static void countTerms(LeafReader reader, String field, FixedBitSet bits, Map<Object, long[]> counts)
            throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return;
        }
        // when every event of the segment matches, a term's count is its document frequency
        boolean everything = bits.cardinality() == reader.maxDoc() && !reader.hasDeletions();
        TermsEnum termsEnum = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
            long count = 0;
            if (everything) {
                count = termsEnum.docFreq();
            } else {
                postings = termsEnum.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (bits.get(doc)) {
                        count++;
                    }
                }
            }
            if (count > 0) {
                counts.computeIfAbsent(term.utf8ToString(), k -> new long[1])[0] += count;
            }
        }
    }

    private static void countPoints(PointValues points, FieldType type, FixedBitSet bits, Map<Object, long[]> counts)
            throws IOException {
        if (points == null) {
            return;
        }
        points.intersect(new PointValues.IntersectVisitor() {
            @Override
            public void visit(int docID) {
                // only called for cells inside the query, and compare() never says a cell is inside
                throw new IllegalStateException("unexpected cell inside the query");
            }

            @Override
            public void visit(int docID, byte[] packedValue) {
                if (bits.get(docID)) {
                    Object value = type == FieldType.LONG ? (Object) LongPoint.decodeDimension(packedValue, 0)
                            : (Object) DoublePoint.decodeDimension(packedValue, 0);
                    counts.computeIfAbsent(value, k -> new long[1])[0]++;
                }
            }

            @Override
            public PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
                return PointValues.Relation.CELL_CROSSES_QUERY;
            }
        });
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
