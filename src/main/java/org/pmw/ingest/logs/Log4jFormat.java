package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * Java logs written by log4j / logback / java.util.logging-style pattern layouts that start with a full
 * date: {@code 2005-10-10 14:02:11,123 ERROR [main] com.example.Foo - message},
 * {@code 2005-10-10 14:02:11,123 [main] ERROR com.example.Foo - message}, Hadoop's
 * {@code ... INFO [main] org.apache.Foo: message} and ZooKeeper's {@code ... - INFO  [thread] - message}.
 * Stack traces ({@code \tat ...}, {@code Caused by: ...}, {@code ... 5 more}) belong to the entry.
 * Layouts that print only the time of day (logback's default {@code 14:02:11.123 [main] ERROR ...}) are not
 * read: there is no date to place them on.
 */
final class Log4jFormat extends LineLogFormat {

    Log4jFormat() {
        super("log4j", "log4j / logback pattern layouts with a full date, stack traces joined",
                "2005-10-10 14:02:11,123 ERROR [http-8080-3] com.example.shop.CartDao - Cannot get a connection, "
                        + "pool error Timeout waiting for idle object",
                true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    @Override
    boolean neutralInScore(String line) {
        return super.neutralInScore(line) || line.startsWith("Caused by:") || line.startsWith("...")
                || StackTraceLines.looksLikeThrowable(line);
    }

    /** The lines of a Java stack trace: frames, "Caused by:", "... 12 more" and the throwable's own first line. */
    @Override
    boolean explainsContinuation(String line) {
        return StackTraceLines.isJavaTraceLine(line);
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED =
                "expected 'yyyy-MM-dd HH:mm:ss,SSS LEVEL [thread] logger - message' at the start of the line";

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            if (!Timestamps.iso(s, 0, '-', time) || !Timestamps.at(s, time.end, ' ')) {
                return none(EXPECTED);
            }
            int i = time.end + 1;
            if (s.startsWith("- ", i)) {
                i += 2;
            }
            String thread = null;
            Level level = null;
            String levelWord = null;
            for (int part = 0; part < 2; part++) {
                i = skipSpaces(s, i);
                if (thread == null && Timestamps.at(s, i, '[')) {
                    int close = matchingBracket(s, i);
                    if (close < 0) {
                        return none(EXPECTED);
                    }
                    thread = s.substring(i + 1, close);
                    i = close + 1;
                } else if (level == null) {
                    int end = i;
                    while (end < s.length() && s.charAt(end) >= 'A' && s.charAt(end) <= 'Z') {
                        end++;
                    }
                    levelWord = s.substring(i, end);
                    level = level(levelWord);
                    if (level == null) {
                        break;
                    }
                    i = end;
                }
            }
            if (level == null) {
                return none(EXPECTED);
            }
            i = skipSpaces(s, i);
            d.copyTimeFrom(time, clock, s.substring(0, time.end));
            d.level = level;
            int pidEnd = Timestamps.digitRunEnd(s, i);
            if (pidEnd > i && s.startsWith(" --- ", pidEnd)) {
                return springBoot(s, i, pidEnd, d) ? Result.ENTRY : none(EXPECTED);
            }
            if (thread != null && Timestamps.at(s, i, '[')) {
                // logback's %X: the MDC after the thread, [traceId=abc userId=7] or []
                int close = matchingBracket(s, i);
                if (close > 0) {
                    readContextPairs(s.substring(i + 1, close), d);
                    i = skipSpaces(s, close + 1);
                }
            }
            String logger = null;
            if (s.startsWith("- ", i)) {
                i += 2;
            } else {
                int end = i;
                while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                if (end > i && Timestamps.at(s, end, ':') && (end + 1 == s.length() || s.charAt(end + 1) == ' ')) {
                    logger = s.substring(i, end);
                    i = end + 1;
                } else if (end > i && s.startsWith(" - ", end)) {
                    logger = s.substring(i, end);
                    i = end + 3;
                }
            }
            d.field("thread", thread);
            d.field("logger", logger);
            d.message = s.substring(skipSpaces(s, i));
            return Result.ENTRY;
        }

        /**
         * Spring Boot's default layout after the level: {@code 12345 --- [app] [thread] logger : message} (the
         * application's name since Boot 3.2; the thread padded to 15), or {@code 12345 --- [thread] logger : message}.
         */
        private static boolean springBoot(String s, int pidStart, int pidEnd, Draft d) {
            int i = pidEnd + 5;
            if (!Timestamps.at(s, i, '[')) {
                return false;
            }
            int close = matchingBracket(s, i);
            if (close < 0) {
                return false;
            }
            String first = s.substring(i + 1, close).strip();
            String thread = first;
            i = skipSpaces(s, close + 1);
            if (Timestamps.at(s, i, '[')) {
                int second = matchingBracket(s, i);
                if (second < 0) {
                    return false;
                }
                thread = s.substring(i + 1, second).strip();
                d.field("application", first);
                i = skipSpaces(s, second + 1);
            }
            int colon = s.indexOf(" : ", i);
            if (colon < 0) {
                return false;
            }
            d.field("pid", Long.parseLong(s, pidStart, pidEnd, 10));
            d.field("thread", thread);
            d.field("logger", s.substring(i, colon).strip());
            d.message = s.substring(colon + 3);
            return true;
        }

        /** {@code traceId=abc userId=7} (or with commas): each pair a field, as Kibana shows an MDC. */
        private static void readContextPairs(String pairs, Draft d) {
            for (String pair : pairs.split("[ ,]+")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1 && Character.isJavaIdentifierStart(pair.charAt(0))) {
                    d.field(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }

        private static Level level(String word) {
            switch (word) {
                case "TRACE": case "FINEST": case "FINER": return Level.TRACE;
                case "DEBUG": case "FINE": return Level.DEBUG;
                case "INFO": case "CONFIG": return Level.INFO;
                case "NOTICE": return Level.NOTICE;
                case "WARN": case "WARNING": return Level.WARN;
                case "ERROR": case "SEVERE": return Level.ERROR;
                // Python's logging and others beside the log4j family write CRITICAL
                case "CRITICAL": case "CRIT": return Level.CRIT;
                case "FATAL": return Level.FATAL;
                default: return null;
            }
        }

        /** The ']' closing the '[' at {@code open}; thread names may hold brackets themselves. */
        private static int matchingBracket(String s, int open) {
            int depth = 0;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int skipSpaces(String s, int i) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }
}
