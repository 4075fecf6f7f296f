package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * Syslog files. RFC 3164 / BSD ({@code [<PRI>]Oct 10 14:02:11 dom0 httpd[1234]: message}) has no year: see
 * {@link YearlessDates} for the one it gets. RFC 5424 ({@code <34>1 2005-10-10T14:02:11.003Z host app procid msgid
 * [sd] message}) carries a full timestamp with its offset.
 * <p>
 * The level is the PRI's severity when there is one. Without it (most files written by syslogd) the
 * message's own leading level word counts ({@code warning: hostname unknown}), else it is scanned for keywords,
 * see {@link LevelWords#byKeywords}: a segfault, panic, oops or out-of-memory is an error; "error", "fail",
 * "denied", "refused" or "warning" a warning; the rest info.
 */
final class SyslogFormat extends LineLogFormat {

    private static final Level[] SEVERITY = {Level.FATAL, Level.CRIT, Level.CRIT, Level.ERROR, Level.WARN,
            Level.NOTICE, Level.INFO, Level.DEBUG};

    SyslogFormat() {
        super("syslog", "syslog: RFC 3164 (BSD, year-less, rolls over at New Year), RFC 5424, rsyslog's ISO times",
                "Oct 10 14:02:11 dom0 kernel: httpd[4120]: segfault at 0000000000000010 rip 00002aaaab0f8e3c "
                        + "rsp 00007fffff8e2d30 error 4",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(context, false);
    }

    /**
     * Scores BSD lines only where a host and a tag follow the date, as syslogd writes them: a script's own log
     * with syslog's date ({@code Mar 14 09:58:01 Backup started}) is generic's, not one whose first word is a host.
     */
    @Override
    LineParser newScoringParser(ParseContext context) {
        return new Parser(context, true);
    }

    private static final class Parser extends LineParser {

        private final ParseContext context;
        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        private final YearlessDates years;
        private final boolean hostAndTagRequired;

        Parser(ParseContext context, boolean hostAndTagRequired) {
            this.context = context;
            this.hostAndTagRequired = hostAndTagRequired;
            this.clock = new LocalClock(context.zone());
            this.years = new YearlessDates(context, "syslog timestamps");
        }

        @Override
        Result read(String s, Draft d) {
            int i = 0;
            int pri = -1;
            if (Timestamps.at(s, 0, '<')) {
                int end = Timestamps.digitRunEnd(s, 1);
                if (end == 1 || end > 4 || !Timestamps.at(s, end, '>')) {
                    return none("expected '<PRI>' (a number up to 191) at the start of the line");
                }
                pri = Integer.parseInt(s, 1, end, 10);
                if (pri > 191) {
                    return none("expected '<PRI>' (a number up to 191) at the start of the line");
                }
                i = end + 1;
                if (s.startsWith("1 ", i)) {
                    return rfc5424(s, i + 2, pri, d);
                }
            }
            return rfc3164(s, i, pri, d);
        }

        private Result rfc3164(String s, int from, int pri, Draft d) {
            String expected = "expected 'Mon dd HH:mm:ss host' (RFC 3164) or '<PRI>1 ' (RFC 5424)";
            if (Timestamps.isDigit(s, from)) {
                return isoHeader(s, from, pri, d);
            }
            int month = Timestamps.month(s, from);
            if (month == 0 || !Timestamps.at(s, from + 3, ' ')) {
                return none(expected);
            }
            int i = from + 4;
            if (Timestamps.at(s, i, ' ')) {
                i++;
            }
            int dayEnd = Timestamps.digitRunEnd(s, i);
            if (dayEnd == i || dayEnd - i > 2 || !Timestamps.at(s, dayEnd, ' ')) {
                return none(expected);
            }
            int day = Integer.parseInt(s, i, dayEnd, 10);
            i = dayEnd + 1;
            int hour = Timestamps.digits(s, i, 2);
            int minute = Timestamps.digits(s, i + 3, 2);
            int second = Timestamps.digits(s, i + 6, 2);
            if (!Timestamps.at(s, i + 2, ':') || !Timestamps.at(s, i + 5, ':')) {
                return none(expected);
            }
            int timeEnd = i + 8;
            time.clear();
            if (Timestamps.at(s, timeEnd, '.') && Timestamps.isDigit(s, timeEnd + 1)) {
                timeEnd = Timestamps.fraction(s, timeEnd + 1, time);
            }
            if (!Timestamps.at(s, timeEnd, ' ')) {
                return none(expected);
            }
            if (!Timestamps.valid(2000, month, day, hour, minute, second)) {
                return none(expected); // 2000 was a leap year: only what no year makes valid is refused here
            }
            int year = years.yearOf(month, day, hour, minute, second);
            if (!Timestamps.valid(year, month, day, hour, minute, second)) {
                return none("29 February in " + year + ", which has none");
            }
            time.set(year, month, day, hour, minute, second);
            d.copyTimeFrom(time, clock, s.substring(from, timeEnd));
            if (hostAndTagRequired && pri < 0 && !hostAndTag(s, timeEnd + 1)) {
                return none("expected 'host tag:' after the time");
            }
            return hostTagMessage(s, timeEnd + 1, pri, d);
        }

        /**
         * rsyslog's high-precision file format and {@code journalctl -o short-iso}: the 3164 header with an ISO
         * time ({@code 2023-11-05T01:30:00.123456-04:00 web1 sshd[101]: ...}). The tag must be there, or the line
         * is another log's that starts with an ISO time.
         */
        private Result isoHeader(String s, int from, int pri, Draft d) {
            String expected = "expected 'Mon dd HH:mm:ss host' (RFC 3164), 'yyyy-MM-ddTHH:mm:ss host tag:' (rsyslog,"
                    + " journalctl -o short-iso) or '<PRI>1 ' (RFC 5424)";
            if (!Timestamps.iso(s, from, '-', time) || !Timestamps.at(s, from + 10, 'T')
                    || !Timestamps.at(s, time.end, ' ')) {
                return none(expected);
            }
            int hostEnd = s.indexOf(' ', time.end + 1);
            int tagEnd = hostEnd < 0 ? -1 : s.indexOf(' ', hostEnd + 1);
            int tagLast = tagEnd < 0 ? s.length() - 1 : tagEnd - 1;
            if (hostEnd <= time.end + 1 || tagLast <= hostEnd || s.charAt(tagLast) != ':'
                    || !hostName(s, time.end + 1, hostEnd)
                    || Level.parse(s.substring(hostEnd + 1, tagLast), null) != null) {
                // "2023-11-05T01:30:00Z ERROR app: ...", "[api] error: ..." and "Starting server: ..." are an
                // application's lines with an ISO time, not syslog's
                return none(expected);
            }
            d.copyTimeFrom(time, clock, s.substring(from, time.end));
            return hostTagMessage(s, time.end + 1, pri, d);
        }

        /**
         * Whether a host name follows {@code from}, then a tag ({@code sshd[101]:}, {@code kernel:}) that is no level
         * word, or one of syslogd's own untagged lines ("last message repeated", "-- MARK --").
         */
        private static boolean hostAndTag(String s, int from) {
            if (tag(s.substring(from))) {
                return true; // no host, as some devices write it: the tag comes first
            }
            int hostEnd = s.indexOf(' ', from);
            if (hostEnd <= from || !hostName(s, from, hostEnd, true)) {
                return false;
            }
            String rest = s.substring(hostEnd + 1);
            return rest.startsWith("last message repeated") || rest.startsWith("-- MARK --") || tag(rest);
        }

        private static boolean tag(String rest) {
            int tagEnd = rest.indexOf(' ');
            int colon = tagEnd < 0 ? rest.length() - 1 : tagEnd - 1;
            return colon > 0 && rest.charAt(colon) == ':' && Level.parse(rest.substring(0, colon), null) == null;
        }

        /** A host name as syslog writes one: lower-case letters, digits, dots, hyphens; not a level word. */
        private static boolean hostName(String s, int from, int to) {
            return hostName(s, from, to, false);
        }

        /**
         * {@link #hostName(String, int, int)}, also in capitals where a tag must follow ({@code WEB1 sshd[101]:},
         * macOS's {@code Johns-MacBook-Pro kernel[0]:}): there the tag tells a host from a script's first word.
         */
        private static boolean hostName(String s, int from, int to, boolean capitals) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || capitals && c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                        || c == '-' || c == '_')) {
                    return false;
                }
            }
            return Level.parse(s.substring(from, to), null) == null;
        }

        /** The host, the tag and the message after a 3164 header's time, from {@code i}. */
        private Result hostTagMessage(String s, int i, int pri, Draft d) {
            int hostEnd = s.indexOf(' ', i);
            String rest;
            if (hostEnd < 0) {
                d.host = s.substring(i);
                rest = "";
            } else if (s.charAt(hostEnd - 1) == ':') {
                rest = s.substring(i); // no host: the first word is already the tag
            } else {
                d.host = s.substring(i, hostEnd);
                rest = s.substring(hostEnd + 1);
            }
            String message = readTag(rest, d);
            d.message = message;
            d.level = pri >= 0 ? SEVERITY[pri & 7] : LevelWords.byKeywords(message);
            if (pri >= 0) {
                d.field("facility", (long) (pri >> 3));
            }
            return Result.ENTRY;
        }

        /** Splits {@code prog[pid]: message}; returns the message. */
        private static String readTag(String rest, Draft d) {
            int space = rest.indexOf(' ');
            int tagEnd = space < 0 ? rest.length() : space;
            if (tagEnd == 0 || rest.charAt(tagEnd - 1) != ':') {
                return rest;
            }
            String tag = rest.substring(0, tagEnd - 1);
            int open = tag.lastIndexOf('[');
            if (open > 0 && tag.endsWith("]")) {
                String pid = tag.substring(open + 1, tag.length() - 1);
                if (!pid.isEmpty() && pid.length() < 19 && Timestamps.digitRunEnd(pid, 0) == pid.length()) {
                    d.field("pid", Long.parseLong(pid));
                }
                tag = tag.substring(0, open);
            }
            d.field("program", tag);
            return space < 0 ? "" : rest.substring(space + 1);
        }

        private Result rfc5424(String s, int from, int pri, Draft d) {
            String expected = "expected '<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG' (RFC 5424)";
            int tsEnd = s.indexOf(' ', from);
            if (tsEnd < 0) {
                return none(expected);
            }
            if (s.charAt(from) == '-' && tsEnd == from + 1) {
                return none(expected + " with a timestamp ('-' has none)");
            }
            if (!Timestamps.iso(s, from, '-', time) || time.end != tsEnd || s.charAt(from + 10) != 'T') {
                return none(expected);
            }
            d.copyTimeFrom(time, clock, s.substring(from, tsEnd));
            String[] header = new String[4];
            int i = tsEnd + 1;
            for (int k = 0; k < 4; k++) {
                int end = s.indexOf(' ', i);
                if (end < 0) {
                    if (k < 3) {
                        return none(expected);
                    }
                    end = s.length();
                }
                String value = s.substring(i, end);
                header[k] = value.equals("-") ? null : value;
                i = Math.min(end + 1, s.length());
            }
            d.host = header[0];
            d.field("program", header[1]);
            String procId = header[2];
            if (procId != null && procId.length() < 19 && Timestamps.digitRunEnd(procId, 0) == procId.length()) {
                d.field("pid", Long.parseLong(header[2]));
            } else {
                d.field("procid", header[2]);
            }
            d.field("msgid", header[3]);
            int sdEnd = structuredDataEnd(s, i);
            if (sdEnd < 0) {
                return none(expected + ": unterminated structured data");
            }
            if (sdEnd > i && s.charAt(i) == '[') {
                d.field("sd", s.substring(i, sdEnd));
                readStructuredData(s, i, sdEnd, d);
            }
            String message = sdEnd < s.length() ? s.substring(Math.min(sdEnd + 1, s.length())) : "";
            if (message.startsWith("\uFEFF")) {
                message = message.substring(1);
            }
            d.message = message;
            d.level = SEVERITY[pri & 7];
            d.field("facility", (long) (pri >> 3));
            return Result.ENTRY;
        }

        /**
         * The parameters of RFC 5424 structured data, {@code [origin@32473 backend="checkout" ip="10.0.0.5"]}: each a
         * field by its name ({@code backend:checkout}), with the escapes of quote, backslash and bracket undone.
         */
        private static void readStructuredData(String s, int from, int to, Draft d) {
            int i = from;
            while (i < to && s.charAt(i) == '[') {
                int j = i + 1;
                while (j < to && s.charAt(j) != ' ' && s.charAt(j) != ']') {
                    j++; // the element's id
                }
                while (j < to && s.charAt(j) == ' ') {
                    int eq = s.indexOf('=', j);
                    if (eq < 0 || eq + 1 >= to || s.charAt(eq + 1) != '"') {
                        return;
                    }
                    String name = s.substring(j + 1, eq);
                    StringBuilder value = new StringBuilder();
                    int k = eq + 2;
                    for (; k < to && s.charAt(k) != '"'; k++) {
                        if (s.charAt(k) == '\\' && k + 1 < to) {
                            k++;
                        }
                        value.append(s.charAt(k));
                    }
                    if (!name.isEmpty() && !name.equals("sd")) {
                        d.field(name, value.toString());
                    }
                    j = k + 1;
                }
                i = j + 1; // past the element's ']'
            }
        }

        /** End of the structured data at {@code from}: '-' or one or more [id k="v" ...] elements. */
        private static int structuredDataEnd(String s, int from) {
            if (from >= s.length()) {
                return s.length();
            }
            if (s.charAt(from) == '-') {
                return from + 1;
            }
            int i = from;
            while (i < s.length() && s.charAt(i) == '[') {
                boolean quoted = false;
                i++;
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (quoted && c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted) {
                        break;
                    }
                    i++;
                }
                if (i >= s.length()) {
                    return -1;
                }
                i++;
            }
            return i;
        }
    }
}
