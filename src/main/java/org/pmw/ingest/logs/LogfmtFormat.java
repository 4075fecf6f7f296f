package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * logfmt: {@code name=value} pairs, a value in double quotes where it holds spaces, as Go programs write them
 * (logrus's and slog's text handlers, go-kit, Grafana and Loki): {@code time="2024-03-14T09:58:01Z" level=error
 * msg="dial failed" error="connection refused"}. The time is the first of {@code time}, {@code ts}, {@code t},
 * {@code timestamp} (ISO 8601; no offset: the source's zone), the level the first of {@code level}, {@code lvl},
 * {@code severity}, the message the first of {@code msg}, {@code message}; {@code host} or {@code hostname} is the
 * event's host. Every other pair is a field, a number where its value is one; a name the event has already
 * ({@code line}, {@code source}...) is prefixed with {@code logfmt_}.
 */
final class LogfmtFormat extends LineLogFormat {

    private static final String[] TIME_KEYS = {"time", "ts", "t", "timestamp"};
    private static final String[] LEVEL_KEYS = {"level", "lvl", "severity"};
    private static final String[] MESSAGE_KEYS = {"msg", "message"};
    private static final String[] HOST_KEYS = {"host", "hostname"};

    LogfmtFormat() {
        super("logfmt", "logfmt: name=value pairs with a time (Go's logrus, slog, go-kit)",
                "time=\"2005-10-10T14:02:11Z\" level=error msg=\"dial failed\" error=\"dial tcp 10.0.0.9:3306: "
                        + "connect: connection refused\" attempt=3",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected name=value pairs with a time (time=, ts=, t= or timestamp=)";

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        private final java.util.List<String> pairs = new java.util.ArrayList<>(32);

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            if (!split(s)) {
                return none(EXPECTED);
            }
            int timeAt = first(TIME_KEYS);
            if (timeAt < 0) {
                return none(EXPECTED);
            }
            String text = pairs.get(timeAt + 1);
            if (!Timestamps.iso(text, 0, '-', time) || time.end != text.length()) {
                return none("expected an ISO 8601 time in '" + pairs.get(timeAt) + "'");
            }
            d.copyTimeFrom(time, clock, text);
            int levelAt = first(LEVEL_KEYS);
            if (levelAt >= 0) {
                d.level = Level.parse(pairs.get(levelAt + 1), Level.INFO);
            }
            int messageAt = first(MESSAGE_KEYS);
            d.message = messageAt >= 0 ? pairs.get(messageAt + 1) : s.strip();
            int hostAt = first(HOST_KEYS);
            if (hostAt >= 0) {
                d.host = pairs.get(hostAt + 1);
            }
            for (int k = 0; k < pairs.size(); k += 2) {
                if (k == timeAt || k == levelAt || k == messageAt || k == hostAt) {
                    continue;
                }
                String name = pairs.get(k);
                d.field(FieldValues.fieldName(name, "logfmt_"), FieldValues.typed(pairs.get(k + 1)));
            }
            return Result.ENTRY;
        }

        /** The line's pairs into {@link #pairs} (name, value, name, value...); false if it is not all pairs. */
        private boolean split(String s) {
            pairs.clear();
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
                if (i == n) {
                    break;
                }
                int nameStart = i;
                while (i < n && s.charAt(i) > ' ' && s.charAt(i) != '=' && s.charAt(i) != '"') {
                    i++;
                }
                if (i == nameStart || i == n || s.charAt(i) != '=') {
                    return false;
                }
                pairs.add(s.substring(nameStart, i));
                i++;
                if (i < n && s.charAt(i) == '"') {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (i < n && s.charAt(i) != '"') {
                        if (s.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(s.charAt(i++));
                    }
                    if (i == n) {
                        return false;
                    }
                    i++;
                    pairs.add(value.toString());
                } else {
                    int valueStart = i;
                    while (i < n && s.charAt(i) != ' ') {
                        i++;
                    }
                    pairs.add(s.substring(valueStart, i));
                }
            }
            return !pairs.isEmpty();
        }

        private int first(String[] names) {
            for (String name : names) {
                for (int k = 0; k < pairs.size(); k += 2) {
                    if (pairs.get(k).equals(name)) {
                        return k;
                    }
                }
            }
            return -1;
        }
    }
}
