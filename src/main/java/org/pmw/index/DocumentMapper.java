package org.pmw.index;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
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
import org.apache.lucene.util.BytesRef;
import org.pmw.model.Event;

/** Turns events into Lucene documents and stored documents back into events. */
final class DocumentMapper {

    private final FieldCatalog catalog;
    private final EventStore store;
    private static final int MAX_RECURRING = 100_000;
    private final Map<String, BytesRef> recurring = new java.util.concurrent.ConcurrentHashMap<>();

    DocumentMapper(FieldCatalog catalog, EventStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    Document toDocument(Event event) throws IOException {
        Document doc = new Document();
        // Everything a search shows comes from the event's record in the store; the fields below are for
        // finding and counting.
        doc.add(new NumericDocValuesField(EventSchema.AT,
                store.append(EventCodec.encode(event, EventSchema.MAX_MESSAGE_CHARS))));
        doc.add(new LongPoint(EventSchema.TS, event.ts()));
        doc.add(new NumericDocValuesField(EventSchema.TS, event.ts()));
        // searched like every keyword, case-insensitively; the doc value keeps the name as the manifest has it
        doc.add(new StringField(EventSchema.SOURCE, bytes(lower(event.source())), Field.Store.NO));
        doc.add(new SortedDocValuesField(EventSchema.SOURCE, bytes(event.source())));
        doc.add(new LongPoint(EventSchema.LINE, event.line()));
        doc.add(new NumericDocValuesField(EventSchema.LINE, event.line()));
        if (!event.host().isEmpty()) {
            doc.add(new StringField(EventSchema.HOST, bytes(lower(event.host())), Field.Store.NO));
        }
        doc.add(new StringField(EventSchema.KIND, bytes(event.kind().id()), Field.Store.NO));
        BytesRef level = bytes(event.level().id());
        doc.add(new StringField(EventSchema.LEVEL, level, Field.Store.NO));
        doc.add(new SortedDocValuesField(EventSchema.LEVEL, level));
        String message = event.message();
        if (message.length() > EventSchema.MAX_MESSAGE_CHARS) {
            message = message.substring(0, EventSchema.MAX_MESSAGE_CHARS);
        }
        doc.add(new TextField(EventSchema.MESSAGE, message, Field.Store.NO));
        if (event.pattern() != null) {
            BytesRef pattern = bytes(event.pattern());
            doc.add(new StringField(EventSchema.PATTERN, pattern, Field.Store.NO));
            doc.add(new SortedDocValuesField(EventSchema.PATTERN, pattern));
        }
        for (Map.Entry<String, Object> field : event.fields().entrySet()) {
            addField(doc, fieldName(field.getKey()), field.getValue());
        }
        return doc;
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

    private void addField(Document doc, String name, Object value) {
        FieldType type = catalog.register(name, FieldType.of(value));
        switch (type) {
            case LONG -> {
                Long number = asLong(value);
                if (number == null) {
                    // Lucene needs one structure per field name: a value that is not a number goes beside it.
                    keyword(doc, name + "_text", value.toString());
                } else {
                    doc.add(new LongPoint(name, number));
                }
            }
            case DOUBLE -> {
                Double number = asDouble(value);
                if (number == null) {
                    keyword(doc, name + "_text", value.toString());
                } else {
                    doc.add(new DoublePoint(name, number));
                }
            }
            case KEYWORD -> keyword(doc, name, value.toString());
        }
    }

    private void keyword(Document doc, String name, String value) {
        if (!name.equals(EventSchema.HOST) && catalog.register(name, FieldType.KEYWORD) != FieldType.KEYWORD) {
            name = name + "_text";
            catalog.register(name, FieldType.KEYWORD);
        }
        keywordField(doc, name, value);
    }

    private static void keywordField(Document doc, String name, String value) {
        if (value == null) {
            return;
        }
        String indexed = value.length() > 8000 ? value.substring(0, 8000) : value;
        doc.add(new StringField(name, lower(indexed), Field.Store.NO));
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
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
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
