package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * nginx error log: {@code 2005/10/10 14:02:11 [error] 1234#0: *5 connect() failed ..., client: 10.0.0.5,
 * server: example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8080/", host: "example.com"}.
 * No zone in the line: the source's zone applies. The trailing context nginx appends becomes fields.
 */
final class NginxErrorFormat extends LineLogFormat {

    private static final String[] CONTEXT_KEYS = {"client", "server", "request", "upstream", "host", "referrer"};

    NginxErrorFormat() {
        super("nginx_error", "nginx error log",
                "2005/10/10 14:02:11 [error] 1234#0: *5 connect() failed (111: Connection refused) while "
                        + "connecting to upstream, client: 10.0.0.5, server: www.example.com, request: "
                        + "\"GET /index.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", "
                        + "host: \"www.example.com\"",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED =
                "expected 'yyyy/MM/dd HH:mm:ss [level] pid#tid: ' at the start of the line";

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            if (!Timestamps.iso(s, 0, '/', time) || time.end != 19 || !s.startsWith(" [", 19)) {
                return none(EXPECTED);
            }
            int levelEnd = s.indexOf("] ", 21);
            if (levelEnd < 0 || levelEnd > 30) {
                return none(EXPECTED);
            }
            int i = levelEnd + 2;
            int pidEnd = Timestamps.digitRunEnd(s, i);
            if (pidEnd == i || pidEnd - i > 18 || !Timestamps.at(s, pidEnd, '#')) {
                return none(EXPECTED);
            }
            int tidEnd = Timestamps.digitRunEnd(s, pidEnd + 1);
            if (tidEnd == pidEnd + 1 || tidEnd - pidEnd > 19 || !Timestamps.at(s, tidEnd, ':')) {
                return none(EXPECTED);
            }
            d.copyTimeFrom(time, clock, s.substring(0, 19));
            d.level = Level.parse(s.substring(21, levelEnd), Level.INFO);
            d.field("pid", Long.parseLong(s, i, pidEnd, 10));
            d.field("tid", Long.parseLong(s, pidEnd + 1, tidEnd, 10));
            i = tidEnd + 1;
            if (Timestamps.at(s, i, ' ')) {
                i++;
            }
            if (Timestamps.at(s, i, '*')) {
                int connEnd = Timestamps.digitRunEnd(s, i + 1);
                if (connEnd > i + 1 && connEnd - i < 19) {
                    d.field("connection", Long.parseLong(s, i + 1, connEnd, 10));
                    i = Timestamps.at(s, connEnd, ' ') ? connEnd + 1 : connEnd;
                }
            }
            d.message = s.substring(i);
            readContext(d.message, d);
            return Result.ENTRY;
        }

        /** The ", client: ..., server: ..." context nginx appends to many messages. */
        private static void readContext(String message, Draft d) {
            int start = message.indexOf(", client: ");
            if (start < 0) {
                return;
            }
            String rest = message.substring(start);
            for (String key : CONTEXT_KEYS) {
                String marker = ", " + key + ": ";
                int at = rest.indexOf(marker);
                if (at < 0) {
                    continue;
                }
                int from = at + marker.length();
                int to;
                if (Timestamps.at(rest, from, '"')) {
                    int close = AccessLogFormat.closingQuote(rest, from + 1);
                    to = close < 0 ? rest.length() : close;
                    from++;
                } else {
                    to = rest.indexOf(", ", from);
                    to = to < 0 ? rest.length() : to;
                }
                d.field(key.equals("host") ? "host_header" : key, rest.substring(from, to));
            }
        }
    }
}
