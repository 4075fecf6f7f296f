package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.ingest.Sample;
import org.pmw.model.Level;

/**
 * The fallback for logs no specific format knows: every line that starts (optionally after '[') with a
 * recognisable timestamp opens an entry, and lines without one belong to it. Recognised timestamps:
 * ISO 8601 ({@code 2005-10-10T14:02:11.123+02:00}, {@code 2005-10-10 14:02:11,123}, {@code 2005/10/10
 * 14:02:11}), syslog-like {@code Oct 10 14:02:11} (year as for syslog, rolling over at New Year),
 * {@code 10/Oct/2005:14:02:11 -0400}, Spark's and Hadoop's two-digit-year {@code 17/06/09 20:10:40} and HDFS's
 * compact {@code 081109 203615} (two-digit years are 1970 to 2069). The level is the first level word
 * (ERROR, warn, ...) in the first 80 characters, else info. It scores at most {@value #SCORE_CAP} of the share of lines it reads, so any
 * specific format that reads a file wins over it; files named *.csv, *.tsv or *.jtl score 0.
 */
final class GenericFormat extends LineLogFormat {

    static final double SCORE_CAP = 0.6;

    GenericFormat() {
        super("generic", "any log whose entries start with a timestamp; other lines joined to the entry",
                "2005-10-10T14:02:11.345-04:00 | billing-export | WARNING disk /var 91% full, export may fail",
                true);
    }

    /** Every line that starts with a timestamp is an entry of this format: none belongs to another log. */
    @Override
    java.util.function.Predicate<String> foreignTimestampedLines() {
        return line -> false;
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(context);
    }

