package org.pmw.ingest.logs;

/**
 * Index-based date parsing shared by the log parsers: month names, digit runs, ISO 8601 and calendar
 * arithmetic. No regex and no {@code DateTimeFormatter}, because these run once per log line.
 */
final class Timestamps {

    /** Zone abbreviations as logs print them (PostgreSQL's %t/%m, a PHP date.timezone of EST), in seconds east of UTC. */
    static final java.util.Map<String, Integer> ZONE_ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry("UTC", 0), java.util.Map.entry("GMT", 0), java.util.Map.entry("UCT", 0), java.util.Map.entry("Z", 0),
            java.util.Map.entry("EST", -5 * 3600), java.util.Map.entry("EDT", -4 * 3600), java.util.Map.entry("CST", -6 * 3600),
            java.util.Map.entry("CDT", -5 * 3600), java.util.Map.entry("MST", -7 * 3600), java.util.Map.entry("MDT", -6 * 3600),
            java.util.Map.entry("PST", -8 * 3600), java.util.Map.entry("PDT", -7 * 3600), java.util.Map.entry("CET", 3600),
            java.util.Map.entry("CEST", 2 * 3600), java.util.Map.entry("BST", 3600), java.util.Map.entry("WET", 0), java.util.Map.entry("WEST", 3600),
            java.util.Map.entry("EET", 2 * 3600), java.util.Map.entry("EEST", 3 * 3600), java.util.Map.entry("MSK", 3 * 3600),
            java.util.Map.entry("JST", 9 * 3600), java.util.Map.entry("KST", 9 * 3600), java.util.Map.entry("AEST", 10 * 3600),
            java.util.Map.entry("AEDT", 11 * 3600));

    /**
     * The zone a log names: a tz identifier ({@code Europe/Berlin}, {@code UTC}), or else one of the abbreviations
     * above as its fixed offset ({@code EST}, which Java does not know as a zone).
     *
     * @throws java.time.DateTimeException when it is neither
     */
    static java.time.ZoneId zoneNamed(String name) {
        try {
            return java.time.ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            Integer offset = ZONE_ABBREVIATIONS.get(name);
            if (offset == null) {
                throw e;
            }
            return java.time.ZoneOffset.ofTotalSeconds(offset);
        }
    }

    private Timestamps() {
    }

    /** 1..12 for an English three-letter month abbreviation starting at {@code from} (any case), else 0. */
    static int month(String s, int from) {
        if (from < 0 || from + 3 > s.length()) {
            return 0;
        }
        int a = s.charAt(from) | 0x20;
        int b = s.charAt(from + 1) | 0x20;
        int c = s.charAt(from + 2) | 0x20;
        switch (a) {
            case 'j':
                if (b == 'a' && c == 'n') {
                    return 1;
                }
                if (b == 'u' && c == 'n') {
                    return 6;
                }
                return b == 'u' && c == 'l' ? 7 : 0;
            case 'f':
                return b == 'e' && c == 'b' ? 2 : 0;
            case 'm':
                if (b == 'a' && c == 'r') {
                    return 3;
                }
                return b == 'a' && c == 'y' ? 5 : 0;
            case 'a':
                if (b == 'p' && c == 'r') {
                    return 4;
                }
                return b == 'u' && c == 'g' ? 8 : 0;
            case 's':
                return b == 'e' && c == 'p' ? 9 : 0;
            case 'o':
                return b == 'c' && c == 't' ? 10 : 0;
            case 'n':
                return b == 'o' && c == 'v' ? 11 : 0;
            case 'd':
                return b == 'e' && c == 'c' ? 12 : 0;
            default:
                return 0;
        }
    }

    /** The value of exactly {@code count} decimal digits at {@code from}, or -1. */
    static int digits(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** End index of the run of decimal digits starting at {@code from} (== from when there is none). */
    static int digitRunEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    static boolean isDigit(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    static boolean at(String s, int i, char c) {
        return i >= 0 && i < s.length() && s.charAt(i) == c;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (civil-from-days, inverted). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    static boolean valid(int year, int month, int day, int hour, int minute, int second) {
        return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
                && day <= lengthOfMonth(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
                && second >= 0 && second <= 60;
    }

    /** Seconds since the epoch of a wall-clock time read as if it were UTC (leap second 60 folds onto 59). */
    static long localSeconds(int year, int month, int day, int hour, int minute, int second) {
        return epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + Math.min(second, 59);
    }

    /**
     * Reads MySQL's old {@code yyMMdd H:mm:ss} at {@code from} ({@code 051010 14:02:11}, the hour padded with a space:
     * {@code 051010  9:02:11}), as its error log and slow log write it.
     *
     * @return the index after it, or -1 when the text there is not such a time; {@code t} then is undefined
     */
    static int mysqlShortDate(String s, int from, ParsedTime t) {
        int date = digits(s, from, 6);
        int i = from + 6;
        if (date < 0 || !at(s, i, ' ')) {
            return -1;
        }
        i = at(s, i + 1, ' ') ? i + 2 : i + 1;
        int hourEnd = digitRunEnd(s, i);
        if (hourEnd == i || hourEnd - i > 2 || !at(s, hourEnd, ':') || !at(s, hourEnd + 3, ':')) {
            return -1;
        }
        int yy = date / 10000;
        int year = yy < 70 ? 2000 + yy : 1900 + yy;
        int month = date / 100 % 100;
        int day = date % 100;
        int hour = Integer.parseInt(s, i, hourEnd, 10);
        int minute = digits(s, hourEnd + 1, 2);
        int second = digits(s, hourEnd + 4, 2);
        if (!valid(year, month, day, hour, minute, second) || isDigit(s, hourEnd + 6)) {
            return -1;
        }
        t.clear();
        t.set(year, month, day, hour, minute, second);
        return hourEnd + 6;
    }

    /**
     * Reads an ISO 8601 date-time at {@code from}: {@code yyyy-MM-dd}, then {@code 'T'} or a space, then
     * {@code HH:mm:ss}, optional {@code .} or {@code ,} fraction, optional {@code Z}, {@code +HH:mm},
     * {@code +HHmm} or {@code +HH}. {@code dateSeparator} is '-' (ISO) or '/' (nginx-style).
     *
     * @return false when the text there is not such a date-time; {@code t} is then undefined
     */
    static boolean iso(String s, int from, char dateSeparator, ParsedTime t) {
        t.clear();
        int year = digits(s, from, 4);
        if (year < 0 || !at(s, from + 4, dateSeparator) || !at(s, from + 7, dateSeparator)) {
            return false;
        }
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        char sep = from + 10 < s.length() ? s.charAt(from + 10) : 0;
        if (sep != 'T' && sep != ' ') {
            return false;
        }
        int i = from + 11;
        int hour = digits(s, i, 2);
        if (!at(s, i + 2, ':') || !at(s, i + 5, ':')) {
            return false;
        }
        int minute = digits(s, i + 3, 2);
        int second = digits(s, i + 6, 2);
        if (!valid(year, month, day, hour, minute, second)) {
            return false;
        }
        t.set(year, month, day, hour, minute, second);
        i += 8;
        if ((at(s, i, '.') || at(s, i, ',')) && isDigit(s, i + 1)) {
            i = fraction(s, i + 1, t);
        }
        if (at(s, i, 'Z')) {
            t.offsetSeconds = 0;
            t.hasOffset = true;
            i++;
        } else if ((at(s, i, '+') || at(s, i, '-')) && isDigit(s, i + 1)) {
            int end = offset(s, i, t);
            if (end < 0) {
                return false;
            }
            i = end;
        }
        t.end = i;
        return true;
    }

    /** Reads fraction digits at {@code from} into {@code t.nanos}; returns the index after them. */
    static int fraction(String s, int from, ParsedTime t) {
        int end = digitRunEnd(s, from);
        int nanos = 0;
        for (int k = 0; k < 9; k++) {
            int d = from + k < end ? s.charAt(from + k) - '0' : 0;
            nanos = nanos * 10 + d;
        }
        t.nanos = nanos;
        return end;
    }

    /** Reads {@code +HH:mm}, {@code +HHmm} or {@code +HH} at {@code from}; returns the end or -1. */
    static int offset(String s, int from, ParsedTime t) {
        int sign = s.charAt(from) == '-' ? -1 : 1;
        int hours = digits(s, from + 1, 2);
        if (hours < 0 || hours > 18) {
            return -1;
        }
        int i = from + 3;
        int minutes = 0;
        if (at(s, i, ':') && digits(s, i + 1, 2) >= 0) {
            minutes = digits(s, i + 1, 2);
            i += 3;
        } else if (digits(s, i, 2) >= 0 && !isDigit(s, i + 2)) {
            minutes = digits(s, i, 2);
            i += 2;
        }
        if (minutes > 59 || isDigit(s, i)) {
            return -1;
        }
        t.offsetSeconds = sign * (hours * 3600 + minutes * 60);
        t.hasOffset = true;
        return i;
    }
}
