package org.pmw.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** File content held in memory: import previews and tests. */
public final class InMemoryInput implements ParseInput {

    private final String fileName;
    private final byte[] bytes;

    public InMemoryInput(String fileName, byte[] bytes) {
        this.fileName = fileName;
        this.bytes = bytes.clone();
    }

    public static InMemoryInput of(String fileName, String text) {
        return new InMemoryInput(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public LineReader lines() {
        return new LineReader(stream());
    }

    @Override
    public InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }

    /** The detection sample of this content: its first {@code maxLines} lines and first 4 KiB. */
    public Sample sample(int maxLines) {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = lines()) {
            String line;
            while (lines.size() < maxLines && (line = reader.next()) != null) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 4096));
        return new Sample(fileName, lines, head);
    }
}