    /** Tables (CSV, TSV, JMeter JTL) often start rows with a timestamp too, but are no logs. */
    @Override
    public double score(Sample sample) {
        String name = sample.fileName() == null ? "" : sample.fileName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".jtl")) {
            return 0;
        }
        return SCORE_CAP * super.score(sample);
    }

    /**
     * Whether a line starts with a timestamp this format reads: in another format's file, such a line is an entry
     * of some other log, not a continuation of the entry before it. One per file (it keeps a little state).
     */
    static java.util.function.Predicate<String> timestampProbe() {
        Parser parser = new Parser(new ParseContext("probe", "probe", java.time.ZoneOffset.UTC, 2000, null));
        Draft draft = new Draft();
        return line -> {
            draft.clear();
            return parser.read(line, draft) == LineParser.Result.ENTRY;
        };
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected a timestamp at the start of the line (ISO 8601, "
                + "'Mon dd HH:mm:ss', 'dd/Mon/yyyy:HH:mm:ss', 'dd-Mon-yyyy HH:mm:ss', 'yy/MM/dd HH:mm:ss' or 'yyMMdd HHmmss')";

        private final ParseContext context;
        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        private final YearlessDates years;

        Parser(ParseContext context) {
            this.context = context;
            this.clock = new LocalClock(context.zone());
            this.years = new YearlessDates(context, "timestamps like 'Oct 10 14:02:11'");
        }

        @Override
        Result read(String s, Draft d) {
            int from = Timestamps.at(s, 0, '[') ? 1 : 0;
            int end = readTimestamp(s, from);
            if (end < 0) {
                return none(EXPECTED);
            }
            d.copyTimeFrom(time, clock, s.substring(from, end));
            int i = end;
            if (from == 1 && Timestamps.at(s, i, ']')) {
                i++;
            }
            while (i < s.length() && " \t,|-:]".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            d.message = s.substring(i);
            d.level = LevelWords.firstLevelWord(s, i, i + 80, Level.INFO);
            return Result.ENTRY;
        }

        private int readTimestamp(String s, int from) {
            if (Timestamps.iso(s, from, '-', time) || Timestamps.iso(s, from, '/', time)) {
                return boundary(s, time.end) ? time.end : -1;
            }
            time.clear();
            int month = Timestamps.month(s, from);
            if (month > 0) {
                return syslogLike(s, from, month);
            }
            if (Timestamps.isDigit(s, from)) {
                int end = twoDigitYear(s, from);
                return end > 0 ? end : accessLike(s, from);
            }
            return -1;
        }

        /** 17/06/09 20:10:40 (Spark, Hadoop's yy/MM/dd layout) or 081109 203615 (HDFS). */
        private int twoDigitYear(String s, int from) {
            boolean slashes = Timestamps.at(s, from + 2, '/') && Timestamps.at(s, from + 5, '/');
            int year = Timestamps.digits(s, from, 2);
            int month = Timestamps.digits(s, from + (slashes ? 3 : 2), 2);
            int day = Timestamps.digits(s, from + (slashes ? 6 : 4), 2);
            int t = from + (slashes ? 9 : 7);
            if (year < 0 || month < 0 || day < 0 || !Timestamps.at(s, t - 1, ' ')) {
                return -1;
            }
            boolean colons = Timestamps.at(s, t + 2, ':') && Timestamps.at(s, t + 5, ':');
            if (slashes != colons) {
                return -1;
            }
            int hour = Timestamps.digits(s, t, 2);
            int minute = Timestamps.digits(s, t + (colons ? 3 : 2), 2);
            int second = Timestamps.digits(s, t + (colons ? 6 : 4), 2);
            int fullYear = year < 70 ? 2000 + year : 1900 + year;
            if (!Timestamps.valid(fullYear, month, day, hour, minute, second)) {
                return -1;
            }
            time.set(fullYear, month, day, hour, minute, second);
            int end = t + (colons ? 8 : 6);
            boolean fraction = Timestamps.at(s, end, '.') || Timestamps.at(s, end, ',');
            if (colons && fraction && Timestamps.isDigit(s, end + 1)) {
                end = Timestamps.fraction(s, end + 1, time);
            }
            return boundary(s, end) ? end : -1;
        }

        /** Oct 10 14:02:11 (day may be space-padded). */
        private int syslogLike(String s, int from, int month) {
            int i = from + 3;
            if (!Timestamps.at(s, i, ' ')) {
                return -1;
            }
            i++;
            if (Timestamps.at(s, i, ' ')) {
                i++;
            }
            int dayEnd = Timestamps.digitRunEnd(s, i);
            if (dayEnd == i || dayEnd - i > 2 || !Timestamps.at(s, dayEnd, ' ')) {
                return -1;
            }
            int day = Integer.parseInt(s, i, dayEnd, 10);
            int t = dayEnd + 1;
            int hour = Timestamps.digits(s, t, 2);
            int minute = Timestamps.digits(s, t + 3, 2);
            int second = Timestamps.digits(s, t + 6, 2);
            if (!Timestamps.at(s, t + 2, ':') || !Timestamps.at(s, t + 5, ':')) {
                return -1;
            }
            if (!Timestamps.valid(2000, month, day, hour, minute, second)) {
                return -1; // 2000 was a leap year: only what no year makes valid is refused here
            }
            int end = t + 8;
            if (Timestamps.at(s, end, '.') && Timestamps.isDigit(s, end + 1)) {
                end = Timestamps.fraction(s, end + 1, time);
            }
            if (!boundary(s, end)) {
                return -1;
            }
            int year = years.yearOf(month, day, hour, minute, second);
            if (!Timestamps.valid(year, month, day, hour, minute, second)) {
                return -1;
            }
            time.set(year, month, day, hour, minute, second);
            return end;
        }

        /** 10/Oct/2005:14:02:11 with an optional " -0400", or PHP's 10-Oct-2005 14:02:11. */
        private int accessLike(String s, int from) {
            int day = Timestamps.digits(s, from, 2);
            int month = Timestamps.month(s, from + 3);
            int year = Timestamps.digits(s, from + 7, 4);
            char separator = from + 2 < s.length() ? s.charAt(from + 2) : 0;
            boolean slashes = separator == '/';
            if (day < 0 || month == 0 || year < 0 || separator != '/' && separator != '-'
                    || !Timestamps.at(s, from + 6, separator) || !Timestamps.at(s, from + 11, slashes ? ':' : ' ')
                    || !Timestamps.at(s, from + 14, ':') || !Timestamps.at(s, from + 17, ':')) {
                return -1;
            }
            int hour = Timestamps.digits(s, from + 12, 2);
            int minute = Timestamps.digits(s, from + 15, 2);
            int second = Timestamps.digits(s, from + 18, 2);
            if (!Timestamps.valid(year, month, day, hour, minute, second)) {
                return -1;
            }
            time.set(year, month, day, hour, minute, second);
            int end = from + 20;
            if (!slashes && Timestamps.at(s, end, ' ')) {
                // PHP's [10-Oct-2005 14:02:11 UTC] names its zone
                int zoneEnd = s.indexOf(']', end + 1);
                if (zoneEnd > end + 1 && zoneEnd - end < 40) {
                    try {
                        java.time.ZoneId named = Timestamps.zoneNamed(s.substring(end + 1, zoneEnd));
                        time.offsetSeconds = named.getRules().getOffset(java.time.LocalDateTime.of(year, month, day,
                                hour, minute, second)).getTotalSeconds();
                        time.hasOffset = true;
                        end = zoneEnd;
                    } catch (java.time.DateTimeException e) {
                        // not a zone: the timestamp ends before it
                    }
                }
            }
            if (Timestamps.at(s, end, ' ') && (Timestamps.at(s, end + 1, '+') || Timestamps.at(s, end + 1, '-'))) {
                int zoneEnd = Timestamps.offset(s, end + 1, time);
                if (zoneEnd > 0) {
                    end = zoneEnd;
                }
            }
            return boundary(s, end) ? end : -1;
        }

        /** A timestamp must end the line or be followed by a separator, not run into a word or number. */
        private static boolean boundary(String s, int end) {
            return end >= s.length() || !Character.isLetterOrDigit(s.charAt(end));
        }
    }
}
