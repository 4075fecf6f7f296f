package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * MySQL / MariaDB error log in all its dialects:
 * <ul>
 * <li>5.0–5.5: {@code 051010 14:02:11 [Note] ...}, with the hour space-padded ({@code 051010  9:02:11});
 *     also the {@code mysqld_safe} and InnoDB lines with no level bracket;</li>
 * <li>5.6 and MariaDB: {@code 2015-10-10 14:02:11 1234 [Warning] ...} (1234 is the thread), and InnoDB's own
 *     {@code 2014-03-01 17:45:12 7f3b2c5e9700 InnoDB: Error: ...} with the OS thread in hex and no bracket
 *     (5.7 and 8.0 write it {@code 0x7f3b2c5e9700});</li>
 * <li>5.7+: {@code 2017-10-10T14:02:11.123456Z 0 [Note] ...}, 8.0 adding {@code [MY-010116] [Server]}.</li>
 * </ul>
 * Old mysqld logs write many lines with no timestamp at all (InnoDB start-up, crash reports). Each such
 * line is its own event carrying the last timestamp seen (its {@code tsText} is empty, since the line has
 * none), so that a search for it finds the line itself and not a long joined block.
 */
final class MysqlErrorFormat extends LineLogFormat {

    MysqlErrorFormat() {
        super("mysql_error", "MySQL / MariaDB error log (5.0 to 8.0)",
                "051010 14:02:11 [ERROR] /usr/sbin/mysqld: Too many connections", false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    /** A sample is scored on its timestamped lines; lines not starting with a digit may be untimed mysqld output. */
    @Override
    boolean neutralInScore(String line) {
        return !Character.isDigit(line.charAt(0));
    }

    /** Untimed lines, which parsing accepts with the last timestamp, do not count for the format. */
    @Override
    LineParser newScoringParser(ParseContext context) {
        Parser parser = new Parser(new LocalClock(context.zone()));
        parser.inherit = false;
        return parser;
    }

    private static final class Parser extends LineParser {

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        boolean inherit = true;
        private boolean seen;
        private long lastTs;
        private int lastMicros;

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            int end = readTimestamp(s);
            if (end < 0) {
                if (!inherit || !seen) {
                    return none("expected a 'yyMMdd HH:mm:ss', 'yyyy-MM-dd HH:mm:ss' or ISO timestamp"
                            + (inherit ? " (no earlier timestamp to carry over)" : ""));
                }
                d.ts = lastTs;
                d.micros = lastMicros;
                d.tsText = "";
                d.message = s;
                d.level = LevelWords.firstLevelWord(s, 0, 80, Level.INFO);
                return Result.ENTRY;
            }
            d.copyTimeFrom(time, clock, s.substring(0, end));
            seen = true;
            lastTs = d.ts;
            lastMicros = d.micros;
            int i = skipSpaces(s, end);
            int threadEnd = threadEnd(s, i);
            if (threadEnd > i) {
                if (Timestamps.digitRunEnd(s, i) == threadEnd) {
                    d.field("thread", Long.parseLong(s, i, threadEnd, 10));
                } else {
                    d.field("os_thread", s.substring(i, threadEnd));
                }
                i = skipSpaces(s, threadEnd);
            }
            if (Timestamps.at(s, i, '[')) {
                int close = s.indexOf(']', i);
                if (close > 0 && close - i < 16) {
                    d.level = Level.parse(s.substring(i + 1, close), Level.INFO);
                    i = skipSpaces(s, close + 1);
                    // 8.0: [MY-010116] [Server]
                    if (s.startsWith("[MY-", i)) {
                        int codeEnd = s.indexOf(']', i);
                        if (codeEnd > 0) {
                            d.field("err_code", s.substring(i + 1, codeEnd));
                            i = skipSpaces(s, codeEnd + 1);
                            if (Timestamps.at(s, i, '[')) {
                                int subEnd = s.indexOf(']', i);
                                if (subEnd > 0) {
                                    d.field("subsystem", s.substring(i + 1, subEnd));
                                    i = skipSpaces(s, subEnd + 1);
                                }
                            }
                        }
                    }
                }
            } else {
                d.level = s.startsWith("InnoDB: Assertion failure", i) ? Level.ERROR // mysqld aborts next
                        : LevelWords.firstLevelWord(s, i, i + 80, Level.INFO);
            }
            d.message = s.substring(i);
            return Result.ENTRY;
        }

        /** Reads the timestamp at the start of the line into {@link #time}; returns its end or -1. */
        private int readTimestamp(String s) {
            if (s.length() < 15 || !Timestamps.isDigit(s, 0)) {
                return -1;
            }
            if (s.charAt(6) == ' ') {
                return Timestamps.mysqlShortDate(s, 0, time);
            }
            if (!Timestamps.iso(s, 0, '-', time)) {
                return -1;
            }
            int i = skipSpaces(s, time.end);
            if (i == time.end) {
                return -1;
            }
            // the ISO forms need a thread and/or a level bracket (or InnoDB's own prefix) next, else they are
            // someone else's lines
            int threadEnd = threadEnd(s, i);
            boolean thread = threadEnd > i;
            if (thread) {
                i = skipSpaces(s, threadEnd);
            }
            return isLevelBracket(s, i) || thread && s.startsWith("InnoDB: ", i) || s.startsWith("mysqld_safe ", i)
                    ? time.end : -1;
        }

        /**
         * The end of the thread id at {@code i}: decimal (the connection) or, on InnoDB's lines, the OS thread in
         * hex; followed by a space. Returns {@code i} when there is none.
         */
        private static int threadEnd(String s, int i) {
            if (s.startsWith("0x", i)) {
                // 5.7 and 8.0 write InnoDB's OS thread as 0x7f1234567
                int end = i + 2;
                while (end < s.length() && end - i < 18 && Character.digit(s.charAt(end), 16) >= 0) {
                    end++;
                }
                return end > i + 2 && Timestamps.at(s, end, ' ') ? end : i;
            }
            int end = i;
            boolean hexLetter = false;
            while (end < s.length() && end - i < 19) {
                char c = s.charAt(end);
                if (c >= 'a' && c <= 'f') {
                    hexLetter = true;
                } else if (c < '0' || c > '9') {
                    break;
                }
                end++;
            }
            // a connection id is a long (at most 18 digits here); an OS thread at least 8 hex digits
            if (end == i || !Timestamps.at(s, end, ' ') || hexLetter && (end - i < 8 || end - i > 16)
                    || !hexLetter && end - i > 18) {
                return i;
            }
            return end;
        }

        private static boolean isLevelBracket(String s, int i) {
            if (!Timestamps.at(s, i, '[')) {
                return false;
            }
            int close = s.indexOf(']', i);
            if (close < 0) {
                return false;
            }
            switch (s.substring(i + 1, close)) {
                case "Note": case "Warning": case "ERROR": case "Error": case "System": case "Info": case "Debug":
                    return true;
                default:
                    return false;
            }
        }

        private static int skipSpaces(String s, int i) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }
}
