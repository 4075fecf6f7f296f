package org.pmw.ingest.logs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * MySQL / MariaDB slow query log, 5.0 to 8.0: one event per statement, its SQL the message.
 *
 * <pre>
 * # Time: 2024-03-14T09:58:02.123456Z           (5.x: "# Time: 051010 14:10:00", left out within one second)
 * # User@Host: web[web] @ web1 [10.0.0.5]  Id:    42
 * # Query_time: 5.002345  Lock_time: 0.000120 Rows_sent: 1  Rows_examined: 1000000
 * use shop;
 * SET timestamp=1710410277;
 * SELECT ...;
 * </pre>
 *
 * The header lines come before the statement, so a line cannot say on its own where an entry starts: this
 * format reads the file itself rather than line by line. The event's time is when the statement was logged
 * ({@code # Time}); where mysqld left that out, the statement's {@code SET timestamp} plus its query time, else
 * the time of the entry before (the same second, which is why mysqld left it out). The server's start banner
 * ({@code mysqld, Version: ... started with:}) is an event of its own, a restart being evidence, at the time of
 * the statement before it (or, at the top of the file, the first one after it): it has none of its own.
 */
final class MysqlSlowLogFormat implements Format {

    private static final String TIME = "# Time:";
    private static final String USER_HOST = "# User@Host:";
    private static final Pattern BANNER = Pattern.compile("^\\S.*, Version: .* started with:\\s*$");
    /** {@code Name: value}; an empty value ({@code Schema:   QC_hit: No}) is not the next name. */
    private static final Pattern HEADER_PAIR = Pattern.compile("(\\w+):(?:\\s+(?!\\w+:)(\\S+))?");
    private static final Pattern USER_HOST_PARTS = Pattern.compile(
            "^# User@Host:\\s*(\\S*?)\\[[^\\]]*\\]\\s*@\\s*(\\S*)\\s*\\[([^\\]]*)\\](?:\\s+Id:\\s*(\\d+))?");
    /** Epoch seconds; more digits than a date in year 9999 has are no time (and would overflow). */
    private static final Pattern SET_TIMESTAMP = Pattern.compile("^SET timestamp=(\\d{1,12});\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final Pattern USE = Pattern.compile("^use ([^;\\s]+);\\s*$", Pattern.CASE_INSENSITIVE);

    /** A file none of whose first this many non-blank lines opens an entry is not a slow log at all. */
    private static final int GIVE_UP_AFTER = 200;

    @Override
    public String name() {
        return "mysql_slow";
    }

    @Override
    public String description() {
        return "MySQL / MariaDB slow query log (5.0 to 8.0), one event per statement with duration_ms and rows";
    }

    @Override
    public String example() {
        return "# Time: 051010 14:10:00\n"
                + "# User@Host: web[web] @ web1 [10.0.0.5]\n"
                + "# Query_time: 12  Lock_time: 0  Rows_sent: 1  Rows_examined: 4000000\n"
                + "SET timestamp=1128953388;\n"
                + "SELECT COUNT(*) FROM orders WHERE status = 'open';";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOG;
    }

    /** A slow log is told by its header lines: who ran a statement and how long it took. */
    @Override
    public double score(Sample sample) {
        boolean userHost = false;
        boolean queryTime = false;
        for (String line : sample.lines()) {
            userHost |= line.startsWith(USER_HOST);
            queryTime |= line.startsWith("# Query_time:");
        }
        return userHost && queryTime ? 0.95 : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        Reading reading = new Reading(context, sink);
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                reading.line(reader.lineNumber(), line);
            }
        }
        reading.finish();
    }

    /** The state of reading one file. */
    private static final class Reading {

        private final ParseContext context;
        private final ParseSink sink;
        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        private Entry open;
        /** A start banner at the top of the file, waiting for the first time the file gives. */
        private Entry pendingBanner;
        /** The time of the last {@code # Time} line, carried to entries mysqld wrote in the same second. */
        private long lastTs = Long.MIN_VALUE;
        private int lastMicros;
        private String lastTsText;
        private long entries;
        private long nonBlank;
        private long firstSkipped;
        private String firstReason;
        private long blankLines;

        Reading(ParseContext context, ParseSink sink) {
            this.context = context;
            this.sink = sink;
            this.clock = new LocalClock(context.zone());
        }

        void line(long number, String line) {
            if (EntryAssembler.isBlank(line)) {
                if (open == null) {
                    blankLines++;
                }
                return;
            }
            nonBlank++;
            if (line.startsWith(TIME)) {
                if (!readTime(line, TIME.length())) {
                    skip(number, "expected a time after '# Time:' (051010 14:10:00 or 2024-03-14T09:58:02.123456Z)");
                    return;
                }
                flush();
                open = new Entry(number, line);
                open.timed(time.epochMilli(clock), time.micros(), line.substring(TIME.length()).trim());
                lastTs = open.ts;
                lastMicros = open.micros;
                lastTsText = open.tsText;
                return;
            }
            if (line.startsWith(USER_HOST)) {
                if (open == null || open.userHost || open.inStatement) {
                    flush();
                    open = new Entry(number, line);
                } else {
                    open.append(line);
                }
                open.userHost(line);
                return;
            }
            if (BANNER.matcher(line).matches()) {
                flush();
                open = new Entry(number, line);
                open.banner = true;
                open.statement.append(line);
                return;
            }
            if (open == null) {
                skip(number, "expected '# Time:' or '# User@Host:' opening a slow query entry");
                return;
            }
            if (open.raw.length() + line.length() > EntryAssembler.MAX_ENTRY_CHARS) {
                context.skip(number, "entry of line " + open.line + " is longer than " + EntryAssembler.MAX_ENTRY_CHARS
                        + " characters; line not joined to it");
                return;
            }
            open.append(line);
            if (open.banner) {
                // "Tcp port: 3306  Unix socket: ..." and the column heads "Time  Id Command  Argument"
                open.statement.append('\n').append(line);
            } else if (!open.inStatement && line.startsWith("# ")) {
                open.headerPairs(line);
            } else {
                open.statementLine(line);
            }
        }

        private boolean readTime(String line, int from) {
            int i = from;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (Timestamps.iso(line, i, '-', time)) {
                return true;
            }
            return Timestamps.mysqlShortDate(line, i, time) >= 0;
        }

        private void skip(long number, String reason) {
            context.skip(number, reason);
            if (firstReason == null) {
                firstSkipped = number;
                firstReason = reason;
            }
            if (entries == 0 && open == null && nonBlank >= GIVE_UP_AFTER) {
                throw notThisFormat();
            }
        }

        private FormatException notThisFormat() {
            return new FormatException(context.fileName() + " line " + firstSkipped + ": " + firstReason
                    + " (no mysql_slow entry in the first " + nonBlank + " non-blank lines)");
        }

        private void flush() {
            Entry e = open;
            open = null;
            if (e == null) {
                return;
            }
            if (e.banner && !e.hasTime()) {
                if (lastTs == Long.MIN_VALUE) {
                    // the file opens with it: it has the time of the first statement logged after it
                    pendingBanner = e;
                    return;
                }
                e.timed(lastTs, lastMicros, "");
            }
            if (!e.hasTime()) {
                if (e.startSeconds != null) {
                    // logged when it ended: its start plus the time it took
                    e.timed(e.startSeconds * 1000 + Math.round(e.durationMs()), 0, "SET timestamp=" + e.startSeconds);
                } else if (lastTs != Long.MIN_VALUE) {
                    e.timed(lastTs, lastMicros, lastTsText);
                } else {
                    context.skip(e.line, "a slow query entry with no time: neither '# Time:' nor 'SET timestamp='"
                            + " before it; its " + e.lines + " line(s) skipped");
                    return;
                }
            }
            if (pendingBanner != null) {
                Entry banner = pendingBanner;
                pendingBanner = null;
                banner.timed(e.ts, e.micros, "");
                emit(banner);
            }
            emit(e);
        }

        private void emit(Entry e) {
            entries++;
            Event.Builder b = Event.builder().ts(e.ts).micros(e.micros).tsText(e.tsText).source(context.sourceId())
                    .line(e.line).host(context.host()).kind(EventKind.LOG).level(e.level())
                    .message(e.message()).raw(e.raw.toString());
            e.fields.forEach(b::field);
            sink.event(b.build());
        }

        void finish() {
            flush();
            if (pendingBanner != null) {
                context.skip(pendingBanner.line, "the server's start banner, with no statement after it to date it");
            }
            if (entries == 0 && nonBlank > 0) {
                throw firstReason != null ? notThisFormat()
                        : new FormatException(context.fileName() + ": no mysql_slow entry with a time");
            }
            if (blankLines > 0) {
                context.note(blankLines + (blankLines == 1 ? " blank line" : " blank lines") + " ignored");
            }
        }
    }

    /** One statement's lines as they are read. */
    private static final class Entry {
        final long line;
        final StringBuilder raw;
        final StringBuilder statement = new StringBuilder();
        final Map<String, Object> fields = new LinkedHashMap<>();
        int lines = 1;
        boolean banner;
        boolean userHost;
        boolean inStatement;
        Long startSeconds;
        long ts = Long.MIN_VALUE;
        int micros;
        String tsText;

        Entry(long line, String first) {
            this.line = line;
            this.raw = new StringBuilder(first);
        }

        void append(String text) {
            raw.append('\n').append(text);
            lines++;
        }

        boolean hasTime() {
            return ts != Long.MIN_VALUE;
        }

        void timed(long ts, int micros, String text) {
            this.ts = ts;
            this.micros = micros;
            this.tsText = text;
        }

        void userHost(String line) {
            userHost = true;
            Matcher m = USER_HOST_PARTS.matcher(line);
            if (!m.find()) {
                return;
            }
            put("user", m.group(1));
            put("client_host", m.group(2));
            put("client", m.group(3));
            if (m.group(4) != null) {
                fields.put("thread", Long.parseLong(m.group(4)));
            }
        }

        /** {@code # Query_time: 5.002345  Lock_time: 0.000120 Rows_sent: 1  Rows_examined: 1000000}, and the like. */
        void headerPairs(String line) {
            Matcher m = HEADER_PAIR.matcher(line);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2);
                if (value == null) {
                    continue;
                }
                if (name.equals("query_time") || name.equals("lock_time")) {
                    Double seconds = number(value);
                    if (seconds != null) {
                        // to the microsecond mysqld writes: 2.000345 s is 2000.345 ms, not 2000.3449999999998
                        fields.put(name.equals("query_time") ? "duration_ms" : "lock_ms",
                                Math.round(seconds * 1_000_000) / 1000.0);
                        continue;
                    }
                }
                if (name.equals("schema")) {
                    put("db", value);
                    continue;
                }
                put(name, FieldValues.typed(value));
            }
        }

        void statementLine(String line) {
            Matcher timestamp = SET_TIMESTAMP.matcher(line);
            if (timestamp.matches() && startSeconds == null) {
                startSeconds = Long.parseLong(timestamp.group(1));
                inStatement = true;
                return;
            }
            Matcher use = USE.matcher(line);
            if (use.matches() && !inStatement) {
                put("db", use.group(1));
                return;
            }
            inStatement = true;
            if (statement.length() > 0) {
                statement.append('\n');
            }
            statement.append(line);
        }

        double durationMs() {
            return fields.get("duration_ms") instanceof Double d ? d : 0;
        }

        Level level() {
            if (banner) {
                return Level.NOTICE;
            }
            // Percona's and MariaDB's Last_errno, MySQL 8's Errno (log_slow_extra)
            Object errno = fields.containsKey("errno") ? fields.get("errno") : fields.get("last_errno");
            Object killed = fields.get("killed");
            boolean failed = errno instanceof Long n && n != 0 || killed instanceof Long k && k != 0;
            // every entry is a statement slower than long_query_time
            return failed ? Level.ERROR : Level.WARN;
        }

        String message() {
            return statement.length() > 0 ? statement.toString() : "(no statement)";
        }

        private void put(String name, Object value) {
            if (value != null && !"".equals(value)) {
                fields.put(name, value);
            }
        }

        private static Double number(String text) {
            return NUMBER.matcher(text).matches() ? Double.valueOf(text) : null;
        }
    }
}
