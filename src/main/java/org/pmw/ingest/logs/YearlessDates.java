package org.pmw.ingest.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.pmw.ingest.ParseContext;

/**
 * Gives year-less timestamps ({@code Oct 10 14:02:11}, as RFC 3164 syslog writes them) their year. The first
 * takes the year given for the file; without one, the year that puts it nearest the reference range (the
 * incident window, the evidence already imported, or else the time the file was last written), else the latest
 * year that does not put it in the future. After that the year goes up by one where the dates go back across
 * New Year: from late in one year to early in the next, at most six weeks on. Other jumps back (a clock
 * reset at boot, lines out of order) keep the year, so one odd line does not move the rest of the file.
 */
final class YearlessDates {

    /** Lines a few days out of order are out of order, not a new year. */
    private static final int TOLERATED_DAYS_BACK = 7;
    /**
     * The longest stretch from a date to one early next year that still reads as crossing New Year; a log is
     * rotated long before a longer silence, and a clock reset at boot jumps back further.
     */
    private static final int MAX_DAYS_ACROSS_NEW_YEAR = 45;
    private static final int DAYS_PER_YEAR_KEY = 12 * 31;
    private static final long DAY_MS = 86_400_000L;

    private final ParseContext context;
    private final ZoneId zone;
    private final String what;
    private int year;
    private int lastDayOfYear = -1;

    YearlessDates(ParseContext context, String what) {
        this.context = context;
        this.zone = context.zone();
        this.what = what;
    }

    /** The year of a year-less date, given in file order. */
    int yearOf(int month, int day, int hour, int minute, int second) {
        int dayOfYear = (month - 1) * 31 + day;
        if (lastDayOfYear < 0) {
            year = context.year() != null ? context.year() : firstYear(month, day, hour, minute, second);
        } else if (dayOfYear < lastDayOfYear - TOLERATED_DAYS_BACK
                && DAYS_PER_YEAR_KEY - lastDayOfYear + dayOfYear <= MAX_DAYS_ACROSS_NEW_YEAR) {
            year++;
        }
        lastDayOfYear = dayOfYear;
        return year;
    }

    private int firstYear(int month, int day, int hour, int minute, int second) {
        long[] reference = context.yearReference();
        int taken;
        String why;
        if (reference != null) {
            int around = Instant.ofEpochMilli(reference[1]).atZone(zone).getYear();
            taken = around;
            long best = Long.MAX_VALUE;
            // the latest of equally near years: a reference spanning years holds the date in each of them
            for (int candidate = around + 1; candidate >= around - 4; candidate--) {
                long at = epochMillis(candidate, month, day, hour, minute, second);
                if (at == Long.MIN_VALUE) {
                    continue; // 29 February of a year without it
                }
                long distance = at < reference[0] ? reference[0] - at : at > reference[1] ? at - reference[1] : 0;
                if (distance < best) {
                    best = distance;
                    taken = candidate;
                }
            }
            why = reference[0] == reference[1] && context.yearReferenceIsFileTime()
                    ? "the year that puts them nearest the time the file was last written; give --year if that is wrong"
                    : "the year that puts them nearest the incident window or the evidence already imported";
        } else {
            taken = Instant.ofEpochMilli(context.now()).atZone(zone).getYear();
            for (int back = 0; back < 8; back++, taken--) {
                long at = epochMillis(taken, month, day, hour, minute, second);
                if (at != Long.MIN_VALUE && at <= context.now() + DAY_MS) {
                    break; // a date later this year has not happened yet: it was last year (or a leap year before)
                }
            }
            why = "the latest year that does not put them in the future; give --year if that is wrong";
        }
        context.assumeYear(taken);
        context.note(what + " have no year; took " + taken + ", " + why);
        return taken;
    }

    private long epochMillis(int year, int month, int day, int hour, int minute, int second) {
        if (!Timestamps.valid(year, month, day, hour, minute, second)) {
            return Long.MIN_VALUE;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant().toEpochMilli();
    }
}
