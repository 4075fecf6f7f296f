package org.pmw.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a parser needs to know about the file beyond its bytes (zone, year, host) and where it reports
 * skipped lines and notes. One per parsed file; not thread-safe.
 */
public final class ParseContext {

    /** How many skip reasons are kept verbatim; the rest are only counted. */
    public static final int KEPT_REASONS = 10;

    private final String sourceId;
    private final String fileName;
    private final ZoneId zone;
    private final Integer year;
    private final String host;
    private long skipped;
    private final List<String> skipReasons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param year the year for year-less timestamps (syslog RFC 3164, MySQL's two-digit year is not
     *             affected), or null to use the current year
     * @param host the host to assign to every event, or null to take it from the data (or leave it empty)
     */
    public ParseContext(String sourceId, String fileName, ZoneId zone, Integer year, String host) {
        this.sourceId = sourceId;
        this.fileName = fileName;
        this.zone = zone;
        this.year = year;
        this.host = host;
    }

    public String sourceId() { return sourceId; }
    public String fileName() { return fileName; }
    public ZoneId zone() { return zone; }
    public Integer year() { return year; }
    public String host() { return host; }

    /** The year to assume for year-less timestamps. */
    public int yearOrDefault() {
        return year != null ? year : java.time.Year.now(zone).getValue();
    }

    /** A line that could not be parsed: counted, and the first few reasons kept as "line N: reason". */
    public void skip(long line, String reason) {
        skipped++;
        if (skipReasons.size() < KEPT_REASONS) {
            skipReasons.add("line " + line + ": " + reason);
        }
    }

    /** Something the user should know about this file that is not a skipped line. */
    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public long skipped() { return skipped; }
    public List<String> skipReasons() { return Collections.unmodifiableList(skipReasons); }
    public List<String> notes() { return Collections.unmodifiableList(notes); }
}
