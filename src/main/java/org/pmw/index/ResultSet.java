package org.pmw.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.pmw.model.Event;
import org.pmw.model.EventResults;

/**
 * All matches of a query as (time, line, doc id) triples sorted by time; events are read per row on
 * demand and the most recent rows cached. Keeps its searcher acquired until closed, so doc ids stay valid.
 */
final class ResultSet implements EventResults {

    /** More matches than this are cut (the count shown stays exact). */
    static final int MAX_ROWS = 20_000_000;

    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private final long[] ts;
    private final int[] docs;
    private final EventStore store;
    private final Map<Integer, Event> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Event> eldest) {
            return size() > 2000;
        }
    };
    private boolean closed;

    ResultSet(SearcherManager manager, EventStore store, Query query) throws IOException {
        this.manager = manager;
        this.store = store;
        this.searcher = manager.acquire();
        boolean ok = false;
        try {
            Collector collector = new Collector();
            searcher.search(query, collector);
            // The index is sorted by (ts, line), so each segment's matches arrive already in order:
            // a k-way merge of the segment runs gives the global order without a full sort.
            int n = collector.size;
            collector.runStarts.add(n);
            int runs = collector.runStarts.size() - 1;
            int[] head = new int[runs];
            int[] end = new int[runs];
            for (int r = 0; r < runs; r++) {
                head[r] = collector.runStarts.get(r);
                end[r] = collector.runStarts.get(r + 1);
            }
            ts = new long[n];
            docs = new int[n];
            for (int i = 0; i < n; i++) {
                int best = -1;
                for (int r = 0; r < runs; r++) {
                    if (head[r] < end[r] && (best < 0 || before(collector, head[r], head[best]))) {
                        best = r;
                    }
                }
                int at = head[best]++;
                ts[i] = collector.keys[at];
                docs[i] = collector.ids[at];
            }
            ok = true;
        } finally {
            if (!ok) {
                manager.release(searcher);
            }
        }
    }

    private static boolean before(Collector c, int a, int b) {
        if (c.keys[a] != c.keys[b]) {
            return c.keys[a] < c.keys[b];
        }
        return c.lines[a] < c.lines[b];
    }

    @Override
    public int size() {
        return docs.length;
    }

    @Override
    public synchronized Event get(int index) {
        if (closed) {
            throw new IllegalStateException("results closed");
        }
        return cache.computeIfAbsent(index, i -> {
            try {
                return DocumentMapper.toEvent(searcher, docs[i], store);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public int indexOfTime(long epochMillis) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gathers (time, line, global doc id) of every match into growable arrays. */
    private static final class Collector extends SimpleCollector {
        long[] keys = new long[1024];
        long[] lines = new long[1024];
        int[] ids = new int[1024];
        int size;
        final java.util.List<Integer> runStarts = new java.util.ArrayList<>();
        private int base;
        private NumericDocValues tsValues;
        private NumericDocValues lineValues;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            base = context.docBase;
            runStarts.add(size);
            tsValues = context.reader().getNumericDocValues(EventSchema.TS);
            lineValues = context.reader().getNumericDocValues(EventSchema.LINE);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (size >= MAX_ROWS) {
                return;
            }
            if (size == ids.length) {
                int grown = Math.min(MAX_ROWS, ids.length * 2);
                keys = Arrays.copyOf(keys, grown);
                lines = Arrays.copyOf(lines, grown);
                ids = Arrays.copyOf(ids, grown);
            }
            keys[size] = tsValues != null && tsValues.advanceExact(doc) ? tsValues.longValue() : 0;
            lines[size] = lineValues != null && lineValues.advanceExact(doc) ? lineValues.longValue() : 0;
            ids[size] = base + doc;
            size++;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
