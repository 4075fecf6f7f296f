package org.pmw.ingest.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * k6 results written with {@code --out json}: one JSON object a line, {@code Metric} declarations and
 * {@code Point} values. Every {@code http_req_duration} point is a sample; it ran at the concurrency of the
 * latest {@code vus} point before it. A request failed when its {@code expected_response} tag is false (or,
 * without that tag, when its status is not 2xx/3xx). k6 stamps a point when the request ended, so the sample
 * started {@code duration} earlier.
 */
public final class K6JsonFormat implements Format {

    static final String NAME = "k6_json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "k6 --out json results (Metric and Point lines)";
    }

    @Override
    public String example() {
        return "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2005-10-10T14:02:11.312+02:00\","
                + "\"value\":118.2,\"tags\":{\"method\":\"GET\",\"status\":\"200\",\"url\":\"http://www.example.com/\"}}}";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        return 0.95 * sample.fractionMatching(line -> line.startsWith("{")
                && (line.contains("\"type\":\"Point\"") || line.contains("\"type\":\"Metric\""))
                && line.contains("\"metric\":"));
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        StepAggregator steps = new StepAggregator().stampedAtEnd();
        int vus = 0;
        RecordProbe probe = new RecordProbe(input.fileName(), NAME);
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                long number = reader.lineNumber();
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    skip(ctx, probe, number, "not a JSON object: " + e.getOriginalMessage());
                    continue;
                }
                if (node == null || !node.isObject()) {
                    skip(ctx, probe, number, "expected a JSON object with \"type\" and \"metric\"");
                    continue;
                }
                String type = node.path("type").asText();
                if (!type.equals("Point") && !type.equals("Metric")) {
                    skip(ctx, probe, number, "expected \"type\":\"Point\" or \"Metric\", found \"" + type + "\"");
                    continue;
                }
                probe.record();
                if (type.equals("Metric")) {
                    continue;
                }
                String metric = node.path("metric").asText();
                JsonNode data = node.path("data");
                JsonNode value = data.path("value");
                if (!metric.equals("vus") && !metric.equals("http_req_duration")) {
                    continue;
                }
                if (!value.isNumber() || value.asDouble() < 0) {
                    ctx.skip(number, metric + " point has no non-negative numeric value: " + value);
                    continue;
                }
                if (metric.equals("vus")) {
                    vus = value.asInt();
                    continue;
                }
                String time = data.path("time").asText();
                long end;
                try {
                    end = OffsetDateTime.parse(time).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    ctx.skip(number, "time '" + time + "' is not an ISO-8601 timestamp with offset");
                    continue;
                }
                emit(ctx, sink, steps, number, line, time, end, value.asDouble(), data.path("tags"), vus);
            }
        }
        probe.finish();
        List<String> notes = new ArrayList<>();
        sink.loadTestRun(Runs.of(ctx, NAME, steps.steps(notes), steps.start(), steps.end(), notes));
    }

    private static void emit(ParseContext ctx, ParseSink sink, StepAggregator steps, long number, String raw,
                             String time, long end, double durationMs, JsonNode tags, int vus) {
        String method = tags.path("method").asText("");
        String name = tags.path("name").asText(tags.path("url").asText(""));
        String status = tags.path("status").asText(null);
        Boolean success;
        JsonNode expected = tags.path("expected_response");
        if (!expected.isMissingNode()) {
            success = expected.asText().equals("true");
        } else {
            Long code = Values.longOrNull(status);
            success = code != null && code >= 200 && code < 400;
        }
        String label = (method + " " + name).trim();
        var b = SampleEvents.sample(ctx, number, end, time, label, durationMs, status, success, vus)
                .raw(raw)
                .field("method", tags.path("method").asText(null))
                .field("url", tags.path("url").asText(null))
                .field("scenario", tags.path("scenario").asText(null))
                .field("group", blankToNull(tags.path("group").asText(null)));
        sink.event(b.build());
        steps.add(vus, end - Math.round(durationMs), durationMs, success);
    }

    private static void skip(ParseContext ctx, RecordProbe probe, long line, String reason) {
        probe.notARecord(line, reason);
        ctx.skip(line, reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
