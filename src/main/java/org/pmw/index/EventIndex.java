package org.pmw.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.pmw.model.Event;
import org.pmw.model.EventResults;
import org.pmw.model.LaneDensity;
import org.pmw.model.Histogram;
import org.pmw.model.SearchHits;
import org.pmw.model.EventSearch;
import org.pmw.model.Level;
import org.pmw.model.TermSeries;

/**
 * The Lucene index of a project's events: sorted by time, written by many threads at once, searched through
 * a near-real-time searcher. Changes become durable only on {@link #commit}; {@link #rollback} drops
 * everything since the last commit, which is how a failed or cancelled import leaves no trace.
 */
public final class EventIndex implements Closeable {

    private static final String KEY_VERSION = "pmw.index.version";
    private static final String KEY_SOURCES = "pmw.sources";
    private static final String KEY_FIELDS = "pmw.fields";
    private static final String KEY_STORE = "pmw.store";
    /** Sub-folder of the index folder holding the private indexes of an import in progress. */
    private static final String SHARDS = "shards";
    private static final Sort TIME_ORDER = new Sort(new SortField(EventSchema.TS, SortField.Type.LONG),
            new SortField(EventSchema.LINE, SortField.Type.LONG));
    private static final Sort TIME_DESCENDING = new Sort(new SortField(EventSchema.TS, SortField.Type.LONG, true),
            new SortField(EventSchema.LINE, SortField.Type.LONG, true));

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer = Analyzers.forEvents();
    private final Analyzer indexAnalyzer = Analyzers.forIndexing();
    private final boolean writable;
    private FieldCatalog catalog;
    private DocumentMapper mapper;
    private EventStore store;
    private IndexWriter writer;
    private SearcherManager searchers;
    private final AtomicInteger shardCounter = new AtomicInteger();

