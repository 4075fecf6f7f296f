package org.pmw.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.pmw.model.Event;

/**
 * A private index for one indexing thread during a bulk import; {@link EventIndex#addShards} moves its
 * segments into the project's index.
 *
 * <p>Why: Lucene keeps the index sorted by time by re-sorting every flushed segment, which costs about a fifth
 * of the import, unless the segment's documents already arrived in order. With one writer per thread, each
 * segment holds only that thread's batches, in the order it added them; given batches in time order, the
 * re-sort is skipped. When a batch would break the order (a new file starting earlier, say), the segment is
 * flushed first, so order is never assumed, only exploited.
 */
public final class ShardWriter implements Closeable {

    /** The order of the index sort: time, then line. */
    public static final Comparator<Event> TIME_ORDER =
            Comparator.comparingLong(Event::ts).thenComparingLong(Event::line);

    private static final double RAM_BUFFER_MB = 32;

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final DocumentMapper.Builder documents;
    private Event last;
    private long added;
    private boolean finished;

    ShardWriter(Path dir, DocumentMapper mapper, IndexWriterConfig config) throws IOException {
        this.dir = dir;
        this.documents = mapper.newBuilder();
        this.directory = FSDirectory.open(dir);
        // merging belongs to the project's index, after the shards are added
        this.writer = new IndexWriter(directory, config.setMergePolicy(NoMergePolicy.INSTANCE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB));
    }

    /** Adds a batch that is in {@link #TIME_ORDER}; called by one thread only. */
    public void add(List<Event> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (last != null && TIME_ORDER.compare(batch.get(0), last) < 0) {
            writer.flush();
        }
        // each document is built as Lucene asks for it, so the builder's fields can be reused
        Iterator<Event> events = batch.iterator();
        try {
            writer.addDocuments(() -> new Iterator<Iterable<? extends IndexableField>>() {
                @Override
                public boolean hasNext() {
                    return events.hasNext();
                }

                @Override
                public Iterable<? extends IndexableField> next() {
                    try {
                        return documents.build(events.next());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        last = batch.get(batch.size() - 1);
        added += batch.size();
    }

    public long documents() {
        return added;
    }

    /** Writes what is buffered; after this the shard takes no more events. */
    public void finish() throws IOException {
        if (!finished) {
            writer.commit();
            writer.close();
            finished = true;
        }
    }

    Directory directory() {
        return directory;
    }

    /** Drops the shard and its files. */
    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                writer.rollback();
                finished = true;
            }
        } finally {
            directory.close();
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
