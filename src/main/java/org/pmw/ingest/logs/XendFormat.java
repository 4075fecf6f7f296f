package org.pmw.ingest.logs;

import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * Xen's xend.log: {@code [2005-10-10 14:02:11 xend 1234] INFO (XendDomain:123) message} (component and pid;
 * older daemons write only the pid). The source location in parentheses becomes the field {@code module}
 * ("XendDomain:123"). Lines without the bracketed prefix (tracebacks, dumped configs) belong to the entry.
 */
final class XendFormat extends LineLogFormat {

    XendFormat() {
        super("xen", "Xen xend.log (xend daemon), multi-line tracebacks joined",
                "[2005-10-10 14:02:11 xend.XendDomainInfo 2345] DEBUG (XendDomainInfo:721) "
                        + "XendDomainInfo.destroy: domid=4",
                true);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    @Override
    boolean neutralInScore(String line) {
        return super.neutralInScore(line) || line.startsWith("Traceback") || line.startsWith("File \"")
                || line.startsWith("(") || line.startsWith("[");
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected '[yyyy-MM-dd HH:mm:ss component pid] LEVEL' at the start "
                + "of the line";

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            if (!Timestamps.at(s, 0, '[') || !Timestamps.iso(s, 1, '-', time) || time.end != 20
                    || !Timestamps.at(s, 20, ' ')) {
                return none(EXPECTED);
            }
            int close = s.indexOf("] ", 21);
            if (close < 0) {
                return none(EXPECTED);
            }
            int space = s.lastIndexOf(' ', close - 1);
            int pidStart = space < 21 ? 21 : space + 1;
            if (pidStart == close || Timestamps.digitRunEnd(s, pidStart) != close || close - pidStart > 18) {
                return none(EXPECTED);
            }
            int levelStart = close + 2;
            int levelEnd = levelStart;
            while (levelEnd < s.length() && s.charAt(levelEnd) >= 'A' && s.charAt(levelEnd) <= 'Z') {
                levelEnd++;
            }
            if (levelEnd == levelStart || (levelEnd < s.length() && s.charAt(levelEnd) != ' ')) {
                return none(EXPECTED);
            }
            d.copyTimeFrom(time, clock, s.substring(1, 20));
            if (pidStart > 21) {
                d.field("component", s.substring(21, pidStart - 1));
            }
            d.field("pid", Long.parseLong(s, pidStart, close, 10));
            d.level = Level.parse(s.substring(levelStart, levelEnd), Level.INFO);
            int i = Math.min(levelEnd + 1, s.length());
            if (Timestamps.at(s, i, '(')) {
                int end = s.indexOf(") ", i);
                if (end < 0 && s.endsWith(")")) {
                    end = s.length() - 1;
                }
                if (end > i && s.indexOf(' ', i) > end || end > i && s.indexOf(' ', i) < 0) {
                    d.field("module", s.substring(i + 1, end));
                    i = Math.min(end + 2, s.length());
                }
            }
            d.message = s.substring(i);
            return Result.ENTRY;
        }
    }
}
