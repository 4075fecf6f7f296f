package org.pmw.sample;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamps exactly as each tool of 2005 printed them (all in local time, US/Eastern). */
final class TimeFormats {

    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    private static final DateTimeFormatter APACHE_ERROR = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.US);
    private static final DateTimeFormatter PHP = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.US);
    private static final DateTimeFormatter SYSLOG_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);
    private static final DateTimeFormatter XEND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter GIT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z", Locale.US);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.US);
    private static final DateTimeFormatter DATE_CMD = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.US);

    private TimeFormats() {
    }

    /** Apache combined log: {@code 10/Oct/2005:14:02:11 -0400}. */
    static String access(long epochSecond) {
        return ACCESS.format(Story.at(epochSecond));
    }

    /** Apache 2.0 error_log: {@code Mon Oct 10 14:02:11 2005}. */
    static String apacheError(long epochSecond) {
        return APACHE_ERROR.format(Story.at(epochSecond));
    }

    /** PHP 5.0 error_log: {@code 10-Oct-2005 14:02:11}. */
    static String php(long epochSecond) {
        return PHP.format(Story.at(epochSecond));
    }

    /** MySQL 4.1 error log: {@code 051010 14:02:11}, hour padded with a space ({@code 051010  9:02:11}). */
    static String mysql(long epochSecond) {
        ZonedDateTime t = Story.at(epochSecond);
        return String.format(Locale.US, "%02d%02d%02d %2d:%02d:%02d", t.getYear() % 100, t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** RFC 3164 syslog, no year, day padded with a space: {@code Oct  9 04:02:01}. */
    static String syslog(long epochSecond) {
        ZonedDateTime t = Story.at(epochSecond);
        return String.format(Locale.US, "%s %2d %02d:%02d:%02d", SYSLOG_MONTH.format(t), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /** xend.log: {@code 2005-10-10 14:02:11}. */
    static String xend(long epochSecond) {
        return XEND.format(Story.at(epochSecond));
    }

    /** git log --pretty=fuller: {@code Mon Oct 10 15:12:44 2005 -0400}. */
    static String git(long epochSecond) {
        return GIT.format(Story.at(epochSecond));
    }

    /** date(1): {@code Mon Oct 10 12:15:02 EDT 2005}. */
    static String dateCommand(long epochSecond) {
        return DATE_CMD.format(Story.at(epochSecond));
    }

    /** ISO-8601 with offset, e.g. {@code 2005-10-10T18:00:00-04:00}. */
    static String iso(long epochSecond) {
        return ISO.format(Story.at(epochSecond));
    }

    /** ISO-8601 UTC, e.g. {@code 2005-10-10T22:00:00Z}. */
    static String isoUtc(long epochSecond) {
        return java.time.Instant.ofEpochSecond(epochSecond).toString();
    }
}
