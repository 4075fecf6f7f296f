package org.pmw.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a byte stream with their line numbers. LF and CRLF both end a line. Invalid UTF-8
 * is replaced with U+FFFD and counted; a line longer than {@link #MAX_LINE_BYTES} is cut there and counted,
 * so one enormous line never exhausts memory.
 */
public final class LineReader implements Closeable {

    /** Longest line kept whole; the rest of a longer line is dropped (and counted). */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineTruncated;

    private long lineNumber;
    private long malformedLines;
    private long truncatedLines;
    private long firstTruncatedLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public LineReader(InputStream in) {
        this(in, () -> false);
    }

    /**
     * @param cutShort whether the input ended where it broke (a truncated gzip stream): its last line, if it has
     *                 no line ending, is then a fragment and is left out rather than read as a whole line
     */
    public LineReader(InputStream in, java.util.function.BooleanSupplier cutShort) {
        this.in = in;
        this.cutShort = cutShort;
    }

    private final java.util.function.BooleanSupplier cutShort;
    private long droppedFragmentLine;

    /** The number of the last line, left out because the input broke off in it; 0 when none was. */
    public long droppedFragmentLine() {
        return droppedFragmentLine;
    }

    /** The next line without its line ending, or null at the end of the input. */
    public String next() throws IOException {
        lineLength = 0;
        lineTruncated = false;
        boolean sawAnything = false;
        while (true) {
            if (position >= limit) {
                if (endOfInput || !fill()) {
                    if (!sawAnything) {
                        return null;
                    }
                    if (cutShort.getAsBoolean()) {
                        droppedFragmentLine = lineNumber + 1;
                        return null;
                    }
                    return finishLine();
                }
            }
            sawAnything = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline >= 0 ? newline : limit;
            append(start, end - start);
            position = newline >= 0 ? newline + 1 : limit;
            if (newline >= 0) {
                return finishLine();
            }
        }
    }

    /** Number (1-based) of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Lines that held invalid UTF-8 (replaced with U+FFFD). */
    public long malformedLines() {
        return malformedLines;
    }

    /** Lines longer than {@link #MAX_LINE_BYTES}, cut to that length. */
    public long truncatedLines() {
        return truncatedLines;
    }

    /** The first line that was cut, or 0. */
    public long firstTruncatedLine() {
        return firstTruncatedLine;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            // read() returning 0 on a blocking stream is a misbehaving stream; treat as end.
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(int from, int length) {
        int room = MAX_LINE_BYTES - lineLength;
        if (length > room) {
            length = room;
            lineTruncated = true;
        }
        if (length <= 0) {
            return;
        }
        if (lineLength + length > line.length) {
            int size = Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, lineLength + length));
            line = java.util.Arrays.copyOf(line, size);
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    private String finishLine() {
        lineNumber++;
        if (lineTruncated) {
            truncatedLines++;
            if (firstTruncatedLine == 0) {
                firstTruncatedLine = lineNumber;
            }
        }
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (lineNumber == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF) {
            // a UTF-8 byte-order mark (Windows editors and some exporters write one): not part of the first line
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        return decode(length);
    }

    private String decode(int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        boolean malformed = false;
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                malformed = true;
                chars.put('\uFFFD');
                bytes.position(bytes.position() + result.length());
            } else if (result.isUnderflow()) {
                break;
            } else if (result.isOverflow()) {
                // cannot happen: UTF-8 never yields more chars than bytes, plus one per replaced byte run
                CharBuffer bigger = CharBuffer.allocate(chars.capacity() * 2 + 1);
                chars.flip();
                bigger.put(chars);
                chars = bigger;
            }
        }
        decoder.flush(chars);
        if (malformed) {
            malformedLines++;
        }
        chars.flip();
        return chars.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
