package org.pmw.ingest.logs;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * PostgreSQL server log with the default prefix {@code '%m [%p] '} ({@code 2021-10-10 14:02:11.123 UTC [1234]
 * LOG:  connection received: host=10.0.0.5 port=51234}); {@code %t} (no milliseconds) and extra prefix
 * parts after the pid ({@code user=app,db=shop}, Debian's {@code app@shop}, {@code [1-1]}) are accepted too. DETAIL, HINT, STATEMENT,
 * CONTEXT, QUERY and LOCATION lines of the same backend, and unprefixed lines (a multi-line statement),
 * belong to the entry before them. Zone abbreviations are read with a small table of common ones; an
 * unknown one falls back to the source's zone (and says so in a note).
 */
final class PostgresqlFormat extends LineLogFormat {

    private static final Set<String> CONTINUATIONS =
            Set.of("DETAIL", "HINT", "STATEMENT", "CONTEXT", "QUERY", "LOCATION");
    private static final Set<String> SEVERITIES = Set.of("DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "DEBUG",
            "INFO", "NOTICE", "WARNING", "ERROR", "LOG", "FATAL", "PANIC");

    PostgresqlFormat() {
        super("postgresql", "PostgreSQL server log (default '%m [%p] ' prefix), DETAIL/HINT/STATEMENT joined",
                "2021-10-10 14:02:11.123 UTC [1234] FATAL:  sorry, too many clients already", true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(context);
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED =
                "expected 'yyyy-MM-dd HH:mm:ss[.SSS] ZONE [pid] SEVERITY:  ' at the start of the line";

        private final ParseContext context;
        private final LocalClock sourceClock;
        private final Map<String, Integer> zoneOffsets = new HashMap<>();
        private final ParsedTime time = new ParsedTime();
        private long openPid = -1;

        Parser(ParseContext context) {
            this.context = context;
            this.sourceClock = new LocalClock(context.zone());
        }

        @Override
        Result read(String s, Draft d) {
            if (!Timestamps.iso(s, 0, '-', time) || time.hasOffset || s.charAt(10) != ' '
                    || !Timestamps.at(s, time.end, ' ')) {
                return none(EXPECTED);
            }
            int zoneStart = time.end + 1;
            int zoneEnd = s.indexOf(' ', zoneStart);
            if (zoneEnd <= zoneStart || zoneEnd - zoneStart > 32 || !Timestamps.at(s, zoneEnd + 1, '[')) {
                return none(EXPECTED);
            }
            int pidStart = zoneEnd + 2;
            int pidEnd = Timestamps.digitRunEnd(s, pidStart);
            if (pidEnd == pidStart || pidEnd - pidStart > 18) {
                return none(EXPECTED);
            }
            int close = s.indexOf(']', pidEnd);
            int severityMark = close < 0 ? -1 : s.indexOf(":  ", close);
            if (severityMark < 0) {
                return none(EXPECTED);
            }
            int severityStart = severityMark;
            while (severityStart > close + 1 && Character.isLetterOrDigit(s.charAt(severityStart - 1))) {
                severityStart--;
            }
            String severity = s.substring(severityStart, severityMark);
            long pid = Long.parseLong(s, pidStart, pidEnd, 10);
            String text = s.substring(severityMark + 3);
            if (CONTINUATIONS.contains(severity)) {
                if (pid == openPid) {
                    return continues(severity + ":  " + text);
                }
            } else if (!SEVERITIES.contains(severity)) {
                return none(EXPECTED);
            }
            String zone = s.substring(zoneStart, zoneEnd);
            time.offsetSeconds = offsetOf(zone, time);
            time.hasOffset = time.offsetSeconds != Integer.MIN_VALUE;
            if (!time.hasOffset) {
                time.offsetSeconds = 0;
            }
            d.copyTimeFrom(time, sourceClock, s.substring(0, zoneEnd));
            d.level = CONTINUATIONS.contains(severity) ? Level.INFO : Level.parse(severity, Level.INFO);
            d.field("pid", pid);
            d.field("severity", severity);
            readPrefixPairs(s, close + 1, severityStart, d);
            d.field("duration_ms", statementDuration(text));
            d.message = text;
            openPid = pid;
            return Result.ENTRY;
        }

        /** Offset in seconds of a zone as PostgreSQL prints it, or MIN_VALUE to use the source's zone. */
        private int offsetOf(String zone, ParsedTime t) {
            Integer known = Timestamps.ZONE_ABBREVIATIONS.get(zone);
            if (known != null) {
                return known;
            }
            Integer cached = zoneOffsets.get(zone);
            if (cached != null) {
                return cached;
            }
            int offset = Integer.MIN_VALUE;
            if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
                ParsedTime probe = new ParsedTime();
                if (Timestamps.offset(zone, 0, probe) == zone.length()) {
                    return probe.offsetSeconds;
                }
            } else {
                try {
                    ZoneId id = ZoneId.of(zone);
                    if (id.getRules().isFixedOffset()) {
                        offset = id.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
                    } else {
                        LocalClock clock = new LocalClock(id);
                        long local = Timestamps.localSeconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
                        return (int) (local - clock.toEpochSecond(local));
                    }
                } catch (DateTimeException e) {
                    context.note("unknown zone abbreviation '" + zone + "'; used " + context.zone());
                }
            }
            zoneOffsets.put(zone, offset);
            return offset;
        }

        /**
         * The milliseconds of "duration: 5012.345 ms  statement: ..." (log_min_duration_statement, the slow queries),
         * so duration_ms:>1000 finds them as it finds slow requests; null for other messages.
         */
        private static Double statementDuration(String text) {
            String prefix = "duration: ";
            if (!text.startsWith(prefix)) {
                return null;
            }
            int from = prefix.length();
            int end = text.indexOf(" ms", from);
            if (end <= from) {
                return null;
            }
            try {
                return Double.parseDouble(text.substring(from, end));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** {@code user=app,db=shop,app=psql,client=10.0.0.5} pairs some log_line_prefix settings add. */
        private static void readPrefixPairs(String s, int from, int to, Draft d) {
            if (to - from < 4) {
                return;
            }
            if (s.indexOf('=', from) < 0 || s.indexOf('=', from) >= to) {
                readUserAtDatabase(s.substring(from, to).strip(), d);
                return;
            }
            for (String pair : s.substring(from, to).split("[ ,]+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    continue;
                }
                String key = pair.substring(0, eq);
                if (key.equals("user") || key.equals("db") || key.equals("app") || key.equals("client")) {
                    d.field(key, stripTrailing(pair.substring(eq + 1)));
                }
            }
        }

        /** Debian's and Ubuntu's default prefix, {@code %m [%p] %q%u@%d }: {@code app@shop} is user and database. */
        private static void readUserAtDatabase(String part, Draft d) {
            int at = part.indexOf('@');
            if (at <= 0 || at == part.length() - 1 || part.indexOf(' ') >= 0 || part.indexOf('@', at + 1) >= 0) {
                return;
            }
            String user = part.substring(0, at);
            String db = part.substring(at + 1);
            if (!user.equals("[unknown]")) {
                d.field("user", user);
            }
            if (!db.equals("[unknown]")) {
                d.field("db", db);
            }
        }

        private static String stripTrailing(String value) {
            int end = value.length();
            while (end > 0 && (value.charAt(end - 1) == ']' || value.charAt(end - 1) == ':')) {
                end--;
            }
            return value.substring(0, end);
        }
    }
}
