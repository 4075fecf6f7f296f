package org.pmw.ingest.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pmw.ingest.ParseContext;
import org.pmw.model.Level;

/**
 * One JSON object per line (structured logging: logstash, bunyan/pino, zap...; Docker's json-file is docker_json's,
 * which joins its stack traces, but read as json_lines each of its lines is an event).
 * The time is the first of {@code @timestamp}, {@code timestamp}, {@code time}, {@code ts}, {@code datetime}:
 * ISO 8601 (no offset: the source's zone) or epoch seconds / milliseconds / microseconds / nanoseconds, told apart by
 * magnitude. The level is the first of {@code level}, {@code severity}, {@code lvl}, {@code log.level},
 * {@code levelname} (names, or bunyan's numbers 10..60); the message the first of {@code message},
 * {@code msg}, {@code @message}, {@code log}, without a trailing line end. Docker's {@code log} line, with no level
 * key, has the first level word in its first 80 characters, as generic reads a plain line. A {@code host}/{@code hostname}/{@code host.name} string is the
 * event's host. Every other scalar becomes a field, nested objects flattened with dots ({@code http.status}),
 * arrays kept as JSON text; a key that would shadow an event field ({@code line}, {@code source}...) is
 * prefixed with {@code json_}.
 */
final class JsonLinesFormat extends LineLogFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TIME_KEYS = {"@timestamp", "timestamp", "time", "ts", "datetime"};
    private static final String[] LEVEL_KEYS = {"level", "severity", "lvl", "log.level", "levelname"};
    private static final String[] MESSAGE_KEYS = {"message", "msg", "@message", "log"};
    private static final String[] HOST_KEYS = {"host", "hostname", "host.name"};

    JsonLinesFormat() {
        super("json_lines", "JSON lines: one JSON object per line with a time key",
                "{\"@timestamp\":\"2005-10-10T14:02:11.123Z\",\"level\":\"error\",\"message\":\"Too many connections\","
                        + "\"service\":\"shop\",\"http\":{\"status\":500,\"duration_ms\":2314}}",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    private static final class Parser extends LineParser {

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            String trimmed = s.strip();
            if (!trimmed.startsWith("{")) {
                return none("expected a JSON object ('{' ...)");
            }
            JsonNode root;
            try {
                root = JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return none("expected a JSON object: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                return none("expected a JSON object ('{' ...)");
            }
            Map<String, JsonNode> flat = new LinkedHashMap<>();
            flatten("", root, flat);
            String timeKey = null;
            String unreadable = null;
            for (String key : TIME_KEYS) {
                JsonNode value = flat.get(key);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (readTime(value, d)) {
                    timeKey = key;
                    break;
                }
                unreadable = unreadable == null ? key : unreadable;
            }
            if (timeKey == null) {
                return none(unreadable == null ? "expected a time key (@timestamp, timestamp, time, ts or datetime)"
                        : "expected an ISO 8601 time or epoch seconds/milliseconds in '" + unreadable + "'");
            }
            flat.remove(timeKey);
            String levelKey = first(flat, LEVEL_KEYS);
            if (levelKey != null) {
                d.level = level(flat.remove(levelKey));
            }
            String messageKey = first(flat, MESSAGE_KEYS);
            d.message = messageKey != null ? withoutLineEnd(flat.remove(messageKey).asText()) : trimmed;
            if (levelKey == null && "log".equals(messageKey)) {
                // Docker's json-file wraps the line a container wrote; the level is the one that line states
                d.level = LevelWords.statedByWrappedLine(d.message);
            }
            for (String key : HOST_KEYS) {
                JsonNode host = flat.get(key);
                if (host != null && host.isTextual()) {
                    d.host = host.asText();
                    flat.remove(key);
                    break;
                }
            }
            for (Map.Entry<String, JsonNode> entry : flat.entrySet()) {
                String key = FieldValues.fieldName(entry.getKey(), "json_");
                d.field(key, scalar(entry.getValue()));
            }
            return Result.ENTRY;
        }

        /** A message without the line end Docker keeps at the end of every line it wraps. */
        private static String withoutLineEnd(String message) {
            int end = message.length();
            if (end > 0 && message.charAt(end - 1) == '\n') {
                end--;
                if (end > 0 && message.charAt(end - 1) == '\r') {
                    end--;
                }
            }
            return message.substring(0, end);
        }

        private boolean readTime(JsonNode value, Draft d) {
            if (value.isNumber()) {
                // a float's text would come back as 1.1289529335E9; the log wrote 1128952933.5
                return epoch(value.decimalValue(), value.isIntegralNumber() ? value.asText()
                        : value.decimalValue().stripTrailingZeros().toPlainString(), d);
            }
            if (!value.isTextual()) {
                return false;
            }
            String text = value.asText().strip();
            if (!text.isEmpty() && Timestamps.digitRunEnd(text, 0) > 0) {
                int digitsEnd = Timestamps.digitRunEnd(text, 0);
                boolean numeric = digitsEnd == text.length() || (text.charAt(digitsEnd) == '.'
                        && Timestamps.digitRunEnd(text, digitsEnd + 1) == text.length());
                if (numeric) {
                    return epoch(new BigDecimal(text), text, d);
                }
            }
            if (!Timestamps.iso(text, 0, '-', time) || time.end != text.length()) {
                return false;
            }
            d.copyTimeFrom(time, clock, text);
            return true;
        }

        /** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by size (as of years 1973..5138). */
        private static boolean epoch(BigDecimal value, String text, Draft d) {
            double v = value.doubleValue();
            BigDecimal micros;
            if (v >= 1e17) {
                micros = value.movePointLeft(3); // Go's and OpenTelemetry's UnixNano
            } else if (v >= 1e14) {
                micros = value;
            } else if (v >= 1e11) {
                micros = value.movePointRight(3);
            } else if (v >= 1e8) {
                micros = value.movePointRight(6);
            } else {
                return false;
            }
            long totalMicros = micros.longValue();
            d.ts = Math.floorDiv(totalMicros, 1000);
            d.micros = (int) Math.floorMod(totalMicros, 1000);
            d.tsText = text;
            return true;
        }

        private static Level level(JsonNode value) {
            if (value.isNumber()) {
                int n = value.asInt();
                if (n >= 60) {
                    return Level.FATAL;
                }
                if (n >= 50) {
                    return Level.ERROR;
                }
                if (n >= 40) {
                    return Level.WARN;
                }
                if (n >= 30) {
                    return Level.INFO;
                }
                return n >= 20 ? Level.DEBUG : Level.TRACE;
            }
            return Level.parse(value.asText(), Level.INFO);
        }

        private static String first(Map<String, JsonNode> flat, String[] keys) {
            for (String key : keys) {
                JsonNode value = flat.get(key);
                if (value != null && !value.isNull() && !value.isContainerNode()) {
                    return key;
                }
            }
            return null;
        }

        private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (field.getValue().isObject()) {
                    flatten(key, field.getValue(), out);
                } else {
                    out.put(key, field.getValue());
                }
            }
        }

        private static Object scalar(JsonNode value) {
            if (value.isNull() || value.isMissingNode()) {
                return null;
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isNumber()) {
                return value.doubleValue();
            }
            if (value.isArray()) {
                return value.toString();
            }
            return value.asText();
        }
    }

}
