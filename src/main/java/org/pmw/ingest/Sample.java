package org.pmw.ingest;

import java.util.List;

/**
 * The start of a file, for format detection.
 *
 * @param fileName the file's name (without folders, with any .gz removed)
 * @param lines    up to the first few hundred lines, decoded as UTF-8, line endings removed
 * @param head     the first bytes, decompressed, for binary sniffing
 */
public record Sample(String fileName, List<String> lines, byte[] head) {

    public Sample {
        lines = List.copyOf(lines);
    }

    /** The non-blank lines, which most formats score on. */
    public List<String> nonBlankLines() {
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    /** Fraction of non-blank lines accepted by the test, 0 when there are none. */
    public double fractionMatching(java.util.function.Predicate<String> test) {
        List<String> body = nonBlankLines();
        if (body.isEmpty()) {
            return 0;
        }
        long ok = body.stream().filter(test).count();
        return (double) ok / body.size();
    }
}
