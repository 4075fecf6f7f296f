package org.pmw.index;

import java.util.Set;

/**
 * Field names and index version of the event index. Bump {@link #VERSION} whenever documents are built
 * differently: projects whose index has an older version are re-indexed from evidence/ when opened.
 */
public final class EventSchema {

    public static final int VERSION = 11;

    /** Where the event's record is in the event store (see EventStore). */
    public static final String AT = "_at";
    public static final String TS = "ts";
    public static final String MICROS = "micros";
    public static final String TS_TEXT = "ts_text";
    public static final String SOURCE = "source";
    public static final String LINE = "line";
    public static final String HOST = "host";
    public static final String KIND = "kind";
    public static final String LEVEL = "level";
    public static final String MESSAGE = "message";
    public static final String RAW = "raw";
    public static final String PATTERN = "pattern";

    /**
     * Messages longer than this are cut in the index (the evidence file keeps them whole). As long as the longest
     * line or joined entry the import reads (which it reports when it cuts one), so a long stack trace is found
     * down to its last "Caused by".
     */
    public static final int MAX_MESSAGE_CHARS = 1 << 20;

    /** Names the built-in fields use; a format field with one of these names is stored with a suffix. */
    public static final Set<String> RESERVED = Set.of(AT, TS, MICROS, TS_TEXT, SOURCE, LINE, HOST, KIND, LEVEL,
            MESSAGE, RAW, PATTERN);

    /** Fields searched as analysed text; every other field is a keyword or a number. */
    public static final Set<String> TEXT_FIELDS = Set.of(MESSAGE);

    /**
     * Keyword fields that name code (a logger, a thread, a program, MySQL's error code taken out of its line): their
     * words are also indexed as words of the message, so a bare {@code RMContainerAllocator} or {@code MY-012592}
     * finds what grep would, as well as {@code logger:...}.
     */
    public static final Set<String> WORD_FIELDS = Set.of("logger", "thread", "component", "program", "module",
            "subsystem", "class", "err_code");

    /**
     * Keyword fields that hold prose (a JSON log's {@code err.message}, {@code error}, {@code stack}), by the last
     * part of their dotted name: their words are words of the event too, as grep would find them.
     */
    public static final Set<String> PROSE_FIELDS = Set.of("message", "msg", "error", "err", "exception", "reason",
            "detail", "details", "description", "cause", "stack", "stacktrace", "stack_trace", "error_message");

    /** Whether the words of keyword field {@code name} are also indexed as words of the message. */
    public static boolean wordsInMessage(String name) {
        if (WORD_FIELDS.contains(name) || PROSE_FIELDS.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && PROSE_FIELDS.contains(name.substring(dot + 1));
    }

    private EventSchema() {
    }
}
