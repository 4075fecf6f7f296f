package org.pmw.index;

import java.util.Set;

/**
 * Field names and index version of the event index. Bump {@link #VERSION} whenever documents are built
 * differently: projects whose index has an older version are re-indexed from evidence/ when opened.
 */
public final class EventSchema {

    public static final int VERSION = 12;

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
     * The words of the event's own keyword fields (see {@link #searchedByBareWords}), searched by a bare term beside
     * the message, as Elasticsearch's {@code copy_to} would: {@code checkout} finds {@code user_agent}'s
     * {@code checkout-worker/2.3}. A value of one plain word ({@code ECONNREFUSED}) is its field's term already and is
     * not indexed again: a bare word looks for it in the keyword fields themselves (see QueryParsing).
     */
    public static final String FIELD_WORDS = "_field_words";

    /**
     * Messages longer than this are cut in the index (the evidence file keeps them whole). As long as the longest
     * line or joined entry the import reads (which it reports when it cuts one), so a long stack trace is found
     * down to its last "Caused by".
     */
    public static final int MAX_MESSAGE_CHARS = 1 << 20;

    /** Names the built-in fields use; a format field with one of these names is stored with a suffix. */
    public static final Set<String> RESERVED = Set.of(AT, TS, MICROS, TS_TEXT, SOURCE, LINE, HOST, KIND, LEVEL,
            MESSAGE, RAW, PATTERN, FIELD_WORDS);

    /** Fields searched as analysed text; every other field is a keyword or a number. */
    public static final Set<String> TEXT_FIELDS = Set.of(MESSAGE, FIELD_WORDS);

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

    /**
     * Names of keyword fields that restate the event's level, by the last part of their dotted name (PostgreSQL's
     * {@code severity}, a JSON log's second level key), also with a prefix ({@code php_level}, {@code json_level}): a
     * bare {@code error} is the word, not every event logged at that level.
     */
    public static final Set<String> LEVEL_FIELDS = Set.of("level", "lvl", "severity", "levelname", "level_name",
            "loglevel");

    /**
     * Whether the words of keyword field {@code name} go into {@link #FIELD_WORDS}: every keyword field of a format
     * but those already indexed as words of the message and those that restate the level.
     */
    public static boolean searchedByBareWords(String name) {
        String base = name.endsWith("_text") ? name.substring(0, name.length() - "_text".length()) : name;
        if (wordsInMessage(base)) {
            return false;
        }
        String last = base.substring(base.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (last.endsWith("_field")) {
            last = last.substring(0, last.length() - "_field".length());
        }
        return !LEVEL_FIELDS.contains(last) && !last.endsWith("_level") && !last.endsWith("_severity");
    }

    private EventSchema() {
    }
}
