package org.pmw.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events themselves, beside the Lucene index: an append-only file of length-prefixed records, and in
 * each document only the record's address. Lucene's stored fields would be copied and compressed again at
 * every flush of a time-sorted index; appending here costs one copy.
 *
 * <p>An address is {@code generation << 40 | offset}. A full rebuild writes a new generation, so the old
 * one stays readable until the rebuild commits. What the last commit covers is recorded in the Lucene
 * commit (see {@link Committed}); anything after it is cut off when the store is next opened for writing,
 * which is how a rollback drops it.
 */
final class EventStore implements Closeable {

    private static final String PREFIX = "events-";
    private static final String SUFFIX = ".store";
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    private static final int BUFFER = 1 << 20;
    /** Most records are one log line: one read of this size usually fetches the whole record. */
    private static final int FIRST_READ = 512;

    /** The generation and length that a commit covers. */
    record Committed(int generation, long length) {

        static final Committed EMPTY = new Committed(0, 0);

        String encode() {
            return generation + ":" + length;
        }

        static Committed decode(String text) {
            if (text == null || text.isEmpty()) {
                return EMPTY;
            }
            int colon = text.indexOf(':');
            return new Committed(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        }
    }

    private final Path dir;
    private final boolean writable;
    private final Map<Integer, FileChannel> readers = new ConcurrentHashMap<>();
    private Committed committed;
    private int generation;
    private FileChannel out;
    private long length;
    private final ByteBuffer pending;

    private EventStore(Path dir, Committed committed, boolean writable) throws IOException {
        this.dir = dir;
        this.writable = writable;
        this.committed = committed;
        this.pending = writable ? ByteBuffer.allocate(BUFFER) : null;
        if (writable) {
            openGeneration(committed.generation(), committed.length());
            deleteGenerationsExcept(committed.generation());
        } else {
            channel(committed.generation());
        }
    }

    /** Opens for appending, cutting off whatever the last commit does not cover. */
    static EventStore openWritable(Path dir, Committed committed) throws IOException {
        return new EventStore(dir, committed, true);
    }

    static EventStore openReadOnly(Path dir, Committed committed) throws IOException {
        return new EventStore(dir, committed, false);
    }

    /** Whether the files hold everything the commit says they hold. */
    static boolean holds(Path dir, Committed committed) throws IOException {
        if (committed.length() == 0) {
            return true;
        }
        Path file = dir.resolve(fileName(committed.generation()));
        return Files.isRegularFile(file) && Files.size(file) >= committed.length();
    }

    private static String fileName(int generation) {
        return PREFIX + generation + SUFFIX;
    }

    private void openGeneration(int gen, long keep) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(fileName(gen)), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (channel.size() < keep) {
            channel.close();
            throw new IOException("the event store " + dir.resolve(fileName(gen)) + " is shorter than its last commit");
        }
        channel.truncate(keep);
        generation = gen;
        out = channel;
        length = keep;
        pending.clear();
        FileChannel previous = readers.put(gen, channel);
        if (previous != null && previous != channel) {
            previous.close();
        }
    }

    private void deleteGenerationsExcept(int keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int gen;
                try {
                    gen = Integer.parseInt(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (gen != keep) {
                    FileChannel open = readers.remove(gen);
                    if (open != null) {
                        open.close();
                    }
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Appends one record; safe to call from several threads. Returns its address. */
    long append(byte[] record) throws IOException {
        synchronized (pending) {
            long at = length;
            int size = Integer.BYTES + record.length;
            if (pending.remaining() < size) {
                flushPending();
            }
            if (size > pending.capacity()) {
                ByteBuffer whole = ByteBuffer.allocate(size).putInt(record.length).put(record).flip();
                writeFully(whole, at);
            } else {
                pending.putInt(record.length).put(record);
            }
            length += size;
            return ((long) generation << OFFSET_BITS) | at;
        }
    }

    /** Writes buffered records to the file, so readers opened after this see them. */
    void flush() throws IOException {
        synchronized (pending) {
            flushPending();
        }
    }

    private void flushPending() throws IOException {
        pending.flip();
        writeFully(pending, length - pending.remaining());
        pending.clear();
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
    }

    /** Makes every record appended so far durable; returns what a commit now covers. */
    Committed prepareCommit() throws IOException {
        synchronized (pending) {
            flushPending();
            out.force(false);
            return new Committed(generation, length);
        }
    }

    /** Called once the Lucene commit that records {@code c} has succeeded: older generations can go. */
    void committed(Committed c) throws IOException {
        committed = c;
        deleteGenerationsExcept(c.generation());
    }

    /** Starts a new, empty generation for a full rebuild; the committed one stays readable until it commits. */
    void startOver() throws IOException {
        synchronized (pending) {
            flushPending();
            if (generation != committed.generation()) {
                readers.remove(generation);
                out.close();
                Files.deleteIfExists(dir.resolve(fileName(generation)));
            }
            openGeneration(committed.generation() + 1, 0);
        }
    }

    /** Reads the record at {@code address}. */
    byte[] read(long address) throws IOException {
        int gen = (int) (address >>> OFFSET_BITS);
        long offset = address & OFFSET_MASK;
        FileChannel channel = channel(gen);
        ByteBuffer head = ByteBuffer.allocate(FIRST_READ);
        readFully(channel, head, offset, Integer.BYTES);
        head.flip();
        int size = head.getInt();
        byte[] record = new byte[size];
        int have = Math.min(size, head.remaining());
        head.get(record, 0, have);
        if (have < size) {
            ByteBuffer rest = ByteBuffer.wrap(record, have, size - have);
            readFully(channel, rest, offset + Integer.BYTES + have, size - have);
        }
        return record;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, int atLeast)
            throws IOException {
        int start = buffer.position();
        while (buffer.position() - start < atLeast) {
            int n = channel.read(buffer, position + buffer.position() - start);
            if (n < 0) {
                throw new EOFException("event store ends before the record at " + position);
            }
        }
    }

    private FileChannel channel(int gen) throws IOException {
        FileChannel channel = readers.get(gen);
        if (channel != null) {
            return channel;
        }
        synchronized (readers) {
            channel = readers.get(gen);
            if (channel == null) {
                try {
                    channel = FileChannel.open(dir.resolve(fileName(gen)), StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    if (!writable && committed.length() == 0) {
                        return null;
                    }
                    throw new IOException("the event store " + e.getFile()
                            + " is missing; re-index the project (pmw reindex)", e);
                }
                readers.put(gen, channel);
            }
            return channel;
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel channel : readers.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        readers.clear();
        if (first != null) {
            throw first;
        }
    }
}
