package org.pmw.ingest.logs;

import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * PHP's error_log: {@code [10-Oct-2005 14:02:11] PHP Warning:  mysql_connect(): Too many connections in
 * /var/www/html/db.php on line 12}, from PHP 5.3 on with the zone name inside the brackets
 * ({@code [10-Oct-2005 14:02:11 America/New_York]}, {@code UTC}). Without one the source's zone applies.
 * Lines without a timestamp (an uncaught exception's "Stack trace:" and "#0 ..." frames) and the
 * timestamped "PHP Stack trace:" / "PHP   1. ..." lines belong to the entry before them. php-fpm's own log
 * ({@code [10-Oct-2005 14:02:11] WARNING: [pool www] ...}) has the same timestamps; its level word and pool are read.
 * So does its slow log ({@code [10-Oct-2005 14:02:11]  [pool www] pid 4021}, then the script and the stack the
 * request was stuck in): one event per request, a warning with its pool and pid.
 */
final class PhpErrorFormat extends LineLogFormat {

    PhpErrorFormat() {
        super("php_error", "PHP error log (error_log), with multi-line stack traces",
                "[10-Oct-2005 14:02:11] PHP Warning:  mysql_connect(): Too many connections in "
                        + "/var/www/html/db.php on line 12",
                true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(context);
    }

    @Override
    boolean neutralInScore(String line) {
        return super.neutralInScore(line) || line.startsWith("Stack trace:") || line.startsWith("#")
                || line.startsWith("PHP ") || line.startsWith("thrown in ") || slowLogLine(line);
    }

    /** The script and stack frames php-fpm's slow log writes under each head line: the format's own. */
    @Override
    boolean explainsContinuation(String line) {
        return slowLogLine(line);
    }

    private static boolean slowLogLine(String line) {
        return line.startsWith("script_filename = ") || line.startsWith("[0x");
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected '[dd-Mon-yyyy HH:mm:ss]' timestamp";

        private final ParseContext context;
        private final LocalClock sourceClock;
        private final Map<String, LocalClock> zoneClocks = new HashMap<>();
        private final ParsedTime time = new ParsedTime();

        Parser(ParseContext context) {
            this.context = context;
            this.sourceClock = new LocalClock(context.zone());
        }

        @Override
        Result read(String s, Draft d) {
            if (s.length() < 22 || s.charAt(0) != '[' || s.charAt(3) != '-' || s.charAt(7) != '-'
                    || s.charAt(12) != ' ' || s.charAt(15) != ':' || s.charAt(18) != ':') {
                return none(EXPECTED);
            }
            int day = Timestamps.digits(s, 1, 2);
            int month = Timestamps.month(s, 4);
            int year = Timestamps.digits(s, 8, 4);
            int hour = Timestamps.digits(s, 13, 2);
            int minute = Timestamps.digits(s, 16, 2);
            int second = Timestamps.digits(s, 19, 2);
            if (!Timestamps.valid(year, month, day, hour, minute, second)) {
                return none(EXPECTED);
            }
            int close = s.indexOf(']', 21);
            if (close < 0 || (close > 21 && s.charAt(21) != ' ')) {
                return none(EXPECTED);
            }
            LocalClock clock = close > 21 ? clockFor(s.substring(22, close)) : sourceClock;
            time.clear();
            time.set(year, month, day, hour, minute, second);
            d.copyTimeFrom(time, clock, s.substring(1, close));
            int i = close + 1;
            if (Timestamps.at(s, i, ' ')) {
                i++;
            }
            String text = s.substring(i);
            if (text.startsWith("PHP ")) {
                String afterPhp = text.substring(4).stripLeading();
                if (afterPhp.startsWith("Stack trace:") || isFrame(afterPhp)) {
                    return continues(text);
                }
                int colon = afterPhp.indexOf(':');
                if (colon > 0 && colon < 40 && isWords(afterPhp, colon)) {
                    String phpLevel = afterPhp.substring(0, colon);
                    d.field("php_level", phpLevel);
                    d.level = phpLevel(phpLevel);
                }
            } else if (text.startsWith(" [pool ")) {
                // php-fpm's slow log: " [pool www] pid 4021", its script and stack on the lines that follow
                text = text.substring(1);
                readSlowRequest(text, d);
            } else {
                readFpmLevelAndPool(text, d);
            }
            d.message = text;
            readLocation(text, d);
            return Result.ENTRY;
        }

        /**
         * php-fpm writes its own log in this format, the level as a word before a colon ({@code WARNING: [pool www]
         * server reached pm.max_children}); without it a worker's SIGSEGV would be an info.
         */
        private static void readFpmLevelAndPool(String text, Draft d) {
            int colon = 0;
            while (colon < text.length() && Character.isLetter(text.charAt(colon))) {
                colon++;
            }
            Level level = Timestamps.at(text, colon, ':') ? LevelWords.leadingLevelWord(text) : null;
            if (level == null) {
                return;
            }
            d.level = level;
            String pool = ": [pool ";
            int name = colon + pool.length();
            int close = text.startsWith(pool, colon) ? text.indexOf(']', name) : -1;
            if (close > name) {
                d.field("pool", text.substring(name, close));
            }
        }

        /** A slow log's head: {@code [pool www] pid 4021}, a request slower than request_slowlog_timeout. */
        private static void readSlowRequest(String text, Draft d) {
            int close = text.indexOf(']');
            if (close < 0) {
                return;
            }
            d.level = Level.WARN;
            d.field("pool", text.substring("[pool ".length(), close));
            int pid = close + " pid ".length() + 1;
            int pidEnd = Timestamps.digitRunEnd(text, pid);
            if (text.startsWith(" pid ", close + 1) && pidEnd > pid && pidEnd - pid < 10) {
                d.field("pid", Long.parseLong(text, pid, pidEnd, 10));
            }
        }

        private LocalClock clockFor(String zoneName) {
            return zoneClocks.computeIfAbsent(zoneName, name -> {
                try {
                    return new LocalClock(Timestamps.zoneNamed(name));
                } catch (DateTimeException e) {
                    context.note("unknown time zone '" + name + "' in PHP timestamps; used " + context.zone());
                    return sourceClock;
                }
            });
        }

        private static Level phpLevel(String phpLevel) {
            Level level = Level.parse(phpLevel, null);
            if (level != null) {
                return level;
            }
            String lower = phpLevel.toLowerCase(Locale.ROOT);
            if (lower.contains("fatal") || lower.contains("error")) {
                return Level.ERROR;
            }
            return lower.contains("warning") ? Level.WARN : Level.NOTICE;
        }

        /** "1. {main}() /var/www/html/index.php:0", as Xdebug prints stack frames. */
        private static boolean isFrame(String s) {
            int end = Timestamps.digitRunEnd(s, 0);
            return end > 0 && Timestamps.at(s, end, '.') && Timestamps.at(s, end + 1, ' ');
        }

        private static boolean isWords(String s, int end) {
            for (int i = 0; i < end; i++) {
                char c = s.charAt(i);
                if (!Character.isLetter(c) && c != ' ') {
                    return false;
                }
            }
            return true;
        }

        /** "... in /path/file.php on line 12" or "... in /path/file.php:12" at the end of the first line. */
        private static void readLocation(String text, Draft d) {
            int onLine = text.lastIndexOf(" on line ");
            if (onLine > 0) {
                int numberEnd = Timestamps.digitRunEnd(text, onLine + 9);
                int in = text.lastIndexOf(" in ", onLine);
                if (numberEnd > onLine + 9 && numberEnd - onLine < 19 && in >= 0) {
                    d.field("file", text.substring(in + 4, onLine));
                    d.field("php_line", Long.parseLong(text, onLine + 9, numberEnd, 10));
                }
                return;
            }
            int in = text.lastIndexOf(" in /");
            if (in > 0) {
                int colon = text.lastIndexOf(':');
                if (colon > in && colon < text.length() - 1 && colon + 19 > text.length()
                        && Timestamps.digitRunEnd(text, colon + 1) == text.length()) {
                    d.field("file", text.substring(in + 4, colon));
                    d.field("php_line", Long.parseLong(text, colon + 1, text.length(), 10));
                }
            }
        }
    }
}
