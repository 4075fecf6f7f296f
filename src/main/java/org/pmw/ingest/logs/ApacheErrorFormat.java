package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * Apache httpd error log, 2.0/2.2 ({@code [Mon Oct 10 14:02:11 2005] [error] [client 10.0.0.5] ...}) and
 * 2.4 ({@code [Mon Oct 10 14:02:11.123456 2005] [core:error] [pid 1234:tid 5678] [client 10.0.0.5:51234]
 * AH00037: ...}). The line has no zone: the source's zone applies. Lines without a timestamp (PHP's
 * stderr, wrapped output) belong to the entry before them. The level is the bracketed one as written,
 * so "child pid 1234 exit signal Segmentation fault (11)" keeps the level Apache gave it.
 */
final class ApacheErrorFormat extends LineLogFormat {

    ApacheErrorFormat() {
        super("apache_error", "Apache httpd error log (2.0, 2.2 and 2.4 with microseconds, module, pid and tid)",
                "[Mon Oct 10 14:02:11 2005] [error] [client 10.0.0.5] PHP Fatal error:  Allowed memory size of "
                        + "8388608 bytes exhausted (tried to allocate 35 bytes) in /var/www/html/index.php on line 42",
                true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    /** PHP writes its messages and stack traces to Apache's stderr, untimed. */
    @Override
    boolean neutralInScore(String line) {
        return super.neutralInScore(line) || line.startsWith("PHP ") || line.startsWith("Stack trace:")
                || line.startsWith("#");
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected '[Www Mon dd HH:mm:ss yyyy]' timestamp";

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            if (s.isEmpty() || s.charAt(0) != '[') {
                return none(EXPECTED);
            }
            int close = readTimestamp(s);
            if (close < 0) {
                return none(EXPECTED);
            }
            d.copyTimeFrom(time, clock, s.substring(1, close));
            int i = close + 1;
            boolean modern = false;
            // [level] or [module:level]
            if (Timestamps.at(s, i, ' ') && Timestamps.at(s, i + 1, '[')) {
                int end = s.indexOf(']', i + 2);
                if (end > 0) {
                    String level = s.substring(i + 2, end);
                    int colon = level.lastIndexOf(':');
                    if (colon >= 0) {
                        d.field("module", colon > 0 ? level.substring(0, colon) : null);
                        level = level.substring(colon + 1);
                        modern = true;
                    }
                    d.level = Level.parse(level, Level.INFO);
                    i = end + 1;
                }
            }
            // [pid N:tid M] and [client addr(:port)], in that order, each optional
            if (s.startsWith(" [pid ", i)) {
                int end = s.indexOf(']', i);
                if (end > 0) {
                    readPid(s, i + 6, end, d);
                    modern = true;
                    i = end + 1;
                }
            }
            // 2.4 puts the APR error before the client: "(70007)The timeout specified has expired: [client ...] AH01075"
            String aprError = "";
            int aprEnd = Timestamps.at(s, i, ' ') && Timestamps.at(s, i + 1, '(') ? Timestamps.digitRunEnd(s, i + 2) : -1;
            if (modern && aprEnd > i + 2 && Timestamps.at(s, aprEnd, ')')) {
                int clientAt = s.indexOf(": [client ", aprEnd);
                if (clientAt > 0 && clientAt - aprEnd < 200) {
                    d.field("apr_status", Long.parseLong(s, i + 2, aprEnd, 10));
                    aprError = s.substring(i + 1, clientAt + 1);
                    i = clientAt + 1;
                }
            }
            if (s.startsWith(" [client ", i)) {
                int end = s.indexOf(']', i);
                if (end > 0) {
                    String client = s.substring(i + 9, end);
                    int colon = client.lastIndexOf(':');
                    if (modern && colon > 0 && colon < client.length() - 1
                            && Timestamps.digitRunEnd(client, colon + 1) == client.length()
                            && client.length() - colon <= 6) {
                        // the port is kept apart, so a client:port pasted from the line still finds it
                        d.field("client_port", Long.parseLong(client, colon + 1, client.length(), 10));
                        client = client.substring(0, colon);
                    }
                    d.field("client", client);
                    i = end + 1;
                }
            }
            if (Timestamps.at(s, i, ' ')) {
                i++;
            }
            d.message = aprError.isEmpty() ? s.substring(i) : aprError + " " + s.substring(i);
            return Result.ENTRY;
        }

        private static void readPid(String s, int from, int end, Draft d) {
            int pidEnd = Timestamps.digitRunEnd(s, from);
            if (pidEnd > from && pidEnd - from < 19) {
                d.field("pid", Long.parseLong(s, from, pidEnd, 10));
            }
            if (s.startsWith(":tid ", pidEnd)) {
                int tidEnd = Timestamps.digitRunEnd(s, pidEnd + 5);
                if (tidEnd > pidEnd + 5 && tidEnd - pidEnd - 5 < 19) {
                    d.field("tid", Long.parseLong(s, pidEnd + 5, tidEnd, 10));
                }
            }
        }

        /** Reads {@code [Www Mon dd HH:mm:ss(.uuuuuu) yyyy]} into {@link #time}; returns the index of ']' or -1. */
        private int readTimestamp(String s) {
            if (s.length() < 26 || s.charAt(4) != ' ' || !Character.isLetter(s.charAt(1))) {
                return -1;
            }
            int month = Timestamps.month(s, 5);
            if (month == 0 || s.charAt(8) != ' ') {
                return -1;
            }
            int i = 9;
            if (s.charAt(i) == ' ') {
                i++;
            }
            int dayEnd = Timestamps.digitRunEnd(s, i);
            if (dayEnd == i || dayEnd - i > 2 || !Timestamps.at(s, dayEnd, ' ')) {
                return -1;
            }
            int day = Integer.parseInt(s, i, dayEnd, 10);
            i = dayEnd + 1;
            int hour = Timestamps.digits(s, i, 2);
            int minute = Timestamps.digits(s, i + 3, 2);
            int second = Timestamps.digits(s, i + 6, 2);
            if (!Timestamps.at(s, i + 2, ':') || !Timestamps.at(s, i + 5, ':')) {
                return -1;
            }
            time.clear();
            i += 8;
            if (Timestamps.at(s, i, '.')) {
                i = Timestamps.fraction(s, i + 1, time);
            }
            if (!Timestamps.at(s, i, ' ')) {
                return -1;
            }
            int year = Timestamps.digits(s, i + 1, 4);
            if (!Timestamps.at(s, i + 5, ']') || !Timestamps.valid(year, month, day, hour, minute, second)) {
                return -1;
            }
            time.set(year, month, day, hour, minute, second);
            return i + 5;
        }
    }
}