    private EventIndex(Path path, boolean writable) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        this.writable = writable;
        open();
    }

    /** Opens (or creates) the index for writing; the caller holds the project lock. */
    public static EventIndex openWritable(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new EventIndex(dir, true);
    }

    /** Opens the last commit for searching only; the index must exist. */
    public static EventIndex openReadOnly(Path dir) throws IOException {
        return new EventIndex(dir, false);
    }

    /** Reads the state of the index in {@code dir} without opening it for writing. */
    public static IndexState inspect(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return IndexState.missing();
        }
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return IndexState.missing();
            }
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            Map<String, String> data = infos.getUserData();
            int version = Integer.parseInt(data.getOrDefault(KEY_VERSION, "0"));
            if (!EventStore.holds(dir, EventStore.Committed.decode(data.get(KEY_STORE)))) {
                version = 0;    // the events are gone: as good as no index
            }
            String sources = data.getOrDefault(KEY_SOURCES, "");
            long docs = infos.totalMaxDoc();
            return new IndexState(true, version, sources.isEmpty() ? List.of() : List.of(sources.split("\n")), docs);
        }
    }

    private void open() throws IOException {
        if (writable) {
            ShardWriter.deleteTree(path.resolve(SHARDS));
            writer = new IndexWriter(directory, writerConfig().setRAMBufferSizeMB(48));
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            catalog = FieldCatalog.decode(data.get(KEY_FIELDS));
            EventStore.Committed committed = EventStore.Committed.decode(data.get(KEY_STORE));
            if (!EventStore.holds(path, committed)) {
                // the project sees the index as stale and rebuilds it; start the store afresh for that
                committed = new EventStore.Committed(committed.generation() + 1, 0);
            }
            store = EventStore.openWritable(path, committed);
            searchers = new SearcherManager(writer, null);
        } else {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index in " + directory);
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            catalog = FieldCatalog.decode(data.get(KEY_FIELDS));
            store = EventStore.openReadOnly(path, EventStore.Committed.decode(data.get(KEY_STORE)));
            searchers = new SearcherManager(directory, null);
        }
        mapper = new DocumentMapper(catalog, store);
    }

    private IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(TIME_ORDER)
                // compound files save file handles, not time: building them rewrites every flushed segment
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
    }

    /**
     * A private writer for one thread of a bulk import; its events become part of this index (still
     * uncommitted) when passed to {@link #addShards}. Closing a shard instead drops it.
     */
    public ShardWriter newShard() throws IOException {
        requireWritable();
        Path dir = Files.createDirectories(path.resolve(SHARDS)).resolve("s" + shardCounter.incrementAndGet());
        ShardWriter.deleteTree(dir);
        return new ShardWriter(dir, mapper, writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }

    /** Moves the segments of finished shards into this index, uncommitted, and deletes the shards. */
    public void addShards(List<ShardWriter> shards) throws IOException {
        requireWritable();
        try {
            List<Directory> dirs = new ArrayList<>();
            for (ShardWriter shard : shards) {
                shard.finish();
                if (shard.documents() > 0) {
                    dirs.add(shard.directory());
                }
            }
            if (!dirs.isEmpty()) {
                writer.addIndexes(dirs.toArray(Directory[]::new));
            }
        } finally {
            for (ShardWriter shard : shards) {
                shard.close();
            }
            ShardWriter.deleteTree(path.resolve(SHARDS));
        }
    }

    public FieldCatalog fields() {
        return catalog;
    }

    /** Makes everything added so far durable, recording which sources the index now holds. */
    public void commit(Collection<String> sourceIds) throws IOException {
        requireWritable();
        Map<String, String> data = new HashMap<>();
        data.put(KEY_VERSION, Integer.toString(EventSchema.VERSION));
        data.put(KEY_SOURCES, String.join("\n", sourceIds));
        data.put(KEY_FIELDS, catalog.encode());
        EventStore.Committed stored = store.prepareCommit();
        data.put(KEY_STORE, stored.encode());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        store.committed(stored);
        searchers.maybeRefreshBlocking();
    }

    /** Drops everything added since the last commit and reopens at that commit. */
    public void rollback() throws IOException {
        requireWritable();
        try {
            searchers.close();
            store.close();
        } finally {
            writer.rollback();
        }
        // reopening the store at the last commit cuts off what was appended since
        open();
    }

    /**
     * Removes every event (used before a full rebuild). The field catalog stays: searches made while the rebuild
     * runs still see the committed events, and must read {@code status:503} as the number it is. The same evidence
     * registers the same fields again.
     */
    public void deleteAll() throws IOException {
        requireWritable();
        writer.deleteAll();
        store.startOver();
        mapper = new DocumentMapper(catalog, store);
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("index opened read-only");
        }
    }

    /** Makes events added since the last call visible to searches, without committing them. */
    public void refresh() throws IOException {
        store.flush();
        searchers.maybeRefreshBlocking();
    }

    public Query parse(String queryText) {
        return QueryParsing.parse(queryText, analyzer, catalog);
    }

    private Query withWindow(Query query, Instant from, Instant to) {
        if (from == null && to == null) {
            return query;
        }
        long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(EventSchema.TS, lower, upper), BooleanClause.Occur.FILTER)
                .build();
    }

    public SearchHits search(EventSearch search) throws IOException {
        long started = System.nanoTime();
        Query query = withWindow(parse(search.query()), search.from(), search.to());
        IndexSearcher searcher = searchers.acquire();
        try {
            int limit = Math.max(0, search.limit());
            long total = searcher.count(query);
            List<Event> events = new ArrayList<>();
            if (limit > 0 && total > 0) {
                TopDocs top = switch (search.order()) {
                    case TIME -> searcher.search(query, limit, TIME_ORDER);
                    case TIME_DESCENDING -> searcher.search(query, limit, TIME_DESCENDING);
                    case RELEVANCE -> searcher.search(query, limit);
                };
                events = load(searcher, top.scoreDocs);
            }
            return new SearchHits(total, events, (System.nanoTime() - started) / 1e6);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Every match in time order, loaded lazily; the caller closes it. */
    public EventResults results(String queryText, Instant from, Instant to) throws IOException {
        return new ResultSet(searchers, store, withWindow(parse(queryText), from, to));
    }

    /**
     * The values of {@code field} among the events matching the query in [from, to), most frequent first, at most
     * {@code limit} of them. Keyword values are as searched: lower case (source, level and pattern keep theirs).
     *
     * @throws IllegalArgumentException for a field the project does not have, or one whose values are not counted
     *                                  (the message text, the time)
     */
    public org.pmw.model.FieldValues fieldValues(String field, String queryText, Instant from, Instant to, int limit)
            throws IOException {
        FieldType type = countableType(field);
        Query query = withWindow(parse(queryText), from, to);
        IndexSearcher searcher = searchers.acquire();
        try {
            return ValueCounter.count(searcher, query, field, type, limit);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The fields whose values can be counted: the event's own keywords, then the formats' fields by name. */
    public List<String> countableFields() {
        List<String> names = new ArrayList<>(List.of(EventSchema.SOURCE, EventSchema.HOST, EventSchema.LEVEL,
                EventSchema.KIND, EventSchema.PATTERN));
        catalog.snapshot().keySet().stream().sorted()
                .filter(name -> !names.contains(name) && !UNCOUNTED.contains(name)).forEach(names::add);
        return names;
    }

    /** The event's own fields whose values are not counted: times and text. */
    private static final java.util.Set<String> UNCOUNTED = java.util.Set.of(EventSchema.TS, EventSchema.TS_TEXT,
            EventSchema.MICROS, EventSchema.AT, EventSchema.MESSAGE, EventSchema.RAW);

    private FieldType countableType(String field) {
        switch (field) {
            case EventSchema.SOURCE, EventSchema.HOST, EventSchema.LEVEL, EventSchema.KIND, EventSchema.PATTERN -> {
                return FieldType.KEYWORD;
            }
            case EventSchema.LINE -> {
                return FieldType.LONG;
            }
            case EventSchema.MESSAGE, EventSchema.RAW -> throw new IllegalArgumentException("the message is text, not a "
                    + "value: its templates are counted by 'patterns'");
            case EventSchema.TS, EventSchema.TS_TEXT, EventSchema.MICROS, EventSchema.AT ->
                    throw new IllegalArgumentException("times are counted per bucket by 'histogram'");
            default -> {
                FieldType type = catalog.type(field);
                if (type == null) {
                    throw new IllegalArgumentException("no field '" + field + "' in this project (fields: "
                            + String.join(", ", countableFields()) + ")");
                }
                return type;
            }
        }
    }

    public long count(String queryText, Instant from, Instant to) throws IOException {
        Query query = withWindow(parse(queryText), from, to);
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(query);
        } finally {
            searchers.release(searcher);
        }
    }

    private List<Event> load(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<Event> events = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            events.add(DocumentMapper.toEvent(searcher, hit.doc, store));
        }
        return events;
    }

    public Histogram histogram(String queryText, Instant from, Instant to, long bucketMillis) throws IOException {
        return histogram(queryText, from, to, bucketMillis, 0);
    }

    /** Counts per bucket of {@code bucketMillis}; buckets start at {@code originMillis} plus a whole number of them. */
    public Histogram histogram(String queryText, Instant from, Instant to, long bucketMillis, long originMillis)
            throws IOException {
        return histogram(queryText, from, to, bucketMillis, originMillis, null);
    }

    /**
     * Counts per bucket of {@code bucketMillis} from {@code originMillis}; with a zone, buckets of whole days are
     * local days, so they stay on local midnight across a daylight-saving change.
     */
    public Histogram histogram(String queryText, Instant from, Instant to, long bucketMillis, long originMillis,
                               java.time.ZoneId zone) throws IOException {
        Buckets layout = Buckets.of(bucketMillis, originMillis, zone);
        Query query = withWindow(parse(queryText), from, to);
        Map<Long, long[]> counts = new HashMap<>();
        long[] total = {0};
        IndexSearcher searcher = searchers.acquire();
        try {
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues ts;
                private final Buckets.Cursor cursor = layout.cursor();

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ts = context.reader().getNumericDocValues(EventSchema.TS);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (ts != null && ts.advanceExact(doc)) {
                        long bucket = cursor.startOf(ts.longValue());
                        counts.computeIfAbsent(bucket, k -> new long[1])[0]++;
                        total[0]++;
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } finally {
            searchers.release(searcher);
        }
        List<Histogram.Bucket> buckets = new ArrayList<>();
        if (!counts.isEmpty()) {
            long first = counts.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = counts.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            if (from != null) {
                first = Math.min(first, layout.startOf(from.toEpochMilli()));
            }
            if (to != null) {
                last = Math.max(last, layout.startOf(to.toEpochMilli() - 1));
            }
            // every bucket in between is listed, the empty ones too: refuse before listing millions of them
            if ((last - first) / bucketMillis >= Histogram.MAX_BUCKETS) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "%,d buckets of %,d ms from %s to %s are too many (at most %,d): choose a wider bucket or a"
                        + " shorter window", (last - first) / bucketMillis + 1, bucketMillis, Instant.ofEpochMilli(first),
                        Instant.ofEpochMilli(last), Histogram.MAX_BUCKETS));
            }
            for (long start = first; start <= last; start = layout.next(start)) {
                long[] c = counts.get(start);
                buckets.add(new Histogram.Bucket(start, c == null ? 0 : c[0]));
            }
        }
        return new Histogram(bucketMillis, buckets, total[0]);
    }

    /**
     * Counts per bucket per source per level over [from, to): the timeline's lanes. Reads doc values only,
     * so it stays fast with millions of events.
     */
    public LaneDensity laneDensity(String queryText, Instant from, Instant to, int bucketCount) throws IOException {
        long start = from.toEpochMilli();
        long width = Math.max(1, (to.toEpochMilli() - start + bucketCount - 1) / bucketCount);
        Query query = withWindow(parse(queryText), from, to);
        Map<String, long[][]> lanes = new HashMap<>();
        Level[] levels = Level.values();
        IndexSearcher searcher = searchers.acquire();
        try {
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues ts;
                private SortedDocValues source;
                private SortedDocValues level;
                private String[] sourceNames;
                private int[] levelOrdinals;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ts = context.reader().getNumericDocValues(EventSchema.TS);
                    source = context.reader().getSortedDocValues(EventSchema.SOURCE);
                    level = context.reader().getSortedDocValues(EventSchema.LEVEL);
                    sourceNames = new String[source == null ? 0 : source.getValueCount()];
                    for (int i = 0; i < sourceNames.length; i++) {
                        sourceNames[i] = source.lookupOrd(i).utf8ToString();
                    }
                    levelOrdinals = new int[level == null ? 0 : level.getValueCount()];
                    for (int i = 0; i < levelOrdinals.length; i++) {
                        levelOrdinals[i] = Level.fromId(level.lookupOrd(i).utf8ToString()).ordinal();
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (ts == null || !ts.advanceExact(doc) || source == null || !source.advanceExact(doc)) {
                        return;
                    }
                    int bucket = (int) ((ts.longValue() - start) / width);
                    if (bucket < 0 || bucket >= bucketCount) {
                        return;
                    }
                    int lvl = level != null && level.advanceExact(doc) ? levelOrdinals[level.ordValue()] : 2;
                    lanes.computeIfAbsent(sourceNames[source.ordValue()], k -> new long[levels.length][bucketCount])
                            [lvl][bucket]++;
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } finally {
            searchers.release(searcher);
        }
        return new LaneDensity(start, width, bucketCount, lanes);
    }

    /**
     * Counts of matches per value of a keyword field with doc values (pattern, source, level) over [from, to),
     * in total and per bucket of {@code bucketMillis}; as in {@link #histogram(String, Instant, Instant, long, long)},
     * buckets start at {@code originMillis} plus a whole number of them.
     */
    public TermSeries termSeries(String field, String queryText, Instant from, Instant to, long bucketMillis,
                                 long originMillis) throws IOException {
        if (from == null || to == null) {
            long[] range = timeRange();
            if (range == null) {
                return new TermSeries(field, 0, bucketMillis, 0, Map.of(), Map.of(), Map.of());
            }
            from = from != null ? from : Instant.ofEpochMilli(range[0]);
            to = to != null ? to : Instant.ofEpochMilli(range[1] + 1);
        }
        long start = Buckets.of(bucketMillis, originMillis, null).startOf(from.toEpochMilli());
        int buckets = (int) Math.max(1, Math.min(100_000, (to.toEpochMilli() - start + bucketMillis - 1) / bucketMillis));
        Query query = withWindow(parse(queryText), from, to);
        Map<String, long[]> series = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, long[]> spans = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues ts;
                private SortedDocValues values;
                private String[] names;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ts = context.reader().getNumericDocValues(EventSchema.TS);
                    values = context.reader().getSortedDocValues(field);
                    names = new String[values == null ? 0 : values.getValueCount()];
                    for (int i = 0; i < names.length; i++) {
                        names[i] = values.lookupOrd(i).utf8ToString();
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (values == null || !values.advanceExact(doc) || ts == null || !ts.advanceExact(doc)) {
                        return;
                    }
                    String name = names[values.ordValue()];
                    long at = ts.longValue();
                    int bucket = (int) ((at - start) / bucketMillis);
                    totals.merge(name, 1L, Long::sum);
                    long[] span = spans.computeIfAbsent(name, k -> new long[] {at, at});
                    span[0] = Math.min(span[0], at);
                    span[1] = Math.max(span[1], at);
                    if (bucket >= 0 && bucket < buckets) {
                        series.computeIfAbsent(name, k -> new long[buckets])[bucket]++;
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } finally {
            searchers.release(searcher);
        }
        return new TermSeries(field, start, bucketMillis, buckets, totals, series, spans);
    }

    /**
     * The event of {@code source} that contains {@code line} (the last event starting at or before it) and up
     * to {@code context} events before and after it in the same source. Empty when the source has no such line.
     */
    public List<Event> around(String source, long line, int context) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query inSource = inSource(searcher, source);
            TopDocs atOrBefore = nearestLines(searcher, inSource, line, context + 1, false);
            if (atOrBefore.scoreDocs.length == 0) {
                return List.of();
            }
            List<Event> before = load(searcher, atOrBefore.scoreDocs);
            Event target = before.get(0);
            if (target.line() < line && !containsLine(target, line)) {
                return List.of();
            }
            List<Event> result = new ArrayList<>(before);
            java.util.Collections.reverse(result);
            if (context > 0) {
                TopDocs after = nearestLines(searcher, inSource, line, context, true);
                result.addAll(load(searcher, after.scoreDocs));
            }
            return result;
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The events of the source named {@code source}. Names are searched case-insensitively, so two sources whose
     * names differ only in case (Server.log and server.log from two machines) share a term: where a source has
     * exactly that name, only its events are taken; a name typed in another case still finds its source.
     */
    private static Query inSource(IndexSearcher searcher, String source) throws IOException {
        Query folded = new TermQuery(new Term(EventSchema.SOURCE, DocumentMapper.lower(source)));
        BytesRef exact = new BytesRef(source);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues names = leaf.reader().getSortedDocValues(EventSchema.SOURCE);
            if (names != null && names.lookupTerm(exact) >= 0) {
                return and(folded, SortedDocValuesField.newSlowExactQuery(EventSchema.SOURCE, exact));
            }
        }
        return folded;
    }

    /** Lines searched first either side of the event, then more, then the whole file. */
    private static final long[] LINE_SPANS = {256, 65_536, Long.MAX_VALUE};

    /**
     * The {@code wanted} events of a source nearest {@code line}: at or before it (nearest first), or after it. The
     * index is in time order, not line order, so a range reaching the start of the file would visit every event
     * before the line (seconds, at the end of a file of millions of lines): a narrow range is tried first.
     */
    private static TopDocs nearestLines(IndexSearcher searcher, Query inSource, long line, int wanted, boolean after)
            throws IOException {
        Sort sort = new Sort(new SortField(EventSchema.LINE, SortField.Type.LONG, !after));
        TopDocs found = null;
        for (long span : LINE_SPANS) {
            long from = after ? line + 1 : span >= line ? Long.MIN_VALUE : line - span;
            long to = after ? (span > Long.MAX_VALUE - line ? Long.MAX_VALUE : line + span) : line;
            found = searcher.search(and(inSource, LongPoint.newRangeQuery(EventSchema.LINE, from, to)), wanted, sort);
            if (found.scoreDocs.length >= wanted || (after ? to == Long.MAX_VALUE : from == Long.MIN_VALUE)) {
                break;
            }
        }
        return found;
    }

    private static boolean containsLine(Event event, long line) {
        long lines = event.raw().chars().filter(c -> c == '\n').count() + 1;
        return line < event.line() + lines;
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    /** Number of events visible to searches now. */
    public long size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Which state of the index searches see now: it changes whenever events added, removed or re-read become
     * visible (a commit or a refresh), and only then.
     */
    public long version() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return ((DirectoryReader) searcher.getIndexReader()).getVersion();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Earliest and latest event time, or null when empty. */
    public long[] timeRange() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var values = leaf.reader().getPointValues(EventSchema.TS);
                if (values == null) {
                    continue;
                }
                min = Math.min(min, LongPoint.decodeDimension(values.getMinPackedValue(), 0));
                max = Math.max(max, LongPoint.decodeDimension(values.getMaxPackedValue(), 0));
            }
            return min == Long.MAX_VALUE ? null : new long[] {min, max};
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer != null) {
                    writer.rollback();
                }
            } finally {
                try {
                    store.close();
                } finally {
                    directory.close();
                }
            }
        }
    }
}
