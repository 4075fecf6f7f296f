package org.pmw.ingest.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.pmw.ingest.ParseContext;

/**
 * Docker's json-file log ({@code /var/lib/docker/containers/ID/ID-json.log}): one object per line the container
 * wrote, {@code {"log":"...\n","stream":"stderr","time":"2024-03-12T10:00:01.123456789Z"}}, with the labels
 * and environment named by {@code --log-opt} in {@code attrs}. A {@code log} without its line end is a piece of
 * a longer line (Docker splits lines at 16 KiB), put back together with the pieces after it on its stream.
 * The level is the one the container's line states; {@code stream} and each {@code attrs} value are fields. A line
 * with any other key is not Docker's (a log shipper's record of it: json_lines).
 */
final class DockerJsonFormat extends ContainerLogFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The keys of Docker's json-file lines. */
    private static final Set<String> DOCKER_KEYS = Set.of("log", "stream", "time", "attrs");
    private static final String EXPECTED = "expected a Docker json-file line {\"log\":…,\"stream\":…,\"time\":…}";

    DockerJsonFormat() {
        super("docker_json", "Docker's json-file log: the container's lines by stream, stack traces joined",
                "{\"log\":\"2024-03-12 10:00:01.123 ERROR 1 --- [nio-8080-exec-3] c.e.shop.CheckoutController : "
                        + "Payment failed for order 7731\\n\",\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:01.123456789Z\"}");
    }

    @Override
    ContainerLineParser newParser(ParseContext context) {
        return new Parser(new LocalClock(context.zone()));
    }

    private static final class Parser extends ContainerLineParser {

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();

        Parser(LocalClock clock) {
            this.clock = clock;
        }

        @Override
        Result read(String s, Draft d) {
            String trimmed = s.strip();
            if (!trimmed.startsWith("{")) {
                return none(EXPECTED);
            }
            JsonNode root;
            try {
                root = JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return none(EXPECTED + ": " + e.getOriginalMessage());
            }
            JsonNode log = root.get("log");
            JsonNode stream = root.get("stream");
            JsonNode timeText = root.get("time");
            if (log == null || !log.isTextual() || stream == null || !stream.isTextual() || timeText == null
                    || !timeText.isTextual()) {
                return none(EXPECTED);
            }
            // Docker writes these keys only; a log shipper's record of the same lines (Fluent Bit, Fluentd) adds its
            // own, a level and metadata, which json_lines keeps
            Iterator<String> keys = root.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!DOCKER_KEYS.contains(key)) {
                    return none(EXPECTED + ", found the key \"" + key + "\", which Docker does not write");
                }
            }
            String t = timeText.asText();
            if (!Timestamps.iso(t, 0, '-', time) || time.end != t.length()) {
                return none("expected an RFC 3339 time in \"time\", found '" + t + "'");
            }
            d.copyTimeFrom(time, clock, t);
            JsonNode attrs = root.get("attrs");
            if (attrs != null && attrs.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = attrs.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        d.field("attrs." + field.getKey(), field.getValue().asText());
                    }
                }
            }
            String text = log.asText();
            boolean whole = text.endsWith("\n");
            if (whole) {
                text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
            }
            return wrapped(stream.asText(), text, !whole, d);
        }
    }
}
