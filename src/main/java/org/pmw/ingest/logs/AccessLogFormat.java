package org.pmw.ingest.logs;

import java.util.Locale;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.Sample;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * Apache and nginx access logs: common, combined and vhost_combined ({@code host:port} first), with an
 * optional third quoted string (nginx's {@code $http_x_forwarded_for}) and an optional trailing duration.
 * Trailing {@code name=value} pairs ({@code rt=0.012 urt="0.011"}) are fields; {@code rt} or
 * {@code request_time} is the duration.
 * <p>
 * The two servers write the combined format identically, so both formats read the same lines and the
 * tie is broken by hints: "nginx" in the file name, or a trailing decimal request time (nginx's
 * {@code $request_time}), make nginx_access score higher; otherwise apache_access does. A trailing whole
 * number is read as Apache's {@code %D} (microseconds), a trailing decimal as seconds ({@code %T} with
 * a fraction, nginx's {@code $request_time}); Apache's plain {@code %T} (whole seconds) cannot be told from
 * {@code %D} and is read as microseconds. Several trailing values ({@code %I %O} of combinedio, or
 * {@code %T %D}) are left in the raw text only: which is which cannot be told from the line.
 */
final class AccessLogFormat extends LineLogFormat {

    private static final double LOSES_TIE = 0.98;

    private final boolean nginx;

    private AccessLogFormat(String name, String description, String example, boolean nginx) {
        super(name, description, example, false);
        this.nginx = nginx;
    }

    static AccessLogFormat apache() {
        return new AccessLogFormat("apache_access",
                "Apache httpd access log: common, combined or vhost_combined (optionally with %D)",
                "10.0.0.5 - - [10/Oct/2005:14:02:11 -0400] \"GET /index.php HTTP/1.1\" 200 5120 "
                        + "\"http://www.example.com/\" \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)\"",
                false);
    }

    static AccessLogFormat nginx() {
        return new AccessLogFormat("nginx_access",
                "nginx access log: default combined format, optionally with $http_x_forwarded_for and $request_time",
                "10.0.0.5 - - [10/Oct/2005:14:02:11 +0000] \"GET /index.php HTTP/1.1\" 502 166 \"-\" "
                        + "\"Mozilla/5.0 (X11; Linux x86_64)\" \"-\" 0.251",
                true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new AccessLineParser();
    }

    @Override
    public double score(Sample sample) {
        double base = super.score(sample);
        if (base == 0) {
            return 0;
        }
        boolean nginxHint = sample.fileName() != null
                && sample.fileName().toLowerCase(Locale.ROOT).contains("nginx")
                || sample.fractionMatching(AccessLogFormat::endsWithDecimal) > 0.5;
        return nginx == nginxHint ? base : base * LOSES_TIE;
    }

    private static boolean endsWithDecimal(String line) {
        int end = line.length();
        int space = line.lastIndexOf(' ');
        if (space < 0 || line.charAt(end - 1) == '"') {
            return false;
        }
        String last = line.substring(space + 1);
        int dot = last.indexOf('.');
        return dot > 0 && dot < last.length() - 1 && Timestamps.digitRunEnd(last, 0) == dot
                && Timestamps.digitRunEnd(last, dot + 1) == last.length();
    }

    /** Index-based reader of one access-log line; caches the last timestamp, which repeats line after line. */
    static final class AccessLineParser extends LineParser {

        private static final int TS_LENGTH = 26; // 10/Oct/2005:14:02:11 -0400
        private static final String EXPECTED_TS = "expected '[dd/Mon/yyyy:HH:mm:ss zone]' timestamp";

        private String lastTsText;
        private long lastTs;

        @Override
        Result read(String s, Draft d) {
            int bracket = s.indexOf(" [");
            if (bracket < 0) {
                return none(EXPECTED_TS);
            }
            // client ident user, or vhost:port client ident user
            String[] tokens = new String[4];
            int count = 0;
            int start = 0;
            for (int i = 0; i <= bracket; i++) {
                if (i == bracket || s.charAt(i) == ' ') {
                    if (count == 4 || i == start) {
                        return none("expected client, ident and user (optionally after vhost:port) before the "
                                + "'[dd/Mon/yyyy:HH:mm:ss zone]' timestamp");
                    }
                    tokens[count++] = s.substring(start, i);
                    start = i + 1;
                }
            }
            if (count < 3) {
                return none("expected client, ident and user before the '[dd/Mon/yyyy:HH:mm:ss zone]' timestamp");
            }
            int tsStart = bracket + 2;
            if (!Timestamps.at(s, tsStart + TS_LENGTH, ']')) {
                return none(EXPECTED_TS);
            }
            if (lastTsText != null && s.regionMatches(tsStart, lastTsText, 0, TS_LENGTH)) {
                d.ts = lastTs;
                d.tsText = lastTsText;
            } else if (!readTimestamp(s, tsStart, d)) {
                return none(EXPECTED_TS);
            }
            int i = tsStart + TS_LENGTH + 1;
            if (!Timestamps.at(s, i, ' ') || !Timestamps.at(s, i + 1, '"')) {
                return none("expected '\"request\"' after the timestamp");
            }
            int requestEnd = closingQuote(s, i + 2);
            if (requestEnd < 0) {
                return none("expected the closing quote of the request line");
            }
            String request = s.substring(i + 2, requestEnd);
            i = requestEnd + 1;
            if (!Timestamps.at(s, i, ' ')) {
                return none("expected a 3-digit status after the request");
            }
            int status = Timestamps.digits(s, i + 1, 3);
            i += 4;
            if (status < 100 || (i < s.length() && s.charAt(i) != ' ')) {
                return none("expected a 3-digit status after the request");
            }
            Long bytes = null;
            if (i < s.length()) {
                int bytesStart = i + 1;
                int bytesEnd = Timestamps.digitRunEnd(s, bytesStart);
                if (bytesEnd > bytesStart && bytesEnd - bytesStart < 19) {
                    bytes = Long.parseLong(s, bytesStart, bytesEnd, 10);
                } else if (Timestamps.at(s, bytesStart, '-')) {
                    bytesEnd = bytesStart + 1;
                } else {
                    return none("expected the response size (bytes or '-') after the status");
                }
                if (bytesEnd < s.length() && s.charAt(bytesEnd) != ' ') {
                    return none("expected the response size (bytes or '-') after the status");
                }
                i = bytesEnd;
            }

            String referer = null;
            String agent = null;
            String forwardedFor = null;
            int quoted = 0;
            Double durationMs = null;
            int trailingTokens = 0;
            boolean secondsWithPoint = false;
            java.util.List<String> named = null; // name, value, name, value... of trailing name=value pairs
            while (i < s.length()) {
                if (s.charAt(i) == ' ') {
                    i++;
                    continue;
                }
                if (s.charAt(i) == '"') {
                    int end = closingQuote(s, i + 1);
                    if (end < 0) {
                        return none("expected the closing quote of a quoted field after the status");
                    }
                    String value = s.substring(i + 1, end);
                    quoted++;
                    if (quoted == 1) {
                        referer = value;
                    } else if (quoted == 2) {
                        agent = value;
                    } else if (quoted == 3) {
                        forwardedFor = value;
                    }
                    i = end + 1;
                    continue;
                }
                int equals = nameEnd(s, i);
                if (equals > i && Timestamps.at(s, equals, '=')) {
                    int end = namedValueEnd(s, equals + 1);
                    if (end < 0) {
                        return none("expected the closing quote of the value of " + s.substring(i, equals));
                    }
                    if (named == null) {
                        named = new java.util.ArrayList<>(8);
                    }
                    named.add(s.substring(i, equals));
                    named.add(unquoted(s, equals + 1, end));
                    i = end;
                    continue;
                }
                int end = s.indexOf(' ', i);
                if (end < 0) {
                    end = s.length();
                }
                trailingTokens++;
                Double ms = duration(s, i, end);
                if (trailingTokens == 1) {
                    durationMs = ms;
                    secondsWithPoint = ms != null && s.indexOf('.', i) > 0 && s.indexOf('.', i) < end;
                }
                i = end;
            }

            d.kind = EventKind.REQUEST;
            d.level = levelOfStatus(status);
            d.message = request + ' ' + status;
            int first = count == 4 ? 1 : 0;
            d.field("client", tokens[first]);
            d.field("ident", dashIsAbsent(tokens[first + 1]));
            d.field("user", dashIsAbsent(tokens[first + 2]));
            splitRequest(request, d);
            d.field("status", (long) status);
            d.field("bytes", bytes);
            d.field("referer", dashIsAbsent(referer));
            d.field("agent", dashIsAbsent(agent));
            d.field("forwarded_for", dashIsAbsent(forwardedFor));
            if (count == 4) {
                String vhost = tokens[0];
                int colon = vhost.lastIndexOf(':');
                if (colon > 0 && Timestamps.digitRunEnd(vhost, colon + 1) == vhost.length()
                        && colon + 1 < vhost.length()) {
                    d.field("port", Long.parseLong(vhost, colon + 1, vhost.length(), 10));
                    vhost = vhost.substring(0, colon);
                }
                d.field("vhost", vhost);
                d.host = vhost;
            }
            if (trailingTokens == 1 || secondsWithPoint) {
                // One trailing number is a duration. Of several, Apache's (%I %O, %T %D) cannot be told apart
                // safely; but seconds with a point are nginx's $request_time, which its configurations put first
                // ("$request_time $upstream_response_time").
                d.field("duration_ms", durationMs);
            }
            if (named != null) {
                addNamed(named, d);
            }
            return Result.ENTRY;
        }

        private boolean readTimestamp(String s, int from, Draft d) {
            int day = Timestamps.digits(s, from, 2);
            int month = Timestamps.month(s, from + 3);
            int year = Timestamps.digits(s, from + 7, 4);
            int hour = Timestamps.digits(s, from + 12, 2);
            int minute = Timestamps.digits(s, from + 15, 2);
            int second = Timestamps.digits(s, from + 18, 2);
            char sign = s.charAt(from + 21);
            int zoneHours = Timestamps.digits(s, from + 22, 2);
            int zoneMinutes = Timestamps.digits(s, from + 24, 2);
            if (s.charAt(from + 2) != '/' || s.charAt(from + 6) != '/' || s.charAt(from + 11) != ':'
                    || s.charAt(from + 14) != ':' || s.charAt(from + 17) != ':' || s.charAt(from + 20) != ' '
                    || (sign != '+' && sign != '-') || zoneHours < 0 || zoneMinutes < 0
                    || !Timestamps.valid(year, month, day, hour, minute, second)) {
                return false;
            }
            int offset = (sign == '-' ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
            lastTs = (Timestamps.localSeconds(year, month, day, hour, minute, second) - offset) * 1000;
            lastTsText = s.substring(from, from + TS_LENGTH);
            d.ts = lastTs;
            d.tsText = lastTsText;
            return true;
        }

        /** Trailing %D (whole microseconds) or seconds with a fraction, as milliseconds; null if not a number. */
        private static Double duration(String s, int from, int to) {
            int intEnd = Timestamps.digitRunEnd(s, from);
            if (intEnd == from) {
                return null;
            }
            if (intEnd == to && to - from < 16) {
                return Long.parseLong(s, from, to, 10) / 1000.0;
            }
            if (s.charAt(intEnd) == '.' && Timestamps.digitRunEnd(s, intEnd + 1) == to && to > intEnd + 1) {
                return Double.parseDouble(s.substring(from, to)) * 1000.0;
            }
            return null;
        }

        /**
         * Trailing {@code name=value} pairs, as nginx's documented timing format writes them ({@code rt=0.012
         * urt="0.011"}): each a field of its name, a number where the value is one; the request time, named, is
         * the duration. A name the line has already read (status, bytes...) keeps the line's value.
         */
        private static void addNamed(java.util.List<String> named, Draft d) {
            for (int k = 0; k < named.size(); k += 2) {
                String name = named.get(k);
                String value = named.get(k + 1);
                // nginx writes times in seconds with a fraction, always with the point
                Double ms = value.indexOf('.') > 0 ? duration(value, 0, value.length()) : null;
                if ((name.equals("rt") || name.equals("request_time")) && ms != null) {
                    d.field("duration_ms", ms);
                    continue;
                }
                if (value.equals("-") || value.isEmpty() || d.fields != null && d.fields.containsKey(name)) {
                    continue;
                }
                if ((name.equals("host") || name.equals("vhost")) && d.host == null) {
                    // $host or $server_name: the site, as vhost_combined's first field is
                    d.host = value;
                    d.field("vhost", value);
                    continue;
                }
                d.field(FieldValues.fieldName(name, "access_"), FieldValues.typed(value));
            }
        }

        /** End of a name of a name=value pair starting at {@code from}: letters, digits, '_', '.' and '-'. */
        private static int nameEnd(String s, int from) {
            int i = from;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_.-".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            return i;
        }

        /** End of a value that starts at {@code from}: after its closing quote, or at the next space. */
        private static int namedValueEnd(String s, int from) {
            if (Timestamps.at(s, from, '"')) {
                int close = closingQuote(s, from + 1);
                return close < 0 ? -1 : close + 1;
            }
            int space = s.indexOf(' ', from);
            return space < 0 ? s.length() : space;
        }

        private static String unquoted(String s, int from, int to) {
            return Timestamps.at(s, from, '"') ? s.substring(from + 1, to - 1) : s.substring(from, to);
        }

        private static void splitRequest(String request, Draft d) {
            int first = request.indexOf(' ');
            if (first <= 0 || !isMethod(request, first)) {
                return;
            }
            int last = request.lastIndexOf(' ');
            d.field("method", request.substring(0, first));
            String target;
            if (last > first && request.startsWith("HTTP/", last + 1)) {
                target = request.substring(first + 1, last);
                d.field("protocol", request.substring(last + 1));
            } else {
                target = request.substring(first + 1);
            }
            // path:"/cart.php" counts every request of the page, whatever its parameters; the whole target is in
            // the message
            int question = target.indexOf('?');
            String path = question < 0 ? target : target.substring(0, question);
            String query = question < 0 ? "" : target.substring(question + 1);
            if (!path.isEmpty()) {
                d.field("path", path);
            }
            if (!query.isEmpty()) {
                d.field("query", query);
            }
        }

        private static boolean isMethod(String request, int end) {
            for (int i = 0; i < end; i++) {
                char c = request.charAt(i);
                if ((c < 'A' || c > 'Z') && c != '-' && c != '_') {
                    return false;
                }
            }
            return true;
        }

        private static String dashIsAbsent(String value) {
            return value == null || value.equals("-") || value.isEmpty() ? null : value;
        }
    }

    /** A server error is an error, a client error (404, 403...) a warning, anything else info. */
    static Level levelOfStatus(long status) {
        return status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO;
    }

    /** Index of the quote that closes a quoted field starting at {@code from}, skipping backslash escapes. */
    static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

}
