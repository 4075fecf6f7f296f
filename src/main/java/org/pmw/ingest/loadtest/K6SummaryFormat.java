package org.pmw.ingest.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.LoadTestStep;

/**
 * k6's end-of-test summary as JSON, in both shapes: {@code --summary-export} (figures directly under each
 * metric) and the data handed to {@code handleSummary()} (figures under {@code values}). A summary holds no
 * samples, so it gives no events, only a run with one step at {@code vus_max}.
 */
public final class K6SummaryFormat implements Format {

    static final String NAME = "k6_summary";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A summary is a few KiB; anything far bigger is not one. */
    private static final int MAX_BYTES = 16 << 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "k6 end-of-test summary JSON (--summary-export or handleSummary data)";
    }

    @Override
    public String example() {
        return "{\"metrics\":{\"http_reqs\":{\"count\":12000,\"rate\":400.1},\"http_req_duration\":{\"avg\":118.2,"
                + "\"med\":101.5,\"p(90)\":190.3,\"p(95)\":240.8},\"vus_max\":{\"value\":50,\"min\":50,\"max\":50}},"
                + "\"root_group\":{\"name\":\"\",\"path\":\"\"}}";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        String head = new String(sample.head(), StandardCharsets.UTF_8).stripLeading();
        if (!head.startsWith("{") || !head.contains("\"metrics\"")) {
            return 0;
        }
        boolean k6Metric = head.contains("\"http_req_duration\"") || head.contains("\"vus_max\"")
                || head.contains("\"iterations\"") || head.contains("\"http_reqs\"");
        boolean k6Shape = head.contains("\"root_group\"") || head.contains("\"testRunDurationMs\"")
                || head.contains("\"summaryTrendStats\"");
        return k6Metric ? (k6Shape ? 0.95 : 0.7) : 0;
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        String file = input.fileName();
        JsonNode root;
        try (InputStream in = input.stream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new FormatException(file + ": larger than " + (MAX_BYTES >> 20)
                        + " MiB, too big for a k6 summary");
            }
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormatException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode metrics = root == null ? null : root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new FormatException(file + ": line 1: expected a k6 summary object with \"metrics\"");
        }
        List<String> notes = new ArrayList<>();
        notes.add("k6 end-of-test summary: one step at vus_max, no sample events (the summary holds none)");
        boolean handleSummary = metrics.path("http_req_duration").has("values")
                || metrics.path("http_reqs").has("values");
        JsonNode reqs = values(metrics, "http_reqs");
        JsonNode duration = values(metrics, "http_req_duration");
        JsonNode failed = values(metrics, "http_req_failed");
        JsonNode vusMax = values(metrics, "vus_max");
        long requests = reqs.path("count").asLong(0);
        double rate = number(reqs, "rate");
        double seconds = root.path("state").has("testRunDurationMs")
                ? root.path("state").path("testRunDurationMs").asDouble() / 1000.0
                : (rate > 0 ? requests / rate : Double.NaN);
        int vus = vusMax.has("max") ? vusMax.path("max").asInt() : vusMax.path("value").asInt(0);
        if (vus <= 0) {
            vus = values(metrics, "vus").path("max").asInt(0);
        }
        if (vus <= 0) {
            notes.add("the summary has no vus_max; the step's concurrency is unknown (0)");
        }
        // http_req_failed is a rate of "true" (failed) values: passes counts the failures
        double errorRate = failed.has("rate") ? number(failed, "rate") : number(failed, "value");
        long errors = failed.has("passes") ? failed.path("passes").asLong()
                : (Double.isNaN(errorRate) ? 0 : Math.round(errorRate * requests));
        if (Double.isNaN(errorRate)) {
            errorRate = requests > 0 ? (double) errors / requests : Double.NaN;
            notes.add("the summary has no http_req_failed; the error rate is unknown");
        }
        double mean = number(duration, "avg");
        LoadTestStep step = new LoadTestStep(vus, requests, errors, seconds, rate, mean, number(duration, "med"),
                number(duration, "p(90)"), number(duration, "p(95)"), number(duration, "p(99)"), errorRate,
                Double.NaN, LoadTestStep.littleLawHolds(vus, rate, mean));
        if (!handleSummary && root.has("root_group")) {
            notes.add("read as a --summary-export file");
        }
        sink.loadTestRun(Runs.of(ctx, NAME, List.of(step), null, null, notes));
    }

    /** The figures of a metric in either shape: under "values" (handleSummary) or directly (export). */
    private static JsonNode values(JsonNode metrics, String name) {
        JsonNode metric = metrics.path(name);
        return metric.has("values") ? metric.path("values") : metric;
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
