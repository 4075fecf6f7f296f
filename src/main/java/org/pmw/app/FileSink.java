package org.pmw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.pmw.index.ShardWriter;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;

/**
 * Receives one file's events from its parser: stamps them with the source and the clock offset, gives them
 * their pattern, counts them, and hands them to the indexing workers in batches in time order. Log lines
 * are nearly in time order (a request is logged when it ends but stamped when it began); sorting a window
 * of two batches before handing on the earlier half puts them in order, which spares the index a re-sort.
 */
final class FileSink implements ParseSink {

    private static final int BATCH = 2000;

    private final IndexingWorkers workers;
    private final String sourceId;
    private final long clockOffsetMs;
    private final UnaryOperator<Event> enricher;
    private final Progress progress;
    private final Runnable onBatch;
    private final List<Event> window = new ArrayList<>(2 * BATCH);
    private long events;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final List<LoadTestRun> runs = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();

    FileSink(IndexingWorkers workers, String sourceId, long clockOffsetMs, UnaryOperator<Event> enricher,
             Progress progress, Runnable onBatch) {
        this.workers = workers;
        this.sourceId = sourceId;
        this.clockOffsetMs = clockOffsetMs;
        this.enricher = enricher;
        this.progress = progress;
        this.onBatch = onBatch;
    }

    @Override
    public void event(Event event) {
        Event e = event.source() != null && event.source().equals(sourceId) ? event : event.withSource(sourceId);
        if (clockOffsetMs != 0) {
            e = e.withTs(e.ts() + clockOffsetMs);
        }
        e = enricher.apply(e);
        events++;
        first = Math.min(first, e.ts());
        last = Math.max(last, e.ts());
        window.add(e);
        if (window.size() >= 2 * BATCH) {
            window.sort(ShardWriter.TIME_ORDER);
            submit(new ArrayList<>(window.subList(0, BATCH)));
            window.subList(0, BATCH).clear();
        }
    }

    private void submit(List<Event> batch) {
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled");
        }
        try {
            workers.submit(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        onBatch.run();
    }

    void finish() {
        window.sort(ShardWriter.TIME_ORDER);
        for (int from = 0; from < window.size(); from += BATCH) {
            submit(new ArrayList<>(window.subList(from, Math.min(window.size(), from + BATCH))));
        }
        window.clear();
    }

    @Override
    public void loadTestRun(LoadTestRun run) {
        runs.add(run);
    }

    @Override
    public void change(Change change) {
        changes.add(change);
    }

    /** Whether the parser has handed over nothing yet: no event, run or change. */
    boolean untouched() {
        return events == 0 && runs.isEmpty() && changes.isEmpty();
    }

    long events() { return events; }
    Long first() { return events == 0 ? null : first; }
    Long last() { return events == 0 ? null : last; }
    List<LoadTestRun> runs() { return runs; }
    List<Change> changes() { return changes; }
}
