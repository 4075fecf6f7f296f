package org.pmw.ingest.loadtest;

import org.pmw.ingest.FormatException;

/**
 * Refuses a file none of whose first non-blank lines is a record of the format, as the log formats do: a file
 * given the wrong {@code --format} is then refused with what its first line lacks, instead of being imported as
 * an empty run with every line skipped.
 */
final class RecordProbe {

    /** A file none of whose first this many non-blank lines is a record is not in the format at all. */
    static final int GIVE_UP_AFTER = 200;

    private final String fileName;
    private final String formatName;
    private long nonBlank;
    private long records;
    private long firstLine = -1;
    private String firstReason;

    RecordProbe(String fileName, String formatName) {
        this.fileName = fileName;
        this.formatName = formatName;
    }

    /** The non-blank line just read was a record of the format. */
    void record() {
        records++;
        nonBlank++;
    }

    /** The non-blank line just read was not a record of the format, for this reason. */
    void notARecord(long line, String reason) {
        if (firstLine < 0) {
            firstLine = line;
            firstReason = reason;
        }
        nonBlank++;
        if (records == 0 && nonBlank >= GIVE_UP_AFTER) {
            throw refusal();
        }
    }

    /** At the end of the file: refuses it when no line was a record. */
    void finish() {
        if (records == 0 && nonBlank > 0) {
            throw refusal();
        }
    }

    private FormatException refusal() {
        return new FormatException(fileName + ": line " + firstLine + ": " + firstReason + " (no " + formatName
                + " record in the first " + nonBlank + " non-blank lines)");
    }
}
