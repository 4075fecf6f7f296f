package org.pmw.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.pmw.index.EventIndex;
import org.pmw.model.Event;

/**
 * Turns batches of events into Lucene documents on several threads, so parsing (one thread per file) and
 * indexing (all cores) overlap. The queue is bounded, so memory stays flat however large the file.
 */
final class IndexingWorkers implements AutoCloseable {

    private static final List<Event> END = new ArrayList<>();

    private final EventIndex index;
    private final BlockingQueue<List<Event>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean closed;

    IndexingWorkers(EventIndex index, int threadCount) {
        this.index = index;
        this.queue = new ArrayBlockingQueue<>(threadCount * 4);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::work, "pmw-indexer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private void work() {
        try {
            while (true) {
                List<Event> batch = queue.take();
                if (batch == END) {
                    return;
                }
                if (failure.get() == null) {
                    index.addAll(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            queue.clear();
        }
    }

    /** Hands a batch to the workers, waiting while they are busy; rethrows a worker's failure. */
    void submit(List<Event> batch) throws IOException {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
    }

    /** Waits until every submitted batch is in the index; rethrows a worker's failure. */
    void finish() throws IOException {
        close();
        rethrow();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < threads.size(); i++) {
            boolean offered = false;
            while (!offered) {
                try {
                    offered = queue.offer(END, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (!offered && failure.get() != null) {
                        queue.clear();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
