package org.pmw.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.pmw.index.EventIndex;
import org.pmw.index.ShardWriter;
import org.pmw.model.Event;

/**
 * Indexes batches of events on several threads, so parsing (one thread) and indexing (all cores) overlap.
 * Each thread writes its own shard and takes batches in turn, so a thread sees batches in the order they were
 * submitted: given batches in time order, its segments are in time order and need no re-sort (see
 * {@link ShardWriter}). The queues are bounded, so memory stays flat however large the file.
 */
final class IndexingWorkers implements AutoCloseable {

    private static final List<Event> END = new ArrayList<>();
    private static final int QUEUE_BATCHES = 4;

    private final EventIndex index;
    private final List<BlockingQueue<List<Event>>> queues = new ArrayList<>();
    private final List<ShardWriter> shards = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int next;
    /** Set when the import is given up: the workers drop what is queued instead of writing it. */
    private volatile boolean abandoned;
    private boolean stopped;
    private boolean closed;

    IndexingWorkers(EventIndex index, int threadCount) throws IOException {
        this.index = index;
        try {
            for (int i = 0; i < threadCount; i++) {
                BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
                ShardWriter shard = index.newShard();
                queues.add(queue);
                shards.add(shard);
                Thread thread = new Thread(() -> work(queue, shard), "pmw-indexer-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        threads.forEach(Thread::start);
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private void work(BlockingQueue<List<Event>> queue, ShardWriter shard) {
        try {
            while (true) {
                List<Event> batch = queue.take();
                if (batch == END) {
                    // each thread writes out its own last segment, so the final flush runs on every core
                    if (failure.get() == null && !abandoned) {
                        shard.finish();
                    }
                    return;
                }
                if (failure.get() == null && !abandoned) {
                    shard.add(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            queues.forEach(BlockingQueue::clear);
        }
    }

    /** Hands over a batch in time order, waiting while the workers are busy; rethrows a worker's failure. */
    void submit(List<Event> batch) throws IOException {
        rethrow();
        BlockingQueue<List<Event>> queue = queues.get(next);
        next = (next + 1) % queues.size();
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
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

    /** Waits until every submitted batch is written, then adds the shards to the index (uncommitted). */
    void finish() throws IOException {
        stop();
        rethrow();
        index.addShards(shards);
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = 0; i < threads.size(); i++) {
            BlockingQueue<List<Event>> queue = queues.get(i);
            try {
                while (threads.get(i).isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (failure.get() != null) {
                        queue.clear();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    /** Stops the workers; shards not yet added to the index are dropped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        abandoned = !stopped;
        stop();
        for (ShardWriter shard : shards) {
            try {
                shard.close();
            } catch (IOException e) {
                // the shard folder is deleted again when the index is next opened for writing
            }
        }
    }
}
