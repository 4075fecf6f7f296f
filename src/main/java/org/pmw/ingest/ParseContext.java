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
    private final long[] yearReference;
    private boolean yearReferenceIsFileTime;
    private final long now;
    private Integer assumedYear;
    private long skipped;
    private final List<String> skipReasons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param year the year for year-less timestamps (syslog RFC 3164, MySQL's two-digit year is not
     *             affected), or null to use the current year
     * @param host the host to assign to every event, or null to take it from the data (or leave it empty)
     */
    public ParseContext(String sourceId, String fileName, ZoneId zone, Integer year, String host) {
        this(sourceId, fileName, zone, year, host, null, System.currentTimeMillis());
    }

    /**
     * @param yearReference when no year is given: the time range (epoch ms, from and to) that year-less
     *                      timestamps should fall nearest to (the incident window, or the evidence already there),
     *                      or null to take the latest year that does not put them in the future
     * @param now           the time of the import, in epoch ms
     */
    public ParseContext(String sourceId, String fileName, ZoneId zone, Integer year, String host, long[] yearReference,
                        long now) {
        this.sourceId = sourceId;
        this.fileName = fileName;
        this.zone = zone;
        this.year = year;
        this.host = host;
        this.yearReference = yearReference == null ? null : yearReference.clone();
        this.now = now;
    }

    public String sourceId() { return sourceId; }
    public String fileName() { return fileName; }
    public ZoneId zone() { return zone; }
    public Integer year() { return year; }
    public String host() { return host; }

    /** The range year-less timestamps should fall nearest to, or null; see the constructor. */
    public long[] yearReference() {
        return yearReference == null ? null : yearReference.clone();
    }

    /** Whether the reference is only the time the file was last written (nothing else to go by). */
    public boolean yearReferenceIsFileTime() {
        return yearReferenceIsFileTime;
    }

    /** A context like this one whose reference is the file's last-modified time. */
    public ParseContext withFileTime(long lastModified) {
        ParseContext copy = new ParseContext(sourceId, fileName, zone, year, host, new long[] {lastModified,
                lastModified}, now);
        copy.yearReferenceIsFileTime = true;
        return copy;
    }

    /** The time of the import, in epoch ms. */
    public long now() {
        return now;
    }

    /** The year the parser took for the file's first year-less timestamp, when none was given; else null. */
    public Integer assumedYear() {
        return assumedYear;
    }

    /** Records the year taken for the first year-less timestamp, so a rebuild of the index takes it again. */
    public void assumeYear(int taken) {
        if (assumedYear == null) {
            assumedYear = taken;
        }
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
