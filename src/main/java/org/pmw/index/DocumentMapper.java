package org.pmw.index;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/** Turns events into Lucene documents and stored documents back into events. */
final class DocumentMapper {

    private final FieldCatalog catalog;

    DocumentMapper(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    Document toDocument(Event event) {
        Document doc = new Document();
        doc.add(new LongPoint(EventSchema.TS, event.ts()));
        doc.add(new NumericDocValuesField(EventSchema.TS, event.ts()));
        doc.add(new StoredField(EventSchema.TS, event.ts()));
        if (event.micros() != 0) {
            doc.add(new StoredField(EventSchema.MICROS, event.micros()));
        }
        if (event.tsText() != null) {
            doc.add(new StoredField(EventSchema.TS_TEXT, event.tsText()));
        }
        doc.add(new StringField(EventSchema.SOURCE, event.source(), Field.Store.YES));
        doc.add(new SortedDocValuesField(EventSchema.SOURCE, new BytesRef(event.source())));
        doc.add(new LongPoint(EventSchema.LINE, event.line()));
        doc.add(new NumericDocValuesField(EventSchema.LINE, event.line()));
        doc.add(new StoredField(EventSchema.LINE, event.line()));
        keywordField(doc, EventSchema.HOST, event.host());
        doc.add(new StringField(EventSchema.KIND, event.kind().id(), Field.Store.YES));
        doc.add(new StringField(EventSchema.LEVEL, event.level().id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(EventSchema.LEVEL, new BytesRef(event.level().id())));
        String message = event.message();
        if (message.length() > EventSchema.MAX_MESSAGE_CHARS) {
            message = message.substring(0, EventSchema.MAX_MESSAGE_CHARS);
        }
        doc.add(new TextField(EventSchema.MESSAGE, message, Field.Store.YES));
        if (!event.raw().equals(event.message())) {
            String raw = event.raw();
            if (raw.length() > EventSchema.MAX_MESSAGE_CHARS * 2) {
                raw = raw.substring(0, EventSchema.MAX_MESSAGE_CHARS * 2);
            }
            doc.add(new StoredField(EventSchema.RAW, raw));
        }
        if (event.pattern() != null) {
            doc.add(new StringField(EventSchema.PATTERN, event.pattern(), Field.Store.YES));
            doc.add(new SortedDocValuesField(EventSchema.PATTERN, new BytesRef(event.pattern())));
        }
        for (Map.Entry<String, Object> field : event.fields().entrySet()) {
            addField(doc, fieldName(field.getKey()), field.getValue());
        }
        return doc;
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
                    doc.add(new StoredField(name, number));
                }
            }
            case DOUBLE -> {
                Double number = asDouble(value);
                if (number == null) {
                    keyword(doc, name + "_text", value.toString());
                } else {
                    doc.add(new DoublePoint(name, number));
                    doc.add(new StoredField(name, number));
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
        doc.add(new StringField(name, indexed.toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new StoredField(name, value));
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

    static Event toEvent(Document doc) {
        Event.Builder b = Event.builder();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (IndexableField field : doc.getFields()) {
            String name = field.name();
            switch (name) {
                case EventSchema.TS -> b.ts(field.numericValue().longValue());
                case EventSchema.MICROS -> b.micros(field.numericValue().intValue());
                case EventSchema.TS_TEXT -> b.tsText(field.stringValue());
                case EventSchema.SOURCE -> b.source(field.stringValue());
                case EventSchema.LINE -> b.line(field.numericValue().longValue());
                case EventSchema.HOST -> b.host(field.stringValue());
                case EventSchema.KIND -> b.kind(EventKind.fromId(field.stringValue()));
                case EventSchema.LEVEL -> b.level(Level.fromId(field.stringValue()));
                case EventSchema.MESSAGE -> b.message(field.stringValue());
                case EventSchema.RAW -> b.raw(field.stringValue());
                case EventSchema.PATTERN -> b.pattern(field.stringValue());
                default -> extra.put(name, field.numericValue() != null ? field.numericValue() : field.stringValue());
            }
        }
        extra.forEach(b::field);
        return b.build();
    }
}
