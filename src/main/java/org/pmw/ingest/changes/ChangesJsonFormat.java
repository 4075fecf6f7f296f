package org.pmw.ingest.changes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * Change records as JSON in the schema of {@link ChangeRecords}: an array of objects, an object
 * {@code {"changes": [...]}}, or one object per line (JSON Lines). Tags may be an array or a string
 * separated by ';' or ','. Each change's line is the line its object starts on.
 */
public final class ChangesJsonFormat implements Format {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "changes_json";
    }

    @Override
    public String description() {
        return "Change records as JSON: [{\"title\": ..., \"started_at\": ...}] or {\"changes\": [...]}";
    }

    @Override
    public String example() {
        return "[{\"id\": \"CHG-17\", \"kind\": \"deploy\", \"title\": \"push to production\", "
                + "\"started_at\": \"2005-10-10T18:00:00-04:00\"}]";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.CHANGES;
    }

    @Override
    public double score(Sample sample) {
        String text = String.join("\n", sample.nonBlankLines()).strip();
        if (text.isEmpty() || (text.charAt(0) != '[' && text.charAt(0) != '{')) {
            return 0;
        }
        return text.contains("\"title\"") && text.contains("\"started_at\"") ? 0.95 : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        String file = input.fileName();
        String text = ChangeText.read(input);
        ChangeRecords records = new ChangeRecords(context, sink);
        boolean sawValue = false;
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                sawValue = true;
                if (token == JsonToken.START_ARRAY) {
                    array(parser, text, records);
                } else if (token == JsonToken.START_OBJECT) {
                    rootObject(parser, text, records);
                } else {
                    throw new FormatException(file + ": line " + parser.currentTokenLocation().getLineNr()
                            + ": expected an array of change objects or {\"changes\": [...]}, got " + token.asString());
                }
            }
        } catch (JsonProcessingException e) {
            throw new FormatException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!sawValue) {
            throw new FormatException(file + ": empty; expected a JSON array of change objects");
        }
        records.finish();
    }

    /** Positioned on '['; reads each element as one change. */
    private static void array(JsonParser parser, String text, ChangeRecords records) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            long line = parser.currentTokenLocation().getLineNr();
            int start = (int) parser.currentTokenLocation().getCharOffset();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                records.skipped(line, "expected a change object {\"title\": ..., \"started_at\": ...}, got "
                        + describe(token));
                continue;
            }
            JsonNode node = parser.readValueAsTree();
            int end = (int) parser.currentLocation().getCharOffset();
            change(node, line, text.substring(start, end), records);
        }
    }

    /** Positioned on a top-level '{': either a wrapper with a "changes" array or a change itself. */
    private static void rootObject(JsonParser parser, String text, ChangeRecords records) throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        int start = (int) parser.currentTokenLocation().getCharOffset();
        ObjectNode fields = MAPPER.createObjectNode();
        boolean wrapper = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("changes") && value == JsonToken.START_ARRAY) {
                wrapper = true;
                array(parser, text, records);
            } else {
                fields.set(name, parser.readValueAsTree());
            }
        }
        if (!wrapper) {
            int end = (int) parser.currentLocation().getCharOffset();
            change(fields, line, text.substring(start, end), records);
        }
    }

    private static void change(JsonNode node, long line, String raw, ChangeRecords records) {
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode v = field.getValue();
            String column = ChangeRecords.column(field.getKey());
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                values.put(column, String.join(";", parts));
            } else if (v.isObject()) {
                records.skipped(line, "'" + field.getKey() + "' should be a string, not an object");
                return;
            } else {
                values.put(column, v.asText());
            }
        }
        records.record(values, line, raw);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            default -> token.toString();
        };
    }
}
