package org.pmw.ingest.changes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseInput;

/** Reads a whole change file into memory: change records are few, and CSV and JSON need look-ahead. */
final class ChangeText {

    /** Change files larger than this are refused rather than read into memory. */
    static final int MAX_BYTES = 64 << 20;

    private ChangeText() {
    }

    static String read(ParseInput input) throws IOException {
        byte[] bytes;
        try (InputStream in = input.stream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new FormatException(input.fileName() + ": change record files above " + (MAX_BYTES >> 20)
                    + " MiB are not supported");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Start offsets of every line, to turn a character position into a 1-based line number. */
    static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }

    static long lineOf(int[] lineStarts, long position) {
        int i = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
