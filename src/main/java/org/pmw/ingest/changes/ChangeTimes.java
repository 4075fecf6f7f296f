package org.pmw.ingest.changes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Time stamps of change records: ISO-8601 (offset optional) and the date formats git log prints. */
final class ChangeTimes {

    static final String ISO_EXAMPLE = "2005-10-10T18:00:00-04:00";
    static final String GIT_EXAMPLE = "Mon Oct 10 17:40:12 2005 -0400";

    /** ISO-8601 date and time with an offset written +hh:mm, +hhmm, +hh or Z. */
    private static final List<DateTimeFormatter> ISO_WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .appendOffset("+HH", "Z").toFormatter(Locale.ROOT));

    /** git's default and --date=rfc / --date=iso renderings; iso-strict is ISO-8601. */
    private static final List<DateTimeFormatter> GIT = List.of(
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z", Locale.ENGLISH),
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT));

    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("(\\d) ([+-]\\d{2}:?\\d{2}|Z)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ChangeTimes() {
    }

    /**
     * An ISO-8601 time; one without an offset is in {@code zone}. A space may stand for the 'T' and before
     * the offset ("2005-10-10 18:00:00 -04:00"), as spreadsheets write it. Null when it does not parse.
     */
    static Instant parseIso(String text, ZoneId zone) {
        String t = SPACE_BEFORE_TIME.matcher(text.trim()).replaceFirst("$1T$2");
        t = SPACE_BEFORE_OFFSET.matcher(t).replaceFirst("$1$2");
        for (DateTimeFormatter f : ISO_WITH_OFFSET) {
            try {
                return OffsetDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date as git log prints it (default, rfc, iso, iso-strict); null when it does not parse. */
    static Instant parseGit(String text) {
        String t = SPACES.matcher(text.trim()).replaceAll(" ");
        for (DateTimeFormatter f : GIT) {
            try {
                return OffsetDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next rendering
            }
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
