package org.pmw.ingest.logs;

import org.pmw.model.Level;

/** Finds severity in free text, for formats whose lines carry no level field. */
final class LevelWords {

    private LevelWords() {
    }

    /**
     * The level named by the first whole word in {@code s[from, to)} that is a level name (TRACE, DEBUG,
     * INFO, NOTICE, WARN, WARNING, ERROR, ERR, CRIT, CRITICAL, FATAL, SEVERE, EMERG, ALERT, PANIC; any
     * case), or {@code fallback}.
     */
    static Level firstLevelWord(String s, int from, int to, Level fallback) {
        int end = Math.min(to, s.length());
        int i = Math.max(0, from);
        while (i < end) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length >= 3 && length <= 8 && (start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1)))) {
                Level level = levelWord(s.substring(start, i));
                if (level != null) {
                    return level;
                }
            }
        }
        return fallback;
    }

    /**
     * The level a line wrapped by a container runtime (Docker's json-file, Kubernetes' CRI log) states: the letter
     * of a klog header ({@code E0312 10:00:04.000000 1 file.go:42] ...}, as Kubernetes' own components and most Go
     * programs around them write), else its first level word in its first 80 characters, as generic reads a plain
     * line; else info. Terminal colours around the words ({@code ESC[31mERROR ESC[0m}, from a container run with a
     * terminal) are looked through.
     */
    static Level statedByWrappedLine(String line) {
        if (line.indexOf('\u001b') >= 0) {
            line = TERMINAL_ESCAPE.matcher(line).replaceAll("");
        }
        Level klog = klogLevel(line);
        return klog != null ? klog : firstLevelWord(line, 0, WRAPPED_LEVEL_WITHIN, Level.INFO);
    }

    /** The level of klog's (and glog's) header letter, I, W, E or F before {@code mmdd hh:mm:ss.uuuuuu}; else null. */
    private static Level klogLevel(String line) {
        if (line.length() < 21 || Timestamps.digitRunEnd(line, 1) != 5 || line.charAt(5) != ' '
                || line.charAt(8) != ':' || line.charAt(11) != ':' || line.charAt(14) != '.'
                || Timestamps.digitRunEnd(line, 15) != 21) {
            return null;
        }
        switch (line.charAt(0)) {
            case 'I': return Level.INFO;
            case 'W': return Level.WARN;
            case 'E': return Level.ERROR;
            case 'F': return Level.FATAL;
            default: return null;
        }
    }

    private static final int WRAPPED_LEVEL_WITHIN = 80;

    /** A terminal's control sequence: colours and the like, ESC [ parameters letter. */
    private static final java.util.regex.Pattern TERMINAL_ESCAPE =
            java.util.regex.Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private static Level levelWord(String word) {
        switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE": return Level.TRACE;
            case "DEBUG": return Level.DEBUG;
            case "INFO": return Level.INFO;
            case "NOTICE": return Level.NOTICE;
            case "WARN": case "WARNING": return Level.WARN;
            case "ERROR": case "ERR": case "SEVERE": return Level.ERROR;
            case "CRIT": case "CRITICAL": case "ALERT": return Level.CRIT;
            case "FATAL": case "EMERG": case "PANIC": return Level.FATAL;
            default: return null;
        }
    }

    /**
     * Severity of a free-text message: the level it starts with, if any; else by keywords: a segfault, kernel
     * panic, oops or out-of-memory is an error; "error", "fail", "denied", "refused" or "warning" a warning;
     * anything else info.
     */
    static Level byKeywords(String message) {
        Level said = leadingLevelWord(message);
        if (said != null) {
            return said;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("segfault") || m.contains("panic") || m.contains("oops") || m.contains("out of memory")) {
            return Level.ERROR;
        }
        if (m.contains("error") || m.contains("fail") || m.contains("denied") || m.contains("refused")
                || m.contains("warning")) {
            return Level.WARN;
        }
        return Level.INFO;
    }

    /**
     * The level a message states by starting with it ({@code ERROR disk full}, {@code warning: hostname unknown},
     * {@code [crit] ...}), or null: the writer said so, which is better than any keyword.
     */
    static Level leadingLevelWord(String message) {
        int i = 0;
        while (i < message.length() && i < 2 && (message.charAt(i) == '[' || message.charAt(i) == '<')) {
            i++;
        }
        int start = i;
        while (i < message.length() && Character.isLetter(message.charAt(i))) {
            i++;
        }
        if (i - start < 3 || i - start > 8 || i < message.length() && ":] >".indexOf(message.charAt(i)) < 0) {
            return null;
        }
        return levelWord(message.substring(start, i));
    }
}
