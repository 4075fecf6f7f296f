package org.pmw.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
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
 * would cost the import time): a keyword field's terms are walked once, in order across all segments, and each
 * term's events intersected with the matches; a number field's points are visited. Either way the work is one
 * pass over the field, however many events match, and only the most frequent values are kept while counting.
 * Fields that have sorted doc values (source, level, pattern) are read per matching event, and keep their
 * values' case.
 */
final class ValueCounter {

    /** Most frequent first; among equals, by value. */
    private static final Comparator<FieldValues.Value> RANK =
            Comparator.comparingLong(FieldValues.Value::count).reversed().thenComparing(FieldValues.Value::value);

    private ValueCounter() {
    }

    static FieldValues count(IndexSearcher searcher, Query query, String field, FieldType type, int limit)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        FixedBitSet matches = new FixedBitSet(Math.max(1, reader.maxDoc()));
        long[] matching = {0};
        searcher.search(query, new SimpleCollector() {
            private int docBase;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                docBase = context.docBase;
            }

            @Override
            public void collect(int doc) {
                matches.set(docBase + doc);
                matching[0]++;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        Tally tally = new Tally(limit);
        if (matching[0] > 0) {
            boolean sorted = false;
            if (type == FieldType.KEYWORD) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    sorted |= leaf.reader().getSortedDocValues(field) != null;
                }
            }
            if (sorted) {
                countSorted(reader, field, matches, tally);
            } else if (type == FieldType.KEYWORD) {
                countTerms(reader, field, matches, matching[0], tally);
            } else {
                countPoints(reader, field, type, matches, tally);
            }
        }
        return new FieldValues(field, type != FieldType.KEYWORD, matching[0], tally.withField, tally.distinct,
                tally.top());
    }

    /** Counts values one by one, keeping only the most frequent {@code limit} of them. */
    private static final class Tally {
        private final int limit;
        /** The least frequent kept value on top, so a value is kept only if it beats it. */
        private final PriorityQueue<FieldValues.Value> kept;
        private long withField;
        private long distinct;

        Tally(int limit) {
            this.limit = limit;
            this.kept = new PriorityQueue<>(limit + 1, RANK.reversed());
        }

        void add(long count, BytesRef term) {
            add(count, () -> term.utf8ToString());
        }

        /** The value's text is made only when it is kept: most of a million client addresses never are. */
        void add(long count, java.util.function.Supplier<String> value) {
            withField += count;
            distinct++;
            FieldValues.Value least = kept.peek();
            if (kept.size() >= limit && least != null && count < least.count()) {
                return;
            }
            kept.add(new FieldValues.Value(value.get(), count));
            if (kept.size() > limit) {
                kept.poll();
            }
        }

        List<FieldValues.Value> top() {
            List<FieldValues.Value> top = new ArrayList<>(kept);
            top.sort(RANK);
            return top;
        }
    }

    private static void countSorted(IndexReader reader, String field, FixedBitSet matches, Tally tally)
            throws IOException {
        // ordinals are per segment: merge the segments' counts by value
        Map<String, long[]> counts = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues values = leaf.reader().getSortedDocValues(field);
            if (values == null) {
                continue;
            }
            long[] perOrd = new long[values.getValueCount()];
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (int doc = nextMatch(matches, leaf.docBase, end); doc < end; doc = nextMatch(matches, doc + 1, end)) {
                if (values.advanceExact(doc - leaf.docBase)) {
                    perOrd[values.ordValue()]++;
                }
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    counts.computeIfAbsent(values.lookupOrd(ord).utf8ToString(), k -> new long[1])[0] += perOrd[ord];
                }
            }
        }
        counts.forEach((value, count) -> tally.add(count[0], () -> value));
    }

    private static int nextMatch(FixedBitSet matches, int from, int end) {
        if (from >= end) {
            return end;
        }
        int next = matches.nextSetBit(from);
        return next == DocIdSetIterator.NO_MORE_DOCS ? end : Math.min(next, end);
    }

    private static void countTerms(IndexReader reader, String field, FixedBitSet matches, long matching,
                                   Tally tally) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        // when every event matches, a term's count is its document frequency
        boolean everything = matching == reader.maxDoc() && !reader.hasDeletions();
        // a field of several values an event (a JSON array's elements) counts each event once among those with it
        boolean severalValues = terms.getSumDocFreq() != terms.getDocCount();
        FixedBitSet withField = severalValues && !everything ? new FixedBitSet(reader.maxDoc()) : null;
        TermsEnum termsEnum = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
            long count = 0;
            if (everything) {
                count = termsEnum.docFreq();
            } else {
                postings = termsEnum.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (matches.get(doc)) {
                        count++;
                        if (withField != null) {
                            withField.set(doc);
                        }
                    }
                }
            }
            if (count > 0) {
                tally.add(count, term);
            }
        }
        if (severalValues) {
            tally.withField = everything ? terms.getDocCount() : withField.cardinality();
        }
    }

    private static void countPoints(IndexReader reader, String field, FieldType type, FixedBitSet matches,
                                    Tally tally) throws IOException {
        Map<Object, long[]> counts = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            PointValues points = leaf.reader().getPointValues(field);
            if (points == null) {
                continue;
            }
            int docBase = leaf.docBase;
            points.intersect(new PointValues.IntersectVisitor() {
                @Override
                public void visit(int docID) {
                    // only called for cells inside the query, and compare() never says a cell is inside
                    throw new IllegalStateException("unexpected cell inside the query");
                }

                @Override
                public void visit(int docID, byte[] packedValue) {
                    if (matches.get(docBase + docID)) {
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
        counts.forEach((value, count) -> tally.add(count[0], () -> text(value)));
    }

    /** A number as a search names it: 503, 0.25, 100000000000000000000 (not 1.0E20, which would not parse). */
    private static String text(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
