package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.LoadTestStep;

class ApacheBenchAndWrkTest {

    @Test
    void abReportIsOneStepAtItsConcurrencyLevel() {
        Parsed p = Parsed.parse(new ApacheBenchFormat(), "ab-c50.txt", Parsed.resource("ab-c50.txt"));
        assertTrue(p.events.isEmpty());
        LoadTestStep s = p.step(50);
        assertEquals(10000, s.requests());
        assertEquals(32, s.errors(), "30 non-2xx + 2 exceptions; the 40 length failures are not errors");
        assertEquals(0.0032, s.errorRate(), 1e-12);
        assertEquals(12.345678, s.durationSec());
        assertEquals(810.0, s.throughput());
        assertEquals(61.0, s.meanMs(), "the Total mean of the connection times");
        assertEquals(59, s.p50Ms());
        assertEquals(85, s.p90Ms());
        assertEquals(98, s.p95Ms());
        assertEquals(140, s.p99Ms());
        assertTrue(s.littleLawOk());
        assertTrue(p.run().notes().stream().anyMatch(n -> n.contains("40 'Length' failures")));
        assertEquals("ab", p.run().format());
    }

    @Test
    void severalAbReportsInOneFileAreSeveralSteps() {
        String one = Parsed.resource("ab-c50.txt");
        String text = one.replace("Concurrency Level:      50", "Concurrency Level:      100")
                + "\n" + one.replace("Concurrency Level:      50", "Concurrency Level:      10");
        Parsed p = Parsed.parse(new ApacheBenchFormat(), "ab-all.txt", text);
        assertEquals(2, p.run().steps().size());
        assertEquals(10, p.run().steps().get(0).concurrency());
        assertEquals(100, p.run().steps().get(1).concurrency());
    }

    @Test
    void abNonNumericValueIsSkippedAndAReportWithoutConcurrencyIsAFormatError() {
        String bad = Parsed.resource("ab-c50.txt").replace("Complete requests:      10000",
                "Complete requests:      lots");
        Parsed p = Parsed.parse(new ApacheBenchFormat(), "ab-bad.txt", bad);
        assertTrue(p.run().steps().isEmpty());
        assertEquals(2, p.ctx.skipped());
        assertEquals("line 27: 'Complete requests' is 'lots', expected a non-negative number", p.ctx.skipReasons().get(0));
        assertTrue(p.ctx.skipReasons().get(1).startsWith("line 25: the report is missing"));

        String bannerOnly = "This is ApacheBench, Version 2.3 <$Revision: 1879490 $>\n\nBenchmarking www.example.com"
                + " (be patient)\n";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new ApacheBenchFormat(), "ab-c200.txt", bannerOnly));
        assertTrue(e.getMessage().startsWith("ab-c200.txt: no 'Concurrency Level:' line"), e.getMessage());
    }

    @Test
    void abThatGaveUpOnASocketErrorIsARunWithoutStepsThatSaysWhy() {
        String aborted = "This is ApacheBench, Version 2.3 <$Revision: 1879490 $>\n\nBenchmarking www.example.com"
                + " (be patient)\nCompleted 1000 requests\napr_socket_recv: Connection reset by peer (104)\n"
                + "Total of 1523 requests completed\n";
        Parsed p = Parsed.parse(new ApacheBenchFormat(), "ab-c200.txt", aborted);
        assertTrue(p.run().steps().isEmpty());
        assertTrue(p.run().notes().contains("ab stopped early at line 5: apr_socket_recv: Connection reset by peer (104)"),
                p.run().notes().toString());
        assertTrue(p.ctx.notes().contains("ab stopped early at line 6: Total of 1523 requests completed"));
    }

    @Test
    void abGnuplotTableRowsAreSamplesAndTheConcurrencyComesFromTheFileName() {
        Parsed p = Parsed.parse(new ApacheBenchTsvFormat(), "ab-g-c2.tsv", Parsed.resource("ab-g-c2.tsv"));
        assertEquals(3, p.events.size());
        Event e = p.events.get(0);
        assertEquals(1128967331000L, e.ts());
        assertEquals("Mon Oct 10 14:02:11 2005", e.tsText());
        assertEquals(59L, e.fields().get("duration_ms"));
        assertEquals(58L, e.fields().get("wait_ms"));
        assertEquals(2L, e.fields().get("threads"));
        assertEquals(3, p.step(2).requests());
        assertEquals(2, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).startsWith("line 5: ctime, dtime, ttime and wait"));
        assertTrue(p.ctx.skipReasons().get(1).startsWith("line 6: expected 6 tab-separated fields"));
    }

    @Test
    void abGnuplotWithoutConcurrencyInTheNameEstimatesIt() {
        StringBuilder tsv = new StringBuilder(ApacheBenchTsvFormat.HEADER).append('\n');
        // 8 requests in flight all the time: each second 80 requests of 100 ms start
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 80; i++) {
                tsv.append("Mon Oct 10 14:02:1").append(second).append(" 2005\t").append(1128967330 + second)
                        .append("\t0\t100\t100\t99\n");
            }
        }
        Parsed p = Parsed.parse(new ApacheBenchTsvFormat(), "gnuplot.tsv", tsv.toString());
        LoadTestStep s = p.run().steps().get(0);
        assertEquals(8, s.concurrency());
        assertTrue(p.run().notes().stream().anyMatch(n -> n.contains("estimated as 8")), p.run().notes().toString());
    }

    @Test
    void wrkReportWithLatencyDistribution() {
        Parsed p = Parsed.parse(new WrkFormat(), "wrk.txt", Parsed.resource("wrk.txt"));
        LoadTestStep s = p.step(100);
        assertEquals(24310, s.requests());
        assertEquals(100, s.errors(), "12 read + 31 timeout + 57 non-2xx/3xx");
        assertEquals(30.03, s.durationSec(), 1e-9);
        assertEquals(809.52, s.throughput());
        assertEquals(123.45, s.meanMs(), 1e-9);
        assertEquals(110.0, s.p50Ms(), 1e-9);
        assertEquals(190.0, s.p90Ms(), 1e-9);
        assertTrue(Double.isNaN(s.p95Ms()), "wrk prints no p95");
        assertEquals(450.0, s.p99Ms(), 1e-9);
        assertTrue(s.littleLawOk());
    }

    @Test
    void wrkUnitsAreConverted() {
        assertEquals(0.63591, Values.durationMs("635.91us"), 1e-12);
        assertEquals(1200.0, Values.durationMs("1.20s"), 1e-12);
        assertEquals(120000.0, Values.durationMs("2.00m"), 1e-12);
        assertEquals(56200.0, Values.count("56.20k"), 1e-9);
    }
}
