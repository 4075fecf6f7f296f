package org.pmw.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.pmw.model.Event;

/** Turns events into Lucene documents, and documents back into events through the event store. */
final class DocumentMapper {

    private final FieldCatalog catalog;
    private final EventStore store;
    private static final int MAX_RECURRING = 100_000;
    private final Map<String, BytesRef> recurring = new java.util.concurrent.ConcurrentHashMap<>();

    DocumentMapper(FieldCatalog catalog, EventStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** A builder for one thread. */
    Builder newBuilder() {
        return new Builder();
    }

    /**
     * Builds the documents of one thread's events, one at a time: its fields are reused from one event to the
     * next, as Lucene allows when each document is indexed before the next is built. This cuts what an import
     * allocates by a third.
     */
    final class Builder {

        private final List<IndexableField> doc = new ArrayList<>();
        private final EventCodec.Writer record = new EventCodec.Writer();
        private final NumericDocValuesField at = new NumericDocValuesField(EventSchema.AT, 0);
        private final LongPoint tsPoint = new LongPoint(EventSchema.TS, 0);
        private final NumericDocValuesField tsValue = new NumericDocValuesField(EventSchema.TS, 0);
        private final SortedDocValuesField sourceValue = new SortedDocValuesField(EventSchema.SOURCE, new BytesRef());
        private final LongPoint linePoint = new LongPoint(EventSchema.LINE, 0);
        private final NumericDocValuesField lineValue = new NumericDocValuesField(EventSchema.LINE, 0);
        private final SortedDocValuesField levelValue = new SortedDocValuesField(EventSchema.LEVEL, new BytesRef());
        private final TextField message = new TextField(EventSchema.MESSAGE, "", Field.Store.NO);
        private final SortedDocValuesField patternValue = new SortedDocValuesField(EventSchema.PATTERN, new BytesRef());
        private final FieldWords fieldWords = new FieldWords();
        /** Whether each field's words are searched by bare words, decided once per field name. */
        private final Map<String, Boolean> searchedByBareWords = new HashMap<>();
        /** The message as indexed, for the current event. */
        private String indexedMessage = "";
        /** The reused field of each format field. */
        private final Map<String, Field> fields = new HashMap<>();

        private Builder() {
        }

        /**
         * A keyword that recurs in nearly every event: Lucene takes no new bytes for an indexed field, so each
         * document gets a small field around the shared bytes.
         */
        private static StringField recurring(String name, BytesRef value) {
            return new StringField(name, value, Field.Store.NO);
        }

        /** The fields of {@code event}; valid until the next call. */
        List<IndexableField> build(Event event) throws IOException {
            doc.clear();
            // Everything a search shows comes from the event's record in the store; the fields below are for
            // finding and counting.
            EventCodec.encode(event, EventSchema.MAX_MESSAGE_CHARS, record);
            at.setLongValue(store.append(record.buffer(), record.length()));
            tsPoint.setLongValue(event.ts());
            tsValue.setLongValue(event.ts());
            // searched like every keyword, case-insensitively; the doc value keeps the name as the manifest has it
            sourceValue.setBytesValue(bytes(event.source()));
            linePoint.setLongValue(event.line());
            lineValue.setLongValue(event.line());
            add(at, tsPoint, tsValue, recurring(EventSchema.SOURCE, bytes(lower(event.source()))), sourceValue,
                    linePoint, lineValue);
            if (!event.host().isEmpty()) {
                doc.add(recurring(EventSchema.HOST, bytes(lower(event.host()))));
            }
            BytesRef levelBytes = bytes(event.level().id());
            levelValue.setBytesValue(levelBytes);
            String text = event.message();
            indexedMessage = text.length() > EventSchema.MAX_MESSAGE_CHARS
                    ? text.substring(0, EventSchema.MAX_MESSAGE_CHARS) : text;
            message.setStringValue(indexedMessage);
            add(recurring(EventSchema.KIND, bytes(event.kind().id())), recurring(EventSchema.LEVEL, levelBytes),
                    levelValue, message);
            if (event.pattern() != null) {
                BytesRef patternBytes = bytes(event.pattern());
                patternValue.setBytesValue(patternBytes);
                add(recurring(EventSchema.PATTERN, patternBytes), patternValue);
            }
            for (Map.Entry<String, Object> field : event.fields().entrySet()) {
                addField(fieldName(field.getKey()), field.getValue());
            }
            return doc;
        }

        private Field wordsField() {
            return new Field(EventSchema.FIELD_WORDS, new FieldWords.Replay(), TextField.TYPE_NOT_STORED);
        }

        private void addFieldWords(Field field, String value) throws IOException {
            fieldWords.analyse(value, (FieldWords.Replay) field.tokenStreamValue());
            doc.add(field);
        }

        private void add(IndexableField... fields) {
            Collections.addAll(doc, fields);
        }

        private void addField(String name, Object value) throws IOException {
            FieldType type = catalog.register(name, FieldType.of(value));
            switch (type) {
                case LONG -> {
                    Long number = asLong(value);
                    if (number == null) {
                        // Lucene needs one structure per field name: a value that is not a number goes beside it.
                        keyword(name + "_text", value.toString());
                    } else {
                        Field point = fields.computeIfAbsent(name, n -> new LongPoint(n, 0));
                        point.setLongValue(number);
                        doc.add(point);
                    }
                }
                case DOUBLE -> {
                    Double number = asDouble(value);
                    if (number == null) {
                        keyword(name + "_text", value.toString());
                    } else {
                        Field point = fields.computeIfAbsent(name, n -> new DoublePoint(n, 0));
                        point.setDoubleValue(number);
                        doc.add(point);
                    }
                }
                case KEYWORD -> keyword(name, value.toString());
            }
        }

        private void keyword(String name, String value) throws IOException {
            // a logger's words are words of the event, also where its field was renamed beside a number field
            String base = name.endsWith("_text") ? name.substring(0, name.length() - "_text".length()) : name;
            boolean namesCode = EventSchema.wordsInMessage(base);
            if (!name.equals(EventSchema.HOST) && catalog.register(name, FieldType.KEYWORD) != FieldType.KEYWORD) {
                name = name + "_text";
                catalog.register(name, FieldType.KEYWORD);
            }
            // a value of one plain word is found as its field's own term (QueryParsing.plainWordsInFields): indexing
            // an access log's client a second time was most of what these words cost an import
            boolean bareWords = !name.equals(EventSchema.HOST)
                    && searchedByBareWords.computeIfAbsent(name, EventSchema::searchedByBareWords);
            if (value == null) {
                return;
            }
            String cut = value.length() > 8000 ? value.substring(0, 8000) : value;
            List<String> elements = jsonArray(cut) ? arrayElements(cut) : null;
            if (elements != null && (!elements.isEmpty() || cut.replace(" ", "").equals("[]"))) {
                // a JSON array's elements are the field's values (tags:payments), as in Kibana; none when it is empty
                for (String element : elements) {
                    doc.add(new StringField(name, lower(element), Field.Store.NO));
                    if (bareWords && !FieldWords.plainWord(element) && !saysAsWords(indexedMessage, element)) {
                        addFieldWords(wordsField(), element);
                    }
                }
            } else {
                Field field = fields.computeIfAbsent(name, n -> new StringField(n, "", Field.Store.NO));
                field.setStringValue(lower(cut));
                doc.add(field);
                if (bareWords && !FieldWords.plainWord(cut) && !saysAsWords(indexedMessage, cut)) {
                    addFieldWords(fields.computeIfAbsent(EventSchema.FIELD_WORDS + " " + name, n -> wordsField()), cut);
                }
            }
            if (namesCode) {
                Field words = fields.computeIfAbsent(EventSchema.MESSAGE + " " + name,
                        n -> new TextField(EventSchema.MESSAGE, "", Field.Store.NO));
                words.setStringValue(cut);
                doc.add(words);
            }
        }
    }

    /** Messages longer than this are not searched for a field's value: the value's words are indexed anyway. */
    private static final int SEARCHED_MESSAGE_CHARS = 4096;

    /**
     * Whether {@code message} says {@code value} as words of its own, between spaces or signs that end a word (an
     * access log's method, path and protocol are its request line): a bare word finds them there already, so they
     * are not indexed again.
     */
    static boolean saysAsWords(String message, String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (message.length() > SEARCHED_MESSAGE_CHARS) {
            return false;
        }
        for (int at = message.indexOf(value); at >= 0; at = message.indexOf(value, at + 1)) {
            if (endsAWord(message, at - 1) && endsAWord(message, at + value.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word analysis always ends a word at {@code i} (or the text ends there). */
    private static boolean endsAWord(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return Character.isWhitespace(c) || "\"()[]{}<>=/?&|".indexOf(c) >= 0;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Whether {@code text} looks like a JSON array, checked cheaply: a syslog's structured data
     * ({@code [origin ip="..."]}) and an Apache level ({@code [notice]}) are not worth a JSON parse each.
     */
    private static boolean jsonArray(String text) {
        if (text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            return false;
        }
        char second = text.charAt(1);
        return second == '"' || second == ']' || second == '-' || second == '[' || second == '{'
                || (second >= '0' && second <= '9') || second == 't' && text.startsWith("[true")
                || second == 'f' && text.startsWith("[false") || second == 'n' && text.startsWith("[null");
    }

    /** The text of each scalar element of a JSON array; null where {@code text} is not one. */
    static List<String> arrayElements(String text) {
        com.fasterxml.jackson.databind.JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode element : array) {
            if (element.isValueNode() && !element.isNull()) {
                elements.add(element.asText());
            }
        }
        return elements;
    }

    /**
     * The UTF-8 form of a value that recurs in nearly every event (source, host, level, kind, pattern),
     * converted once. Lucene only reads these bytes, so one instance can serve every document.
     */
    private BytesRef bytes(String value) {
        BytesRef known = recurring.get(value);
        if (known != null) {
            return known;
        }
        BytesRef converted = new BytesRef(value);
        if (recurring.size() < MAX_RECURRING) {
            recurring.putIfAbsent(value, converted);
        }
        return converted;
    }

    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    private static String fieldName(String name) {
        return EventSchema.RESERVED.contains(name) ? name + "_field" : name;
    }

    private static Long asLong(Object value) {
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return n.longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double asDouble(Object value) {
        if (value instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        // strictly a decimal number: "7d", "NaN" and "Infinity" are text, whatever Java would read them as
        String text = value.toString().trim();
        return FieldType.isNumber(text) ? Double.parseDouble(text) : null;
    }

    /** The event of {@code doc} (an id of the searcher's reader), read from the store. */
    static Event toEvent(IndexSearcher searcher, int doc, EventStore store) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues at = leaf.reader().getNumericDocValues(EventSchema.AT);
        if (at == null || !at.advanceExact(doc - leaf.docBase)) {
            throw new IOException("document " + doc + " has no event record; re-index the project (pmw reindex)");
        }
        byte[] record = store.read(at.longValue());
        return EventCodec.decode(record, 0, record.length);
    }
}
