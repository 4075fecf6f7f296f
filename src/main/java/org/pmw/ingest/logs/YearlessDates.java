package org.pmw.ingest.logs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.pmw.ingest.ParseContext;

/**
 * Gives year-less timestamps ({@code Oct 10 14:02:11}, as RFC 3164 syslog writes them) their year. The first
 * takes the year given for the file; without one, the year that puts it nearest the reference range (the
 * incident window, or the evidence already imported), else the latest year that does not put it in the future.
 * After that the year goes up by one wherever the dates go back by more than a week: at New Year, or across a
 * gap in the file.
 */
final class YearlessDates {

    /** Lines a few days out of order are out of order, not a new year. */
    private static final int TOLERATED_DAYS_BACK = 7;
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
        } else if (dayOfYear < lastDayOfYear - TOLERATED_DAYS_BACK) {
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
            int around = java.time.Instant.ofEpochMilli(reference[1]).atZone(zone).getYear();
            taken = around;
            long best = Long.MAX_VALUE;
            for (int candidate = around - 1; candidate <= around + 1; candidate++) {
                long at = epochMillis(candidate, month, day, hour, minute, second);
                long distance = at < reference[0] ? reference[0] - at : at > reference[1] ? at - reference[1] : 0;
                if (at != Long.MIN_VALUE && distance < best) {
                    best = distance;
                    taken = candidate;
                }
            }
            why = "the year that puts them nearest the incident window or the evidence already imported";
        } else {
            taken = java.time.Instant.ofEpochMilli(context.now()).atZone(zone).getYear();
            if (epochMillis(taken, month, day, hour, minute, second) > context.now() + DAY_MS) {
                taken--; // a date later this year has not happened yet: it was last year
            }
            why = "the latest year that does not put them in the future; give --year if that is wrong";
        }
        context.assumeYear(taken);
        context.note(what + " have no year; took " + taken + ", " + why);
        return taken;
    }

    private long epochMillis(int year, int month, int day, int hour, int minute, int second) {
        if (!Timestamps.valid(year, month, day, hour, minute, second)) {
            return Long.MIN_VALUE; // 29 February of a year without it
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant().toEpochMilli();
    }
}
