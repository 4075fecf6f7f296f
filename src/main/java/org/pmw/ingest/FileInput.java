package org.pmw.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A file on disk as parse input. Gzip is recognised by its magic bytes and read transparently; a truncated
 * or damaged gzip stream ends the input where it broke, and {@link #truncatedAt()} says at which compressed
 * byte, so what was readable is still imported. Decompression is bounded by {@link #MAX_EXPANSION}.
 */
public final class FileInput implements ParseInput {

    /** A gzip file may expand to at most this many times its size before the import stops (zip bombs). */
    public static final long MAX_EXPANSION = 1000;

    private final Path path;
    private final String fileName;
    private final boolean gzip;
    private long truncatedAt = -1;
    private boolean expansionLimitHit;
    private volatile CountingStream raw;
    private LineReader lastReader;
    /** For gzip: the SHA-256 of the decompressed bytes, once the last stream handed out was read to its end. */
    private volatile String contentSha256;
    private volatile long contentBytes = -1;

    public FileInput(Path path, String fileName) throws IOException {
        this.path = path;
        this.fileName = fileName;
        this.gzip = isGzip(path);
    }

    public static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Override
    public String fileName() {
        return fileName;
    }

    public boolean gzip() {
        return gzip;
    }

    /** Compressed byte offset at which a damaged gzip stream stopped, or -1. */
    public long truncatedAt() {
        return truncatedAt;
    }

    public boolean expansionLimitHit() {
        return expansionLimitHit;
    }

    @Override
    public LineReader lines() throws IOException {
        lastReader = new LineReader(stream(), () -> truncatedAt >= 0);
        return lastReader;
    }

    /** The reader last handed out by {@link #lines()}, for its counts of malformed and cut lines; or null. */
    public LineReader lastLineReader() {
        return lastReader;
    }

    /**
     * For gzip, the SHA-256 (hex) of the decompressed content, when the last stream handed out was read to its
     * end (or to where a damaged stream broke off); else null. Two files with the same content, one compressed,
     * are the same evidence.
     */
    public String contentSha256() {
        return contentSha256;
    }

    /** For gzip, how many bytes the content that {@link #contentSha256()} covers has; else -1. */
    public long contentBytes() {
        return contentBytes;
    }

    /**
     * Reads the whole decompressed content once, for {@link #contentSha256()}; what the parse's own read found
     * (a damaged stream, the expansion limit) stays as it was.
     */
    public String hashContent() throws IOException {
        long truncated = truncatedAt;
        boolean limitHit = expansionLimitHit;
        try (InputStream in = stream()) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the stream digests what passes through it
            }
        } finally {
            truncatedAt = truncated;
            expansionLimitHit = limitHit;
        }
        return contentSha256;
    }

    /**
     * The length of the content as a gzip file's trailer gives it: modulo 2^32, and of its last member only,
     * so equal lengths only say the content may be the same.
     */
    public static long gzipTrailerLength(Path path) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
            long size = channel.size();
            if (size < 18) {
                return -1;
            }
            java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining() && channel.read(trailer, size - 4 + trailer.position()) > 0) {
                // a file read may return fewer bytes than asked
            }
            return trailer.flip().remaining() == 4 ? trailer.getInt() & 0xFFFFFFFFL : -1;
        }
    }

    /** Bytes of the file (compressed, for gzip) read so far by the last stream handed out. */
    public long bytesRead() {
        CountingStream counting = raw;
        return counting == null ? 0 : counting.count;
    }

    @Override
    public InputStream stream() throws IOException {
        CountingStream compressed = new CountingStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        raw = compressed;
        if (!gzip) {
            return utf8(compressed);
        }
        long limit = Math.max(1L << 20, Files.size(path) * MAX_EXPANSION);
        contentSha256 = null;
        contentBytes = -1;
        return utf8(new BufferedInputStream(new TolerantStream(new GZIPInputStream(compressed, 1 << 16), compressed,
                limit), 1 << 16));
    }

    /** Whether the content is UTF-16 with a byte-order mark (as Windows tools and PowerShell write text). */
    public boolean utf16() {
        return utf16;
    }

    private boolean utf16;

    /**
     * The parsers read UTF-8; UTF-16 text with a byte-order mark is turned into UTF-8 on the way (the evidence
     * copy keeps the file's own bytes).
     */
    private InputStream utf8(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        utf16 = first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
        return utf16 ? new Utf16Stream(in) : in;
    }

    /** UTF-16 (endianness from its byte-order mark, which is dropped) re-encoded as UTF-8. */
    private static final class Utf16Stream extends InputStream {
        private final java.io.Reader reader;
        private final char[] chars = new char[8192];
        private byte[] bytes = new byte[0];
        private int position;
        private char pendingHigh;

        Utf16Stream(InputStream in) {
            this.reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_16);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == bytes.length) {
                int n = reader.read(chars);
                if (n < 0) {
                    if (pendingHigh != 0) {
                        bytes = String.valueOf(pendingHigh).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        pendingHigh = 0;
                        position = 0;
                        continue;
                    }
                    return -1;
                }
                StringBuilder text = new StringBuilder(n + 1);
                if (pendingHigh != 0) {
                    text.append(pendingHigh);
                    pendingHigh = 0;
                }
                text.append(chars, 0, n);
                // a surrogate pair split between two reads is encoded once both halves are here
                if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                    pendingHigh = text.charAt(text.length() - 1);
                    text.setLength(text.length() - 1);
                }
                bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                position = 0;
            }
            int count = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, count);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The detection sample: first {@code maxLines} lines and the first 4 KiB of (decompressed) content. */
    public Sample sample(int maxLines) throws IOException {
        LineReader previous = lastReader;
        byte[] head;
        try (InputStream in = stream()) {
            head = in.readNBytes(4096);
        }
        List<String> lines = new ArrayList<>();
        try (LineReader reader = lines()) {
            String line;
            while (lines.size() < maxLines && (line = reader.next()) != null) {
                lines.add(line);
            }
        }
        lastReader = previous;
        truncatedAt = -1;
        String name = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return new Sample(name, lines, Arrays.copyOf(head, head.length));
    }

    /**
     * What to do with an archive or a file compressed other than with gzip, told by its first bytes (after gzip,
     * which is read as it is): null for anything else.
     */
    public static String archiveAdvice(byte[] head) {
        if (head.length > 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")
                && (head[262] == 0 || head[262] == ' ')) {
            return "is a tar archive: unpack it (tar xf) and import the folder";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "is a zip archive: unpack it (unzip) and import the folder";
        }
        if (head.length >= 10 && startsWith(head, 'B', 'Z', 'h') && head[3] >= '1' && head[3] <= '9'
                && (startsWith(java.util.Arrays.copyOfRange(head, 4, 10), 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
                || startsWith(java.util.Arrays.copyOfRange(head, 4, 10), 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
            return "is compressed with bzip2: decompress it (bunzip2 -k) and import the result; gzip is read as it is";
        }
        if (startsWith(head, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "is compressed with xz: decompress it (unxz -k) and import the result; gzip is read as it is";
        }
        if (startsWith(head, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "is compressed with zstd: decompress it (unzstd) and import the result; gzip is read as it is";
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "is a 7-Zip archive: unpack it (7z x) and import the folder";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes look like a binary file rather than text (NUL bytes or many control bytes). */
    public static boolean looksBinary(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control > head.length / 10;
    }

    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Turns the end of a damaged gzip stream into a normal end of input, remembering where it happened. */
    private final class TolerantStream extends FilterInputStream {
        private final CountingStream compressed;
        private final long limit;
        private long produced;
        private boolean ended;
        private final java.security.MessageDigest digest;

        TolerantStream(InputStream in, CountingStream compressed, long limit) {
            super(in);
            this.compressed = compressed;
            this.limit = limit;
            try {
                this.digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** The content ended here: what was read is the whole of it. */
        private void complete() {
            contentSha256 = java.util.HexFormat.of().formatHex(digest.digest());
            contentBytes = produced;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    produced += n;
                    if (produced > limit) {
                        expansionLimitHit = true;
                        ended = true;
                        return -1;
                    }
                    digest.update(b, off, n);
                } else if (n < 0) {
                    ended = true;
                    complete();
                }
                return n;
            } catch (EOFException | ZipException e) {
                truncatedAt = compressed.count;
                ended = true;
                complete();
                return -1;
            }
        }
    }
}
