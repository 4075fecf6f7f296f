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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.compress.LZ4;

/**
 * The events themselves, beside the Lucene index: an append-only file of LZ4-compressed blocks of
 * length-prefixed records, and in each document only the record's address. Lucene's stored fields would be
 * copied and compressed again at every flush of a time-sorted index; here each record is compressed once.
 *
 * <p>A block is {@code [int compressed length][int length][LZ4 bytes]}. An address is the generation (8 bits),
 * the block's file offset (44 bits) and the record's place in the block (12 bits): a block's offset is known
 * when it is started, because the blocks before it are written by then. A full rebuild writes a new
 * generation, so the old one stays readable until the rebuild commits.
 *
 * <p>What the last commit covers is recorded in the Lucene commit (see {@link Committed}); anything after it is
 * cut off when the store is next opened for writing, which is how a rollback drops it.
 */
final class EventStore implements Closeable {

    private static final String PREFIX = "events-";
    private static final String SUFFIX = ".store";
    private static final int INDEX_BITS = 12;
    private static final int OFFSET_BITS = 44;
    private static final int GENERATION_MASK = 0xFF;
    private static final int MAX_RECORDS = 1 << INDEX_BITS;
    /** Big enough for LZ4 to find the repetition between log lines, small enough to read one event fast. */
    private static final int BLOCK_BYTES = 48 * 1024;
    private static final int HEADER = 2 * Integer.BYTES;
    private static final int CACHED_BLOCKS = 32;

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
    private final Map<Integer, FileChannel> readers = new ConcurrentHashMap<>();
    private Committed committed;
    private int generation;
    private FileChannel out;
    /** The file's length: where the block being filled will be written. */
    private long length;
    private byte[] block;
    private int blockLength;
    private int blockRecords;
    private byte[] compressed;
    private final LZ4.FastCompressionHashTable hashTable;
    private final Object lock = new Object();
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private EventStore(Path dir, Committed committed, boolean writable) throws IOException {
        this.dir = dir;
        this.committed = committed;
        this.block = writable ? new byte[BLOCK_BYTES] : null;
        this.hashTable = writable ? new LZ4.FastCompressionHashTable() : null;
        if (writable) {
            openGeneration(committed.generation(), committed.length());
            deleteGenerationsExcept(committed.generation());
        } else if (committed.length() > 0) {
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
        blockLength = 0;
        blockRecords = 0;
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
        return append(record, record.length);
    }

    /** Appends the first {@code recordLength} bytes of {@code record}. */
    long append(byte[] record, int recordLength) throws IOException {
        synchronized (lock) {
            int size = Integer.BYTES + recordLength;
            if (blockRecords > 0 && (blockLength + size > BLOCK_BYTES || blockRecords == MAX_RECORDS)) {
                writeBlock();
            }
            if (blockLength + size > block.length) {
                block = Arrays.copyOf(block, blockLength + size);
            }
            BitUtil.VH_BE_INT.set(block, blockLength, recordLength);
            System.arraycopy(record, 0, block, blockLength + Integer.BYTES, recordLength);
            blockLength += size;
            return ((long) (generation & GENERATION_MASK) << (OFFSET_BITS + INDEX_BITS))
                    | (length << INDEX_BITS) | blockRecords++;
        }
    }

    /** Writes the block being filled, so readers see every record appended so far. */
    void flush() throws IOException {
        synchronized (lock) {
            writeBlock();
        }
    }

    private void writeBlock() throws IOException {
        if (blockRecords == 0) {
            return;
        }
        int bound = HEADER + blockLength + blockLength / 255 + 16;
        if (compressed == null || compressed.length < bound) {
            compressed = new byte[bound];
        }
        ByteArrayDataOutput output = new ByteArrayDataOutput(compressed, HEADER, compressed.length - HEADER);
        LZ4.compress(block, 0, blockLength, output, hashTable);
        int compressedLength = output.getPosition() - HEADER;
        BitUtil.VH_BE_INT.set(compressed, 0, compressedLength);
        BitUtil.VH_BE_INT.set(compressed, Integer.BYTES, blockLength);
        ByteBuffer buffer = ByteBuffer.wrap(compressed, 0, HEADER + compressedLength);
        long position = length;
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
        length = position;
        blockLength = 0;
        blockRecords = 0;
        if (block.length > 4 * BLOCK_BYTES) {
            block = new byte[BLOCK_BYTES];
        }
    }

    /** Makes every record appended so far durable; returns what a commit now covers. */
    Committed prepareCommit() throws IOException {
        synchronized (lock) {
            writeBlock();
            out.force(false);
            return new Committed(generation, length);
        }
    }

    /** Called once the Lucene commit that records {@code c} has succeeded: older generations can go. */
    void committed(Committed c) {
        committed = c;
        try {
            deleteGenerationsExcept(c.generation());
        } catch (IOException e) {
            // the commit stands; an old generation that cannot go yet is deleted when the store is next opened
        }
    }

    /** Starts a new, empty generation for a full rebuild; the committed one stays readable until it commits. */
    void startOver() throws IOException {
        synchronized (lock) {
            writeBlock();
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
        int index = (int) (address & (MAX_RECORDS - 1));
        byte[] data = block(address >>> INDEX_BITS);
        int at = 0;
        for (int i = 0; i < index; i++) {
            at += Integer.BYTES + (int) BitUtil.VH_BE_INT.get(data, at);
        }
        int size = (int) BitUtil.VH_BE_INT.get(data, at);
        return Arrays.copyOfRange(data, at + Integer.BYTES, at + Integer.BYTES + size);
    }

    /** The uncompressed block at {@code key} (generation and offset); recently read blocks are kept. */
    private byte[] block(long key) throws IOException {
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FileChannel channel = channel((int) (key >>> OFFSET_BITS) & GENERATION_MASK);
        long offset = key & ((1L << OFFSET_BITS) - 1);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, offset);
        int compressedLength = header.getInt(0);
        int length = header.getInt(Integer.BYTES);
        byte[] packed = new byte[compressedLength];
        readFully(channel, ByteBuffer.wrap(packed), offset + HEADER);
        byte[] data = new byte[length];
        LZ4.decompress(new ByteArrayDataInput(packed), length, data, 0);
        synchronized (cache) {
            cache.put(key, data);
        }
        return data;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new EOFException("the event store ends before the block at " + position
                        + "; re-index the project (pmw reindex)");
            }
        }
    }

    /**
     * The open file of a generation. Only two generations exist at any time (the committed one and a rebuild),
     * so the low bits an address keeps are enough to tell them apart.
     */
    private FileChannel channel(int generationBits) throws IOException {
        int bits = generationBits & GENERATION_MASK;
        synchronized (readers) {
            for (Map.Entry<Integer, FileChannel> open : readers.entrySet()) {
                if ((open.getKey() & GENERATION_MASK) == bits) {
                    return open.getValue();
                }
            }
            if ((committed.generation() & GENERATION_MASK) != bits) {
                throw new IOException("these events were replaced by a re-index; search again");
            }
            Path file = dir.resolve(fileName(committed.generation()));
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new IOException("the event store " + file + " is missing; re-index the project"
                        + " (pmw reindex)", e);
            }
            readers.put(committed.generation(), channel);
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
