package org.pmw.model;

import java.util.Locale;

/** Normalised severity. Every format maps its own level names onto these eight. */
public enum Level {
    TRACE, DEBUG, INFO, NOTICE, WARN, ERROR, CRIT, FATAL;

    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    /**
     * Maps the level names found in common log formats (syslog, Apache, PHP, log4j, MySQL, PostgreSQL...)
     * onto the normalised levels. Unknown names give {@code fallback}.
     */
    public static Level parse(String text, Level fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace": case "finest": case "finer": case "verbose":
                return TRACE;
            case "debug": case "fine": case "debug1": case "debug2": case "debug3": case "debug4": case "debug5":
                return DEBUG;
            case "info": case "information": case "informational": case "config": case "log": case "note":
                return INFO;
            case "notice": case "strict": case "deprecated": case "strict standards":
                return NOTICE;
            case "warn": case "warning": case "warnings":
                return WARN;
            case "err": case "error": case "severe": case "parse error": case "catchable fatal error":
                return ERROR;
            case "crit": case "critical": case "alert":
                return CRIT;
            case "fatal": case "fatal error": case "emerg": case "emergency": case "panic":
                return FATAL;
            default:
                if (text.trim().toLowerCase(Locale.ROOT).startsWith("trace")) {
                    return TRACE;
                }
                return fallback;
        }
    }

    public static Level fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
