package org.pmw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;

/**
 * Receives one file's events from its parser: stamps them with the source and the clock offset, gives them
 * their pattern, counts them, and hands them to the indexing workers in batches.
 */
final class FileSink implements ParseSink {

    private static final int BATCH = 2000;

    private final IndexingWorkers workers;
    private final String sourceId;
    private final long clockOffsetMs;
    private final UnaryOperator<Event> enricher;
    private final Progress progress;
    private final Runnable onBatch;
    private List<Event> batch = new ArrayList<>(BATCH);
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
        batch.add(e);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled");
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            workers.submit(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch = new ArrayList<>(BATCH);
        onBatch.run();
    }

    void finish() {
        flush();
    }

    @Override
    public void loadTestRun(LoadTestRun run) {
        runs.add(run);
    }

    @Override
    public void change(Change change) {
        changes.add(change);
    }

    long events() { return events; }
    Long first() { return events == 0 ? null : first; }
    Long last() { return events == 0 ? null : last; }
    List<LoadTestRun> runs() { return runs; }
    List<Change> changes() { return changes; }
}
