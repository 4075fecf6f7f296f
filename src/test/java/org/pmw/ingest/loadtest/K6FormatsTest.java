package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.Level;
import org.pmw.model.LoadTestStep;

class K6FormatsTest {

    @Test
    void ndjsonDurationPointsBecomeSamplesAtTheLatestVus() {
        Parsed p = Parsed.parse(new K6JsonFormat(), "k6-out.json", Parsed.resource("k6-out.json"));
        assertEquals(2, p.events.size());
        Event ok = p.events.get(0);
        assertEquals(Instant.parse("2005-10-10T18:02:10.412Z").toEpochMilli(), ok.ts());
        assertEquals("2005-10-10T14:02:10.412351-04:00", ok.tsText());
        assertEquals(6, ok.line());
        assertEquals(112.543, ok.fields().get("duration_ms"));
        assertEquals(200L, ok.fields().get("status"));
        assertEquals("true", ok.fields().get("success"));
        assertEquals(10L, ok.fields().get("threads"));
        assertEquals("GET http://www.example.com/index.php 200 112.54 ms", ok.message());
        Event failed = p.events.get(1);
        assertEquals(Level.ERROR, failed.level());
        assertEquals("false", failed.fields().get("success"));
        assertEquals(50L, failed.fields().get("threads"));
        assertEquals("::checkout", failed.fields().get("group"));
        assertEquals("POST checkout", failed.fields().get("label"));
        assertEquals(1, p.step(10).requests());
        assertEquals(1.0, p.step(50).errorRate());
    }

    @Test
    void ndjsonBadLinesAreSkippedWithTheReason() {
        Parsed p = Parsed.parse(new K6JsonFormat(), "k6-out.json", Parsed.resource("k6-out.json"));
        assertEquals(3, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).startsWith("line 12: time 'yesterday'"), p.ctx.skipReasons().toString());
        assertTrue(p.ctx.skipReasons().get(1).startsWith("line 13: http_req_duration point has no non-negative"),
                p.ctx.skipReasons().toString());
        assertTrue(p.ctx.skipReasons().get(2).startsWith("line 14: not a JSON object"), p.ctx.skipReasons().toString());
    }

    @Test
    void summaryExportGivesOneStepAtVusMaxAndNoEvents() {
        Parsed p = Parsed.parse(new K6SummaryFormat(), "summary.json", Parsed.resource("k6-summary-export.json"));
        assertTrue(p.events.isEmpty());
        LoadTestStep s = p.step(50);
        assertEquals(12000, s.requests());
        assertEquals(120, s.errors());
        assertEquals(0.01, s.errorRate(), 1e-12);
        assertEquals(400.0, s.throughput());
        assertEquals(30.0, s.durationSec(), 1e-9);
        assertEquals(101.5, s.p50Ms());
        assertEquals(190.3, s.p90Ms());
        assertEquals(240.8, s.p95Ms());
        assertTrue(Double.isNaN(s.p99Ms()), "the default summary has no p(99)");
        assertTrue(s.littleLawOk(), "400/s × 0.118 s ≈ 47 of 50");
        assertTrue(p.run().notes().get(0).contains("no sample events"));
        assertTrue(p.ctx.notes().get(0).contains("no sample events"));
    }

    @Test
    void handleSummaryShapeIsReadFromValues() {
        Parsed p = Parsed.parse(new K6SummaryFormat(), "summary.json", Parsed.resource("k6-handle-summary.json"));
        LoadTestStep s = p.step(80);
        assertEquals(9000, s.requests());
        assertEquals(450, s.errors());
        assertEquals(0.05, s.errorRate(), 1e-12);
        assertEquals(30.0125, s.durationSec(), 1e-9);
        assertEquals(1900.2, s.p99Ms());
        assertEquals(201.2, s.p50Ms());
    }

    @Test
    void summaryThatIsNotJsonIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new K6SummaryFormat(), "summary.json", "{\"metrics\": {\"http_reqs\": "));
        assertTrue(e.getMessage().startsWith("summary.json: line 1: not valid JSON"), e.getMessage());
    }

    @Test
    void aFileWithNoK6RecordIsRefusedNamingItsFirstLine() {
        StringBuilder jtl = new StringBuilder("timeStamp,elapsed,label,responseCode,success,allThreads\n");
        for (int i = 0; i < 300; i++) {
            jtl.append(1128967200000L + i * 100).append(",100,GET /,200,true,10\n");
        }
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new K6JsonFormat(), "results.jtl", jtl.toString()));
        assertTrue(e.getMessage().startsWith("results.jtl: line 1: not a JSON object"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(no k6_json record in the first 200 non-blank lines)"), e.getMessage());
    }

    @Test
    void aK6FileWhoseFirstLineIsBrokenIsStillRead() {
        String text = "{\"metric\":\"vus\",\"type\":\"Po\n"
                + "{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":\"2005-10-10T14:02:10-04:00\",\"value\":10}}\n";
        Parsed p = Parsed.parse(new K6JsonFormat(), "k6.json", text);
        assertEquals(1, p.ctx.skipped());
    }
}
