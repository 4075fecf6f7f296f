package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;
import org.pmw.model.LoadTestStep;

class JMeterFormatsTest {

    @Test
    void csvSamplesBecomeEventsWithTheSharedFields() {
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "results.jtl", Parsed.resource("jmeter-results.csv"));
        assertEquals(4, p.events.size());
        Event first = p.events.get(0);
        assertEquals(EventKind.SAMPLE, first.kind());
        assertEquals(Level.INFO, first.level());
        assertEquals(1128967331123L, first.ts());
        assertEquals(2, first.line());
        assertEquals("GET /index.php 200 118 ms", first.message());
        assertEquals("GET /index.php", first.fields().get("label"));
        assertEquals(118L, first.fields().get("duration_ms"));
        assertEquals(200L, first.fields().get("status"));
        assertEquals("true", first.fields().get("success"));
        assertEquals(10L, first.fields().get("threads"));
        assertEquals(5120L, first.fields().get("bytes"));
        assertEquals(112L, first.fields().get("latency_ms"));
        assertEquals(3L, first.fields().get("connect_ms"));
        assertEquals("src-1", first.source());
    }

    @Test
    void csvQuotedFieldsKeepTheirCommasAndNewlines() {
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "results.jtl", Parsed.resource("jmeter-results.csv"));
        assertEquals("http://www.example.com/search.php?q=xen,linux", p.events.get(1).fields().get("url"));
        Event failed = p.events.get(2);
        assertEquals(4, failed.line(), "a record spanning two lines is numbered by its first");
        assertEquals(Level.ERROR, failed.level());
        assertEquals("false", failed.fields().get("success"));
        assertEquals("Test failed: code expected to contain /200/\nbut was 500, \"Too many connections\"",
                failed.fields().get("failure_message"));
        assertTrue(failed.message().startsWith("GET /index.php 500 5012 ms: Test failed"), failed.message());
        Event reset = p.events.get(3);
        assertEquals(6, reset.line());
        assertFalse(reset.fields().containsKey("status"), "a non-numeric response code is not a status number");
        assertEquals("Non HTTP response code: java.net.SocketException", reset.fields().get("response_code"));
    }

    @Test
    void csvNonNumericAndNegativeElapsedAreSkippedWithTheReason() {
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "results.jtl", Parsed.resource("jmeter-results.csv"));
        assertEquals(2, p.ctx.skipped());
        assertEquals("line 7: elapsed 'abc' is not a non-negative number of milliseconds", p.ctx.skipReasons().get(0));
        assertEquals("line 8: elapsed '-5' is not a non-negative number of milliseconds", p.ctx.skipReasons().get(1));
    }

    @Test
    void csvLastLineCutOffByAKilledJMeterIsSkippedNotCountedAsAFailure() {
        String text = String.join(",", JMeterCsvFormat.DEFAULT_HEADER) + "\n"
                + row(1128967200000L, 100, true, 10) + row(1128967200100L, 100, true, 10)
                + "1128967200200,51,GET /index.php,200,OK,Thread Group 1-8,text,tr";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "killed.jtl", text);
        assertEquals(2, p.events.size(), "the cut-off record is no sample");
        assertEquals(1, p.ctx.skipped());
        assertEquals("line 4: cut off: expected 17 fields as in the header, found 8", p.ctx.skipReasons().get(0));
        assertEquals(0, p.step(10).errors());
        assertTrue(p.run().notes().isEmpty(), p.run().notes().toString());
    }

    @Test
    void csvSuccessThatIsNeitherTrueNorFalseIsSkippedWithTheReason() {
        String text = "timeStamp,elapsed,label,success,allThreads\n"
                + "1128967200000,100,GET /,true,10\n1128967200100,100,GET /,yes,10\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "odd.jtl", text);
        assertEquals(1, p.events.size());
        assertEquals("line 3: success 'yes' is neither true nor false", p.ctx.skipReasons().get(0));
    }

    @Test
    void csvCutShortInsideAQuotedFieldKeepsTheSamplesBeforeTheBreak() {
        String text = String.join(",", JMeterCsvFormat.DEFAULT_HEADER) + "\n"
                + row(1128967200000L, 100, true, 10) + row(1128967200100L, 100, true, 10)
                + "1128967200200,12,POST /checkout.php,503,Service Unavailable,Thread Group 1-12,text,false,"
                + "\"Test failed: code expected to equal /\n\n****** received  : [[[503]]]";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "killed.jtl", text);
        assertEquals(2, p.events.size());
        assertEquals(2, p.step(10).requests());
        assertEquals(1, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).startsWith("line 4: the file ends inside a quoted field"),
                p.ctx.skipReasons().toString());
    }

    @Test
    void csvUnreadableFromTheFirstRecordIsRefusedNamingTheLine() {
        String text = String.join(",", JMeterCsvFormat.DEFAULT_HEADER) + "\n"
                + "1128967200200,12,POST /checkout.php,503,Service Unavailable,Thread Group 1-12,text,false,\"Test";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new JMeterCsvFormat(), "killed.jtl", text));
        assertTrue(e.getMessage().startsWith("killed.jtl: line 2: the file ends inside a quoted field"),
                e.getMessage());
    }

    @Test
    void csvMissingRequiredColumnIsAFormatErrorNamingFileAndColumn() {
        String text = "timeStamp,label,responseCode,success\n1128967331123,GET /,200,true\n";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new JMeterCsvFormat(), "broken.jtl", text));
        assertTrue(e.getMessage().startsWith("broken.jtl: line 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("'elapsed'"), e.getMessage());
    }

    @Test
    void csvColumnsAreFoundByNameInAnyOrderAndDatesAreReadInTheSourceZone() {
        String text = "label,elapsed,allThreads,timeStamp,success\n"
                + "GET /index.php,250,50,2005/10/10 14:02:11.123,true\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "dated.csv", text);
        Event e = p.events.get(0);
        // America/New_York is UTC-4 in October 2005
        assertEquals(Instant.parse("2005-10-10T18:02:11.123Z").toEpochMilli(), e.ts());
        assertEquals("2005/10/10 14:02:11.123", e.tsText());
        assertEquals(50L, e.fields().get("threads"));
        assertEquals(250L, e.fields().get("duration_ms"));
    }

    @Test
    void csvDatesWithTheOffsetSimpleDateFormatWritesAreRead() {
        // jmeter.save.saveservice.timestamp_format=yyyy-MM-dd'T'HH:mm:ss.SSSZ writes the offset as -0400
        String text = "timeStamp,elapsed,label,success,allThreads\n"
                + "2005-10-10T14:02:11.123-0400,250,GET /index.php,true,50\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "dated.csv", text);
        assertEquals(0, p.ctx.skipped(), p.ctx.skipReasons().toString());
        assertEquals(Instant.parse("2005-10-10T18:02:11.123Z").toEpochMilli(), p.events.get(0).ts());
    }

    @Test
    void csvWithNoReadableSampleIsRefusedNamingTheFirstLineAndWhy() {
        String text = "timeStamp,elapsed,label,success,allThreads\n"
                + "10.10.2005 14:02:11,250,GET /index.php,true,50\n10.10.2005 14:02:12,250,GET /index.php,true,50\n";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new JMeterCsvFormat(), "dated.csv", text));
        assertEquals("dated.csv: line 2: timeStamp '10.10.2005 14:02:11' is neither epoch milliseconds nor a date"
                + " (no jmeter_csv record in the first 2 non-blank lines)", e.getMessage());
    }

    @Test
    void csvWithOnlyItsHeaderSaysItHasNoSamples() {
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "stopped.jtl",
                "timeStamp,elapsed,label,responseCode,success,allThreads\n");
        assertEquals(0, p.events.size());
        assertEquals(1, p.runs.size());
        assertEquals(java.util.List.of("no samples: the file has only its header line"), p.runs.get(0).notes());
        Parsed read = Parsed.parse(new JMeterCsvFormat(), "results.jtl", Parsed.resource("jmeter-results.csv"));
        assertTrue(read.runs.get(0).notes().stream().noneMatch(n -> n.startsWith("no samples")), read.runs.get(0).notes()
                .toString());
    }

    @Test
    void csvWithoutHeaderUsesJMetersDefaultColumns() {
        String text = "1128967331123,118,GET /index.php,200,OK,Thread Group 1-1,text,true,,5120,118,10,10,"
                + "http://www.example.com/index.php,112,0,3\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "noheader.jtl", text);
        assertEquals(1, p.events.size());
        assertEquals(1, p.events.get(0).line());
        assertEquals(10L, p.events.get(0).fields().get("threads"));
    }

    @Test
    void csvStepsAreGroupedByAllThreadsAndRampLevelsLeftOut() {
        StringBuilder csv = new StringBuilder(String.join(",", JMeterCsvFormat.DEFAULT_HEADER)).append('\n');
        long t0 = 1128967200000L;
        // 10 threads, each 30 requests back to back of 100 ms: 300 samples in 3 s, X = 100/s, N = X·R holds
        for (int thread = 0; thread < 10; thread++) {
            for (int i = 0; i < 30; i++) {
                csv.append(row(t0 + i * 100L, 100, true, 10));
            }
        }
        // 40 threads with 300 ms of think time after each 100 ms request: X·R = 10, far from N = 40
        long t1 = t0 + 60_000;
        for (int thread = 0; thread < 40; thread++) {
            for (int i = 0; i < 8; i++) {
                csv.append(row(t1 + i * 400L, 100, i % 4 != 0, 40));
            }
        }
        // a ramp moment: 3 samples at 25 threads
        for (int i = 0; i < 3; i++) {
            csv.append(row(t0 + 30_000 + i, 100, true, 25));
        }
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "steps.jtl", csv.toString());
        assertEquals(2, p.run().steps().size());
        LoadTestStep low = p.step(10);
        assertEquals(300, low.requests());
        assertEquals(3.0, low.durationSec(), 1e-9);
        assertEquals(100.0, low.throughput(), 1e-9);
        assertEquals(0.0, low.errorRate());
        assertEquals(1.0, low.apdex());
        assertTrue(low.littleLawOk());
        LoadTestStep high = p.step(40);
        assertEquals(320, high.requests());
        assertEquals(80, high.errors());
        assertEquals(0.25, high.errorRate(), 1e-12);
        assertEquals(0.75, high.apdex(), 1e-12, "failed requests are frustrated");
        assertFalse(high.littleLawOk(), "think time breaks N = X·R");
        assertTrue(p.run().notes().stream().anyMatch(n -> n.startsWith("3 samples at 1 short-lived")),
                p.run().notes().toString());
        assertEquals("jmeter_csv", p.run().format());
        assertEquals("steps.jtl", p.run().name());
        assertEquals(Instant.ofEpochMilli(t0), p.run().startedAt());
    }

    @Test
    void aTimeoutAtTheEndOfAStepDoesNotStretchItsWindow() {
        StringBuilder csv = new StringBuilder(String.join(",", JMeterCsvFormat.DEFAULT_HEADER)).append('\n');
        long t0 = 1128967200000L;
        // 10 threads, 30 requests of 100 ms back to back each: 100/s for 3 s; the very last request of one
        // thread times out after 30 s, long after the step (and the next one) began
        for (int thread = 0; thread < 10; thread++) {
            for (int i = 0; i < 30; i++) {
                boolean timeout = thread == 9 && i == 29;
                csv.append(row(t0 + i * 100L, timeout ? 30_000 : 100, !timeout, 10));
            }
        }
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "steps.jtl", csv.toString());
        LoadTestStep step = p.step(10);
        assertEquals(300, step.requests());
        assertEquals(3.0, step.durationSec(), 1e-9, "the step ran 3 s; its slowest request ended 30 s later");
        assertEquals(100.0, step.throughput(), 1e-9);
    }

    @Test
    void threadsStoppingAtTheEndOfTheTestDoNotStretchTheEarlierSteps() {
        StringBuilder csv = new StringBuilder(String.join(",", JMeterCsvFormat.DEFAULT_HEADER)).append('\n');
        long t0 = 1128967200000L;
        // 10 threads for 3 s, then 20 threads for 3 s, each sending 100 ms requests back to back
        for (int thread = 0; thread < 10; thread++) {
            for (int i = 0; i < 30; i++) {
                csv.append(row(t0 + i * 100L, 100, true, 10));
            }
        }
        long t1 = t0 + 3_000;
        for (int thread = 0; thread < 20; thread++) {
            for (int i = 0; i < 30; i++) {
                csv.append(row(t1 + i * 100L, 100, true, 20));
            }
        }
        // the test ends: the 20 threads stop one by one, each last sample written with the threads still running
        for (int running = 19; running >= 1; running--) {
            csv.append(row(t1 + 3_000 + (20 - running) * 5L, 100, true, running));
        }
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "steps.jtl", csv.toString());
        LoadTestStep low = p.step(10);
        assertEquals(301, low.requests(), "the stopping thread's sample at 10 running is one of the step's");
        assertEquals(3.1, low.durationSec(), 1e-9, "3 s of the step and the 100 ms of the stray sample");
        assertEquals(301 / 3.1, low.throughput(), 1e-9);
        assertEquals(200.0, p.step(20).throughput(), 1e-9);
    }

    @Test
    void aTransactionControllersTotalRowIsNotCountedAgainBesideItsSamples() {
        // JMeter's default Transaction Controller writes its samples, then a row totalling them
        String text = String.join(",", JMeterCsvFormat.DEFAULT_HEADER) + "\n"
                + "1128967200000,100,GET /cart.php,200,OK,Thread Group 1-1,text,true,,5120,118,1,1,"
                + "http://shop/cart.php,95,0,2\n"
                + "1128967200100,300,POST /checkout.php,503,Service Unavailable,Thread Group 1-1,text,false,,412,118,"
                + "1,1,http://shop/checkout.php,290,0,2\n"
                + "1128967200000,400,Checkout,503,"
                + "\"Number of samples in transaction : 2, number of failing samples : 1\","
                + "Thread Group 1-1,,false,,5532,236,1,1,null,385,0,4\n"
                + "1128967200400,100,GET /cart.php,200,OK,Thread Group 1-1,text,true,,5120,118,1,1,"
                + "http://shop/cart.php,95,0,2\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "tc.jtl", text);
        assertEquals(4, p.events.size(), "the total is an event");
        assertEquals("true", p.events.get(2).fields().get("transaction_total"));
        assertEquals(3, p.step(1).requests(), "two samples of the transaction and the one after it");
        assertEquals(1, p.step(1).errors());
    }

    @Test
    void aTransactionWithATimerInsideIsStillKnownAsTheTotalOfItsSamples() {
        // JMeter leaves the timer's pause out of the total's elapsed (it writes it as IdleTime), so the
        // POST after the pause starts well after ts + elapsed
        StringBuilder csv = new StringBuilder(String.join(",", JMeterCsvFormat.DEFAULT_HEADER)).append('\n');
        long t = 1128967200000L;
        for (int i = 0; i < 50; i++) {
            csv.append(t).append(",100,GET /cart.php,200,OK,Thread Group 1-1,text,true,,5120,118,1,1,"
                    + "http://shop/cart.php,95,0,2\n");
            csv.append(t + 3_100).append(",300,POST /checkout.php,200,OK,Thread Group 1-1,text,true,,412,118,1,1,"
                    + "http://shop/checkout.php,290,0,2\n");
            csv.append(t).append(",400,Checkout,200,"
                    + "\"Number of samples in transaction : 2, number of failing samples : 0\","
                    + "Thread Group 1-1,,true,,5532,236,1,1,null,385,3000,4\n");
            t += 3_400;
        }
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "timer.jtl", csv.toString());
        assertEquals(150, p.events.size());
        assertEquals(50, p.events.stream().filter(e -> "true".equals(e.fields().get("transaction_total"))).count());
        assertEquals(100, p.step(1).requests(), "the GET and the POST of each of the 50 transactions");
    }

    @Test
    void aTransactionWrittenAsTheOnlySampleOfItsRequestsCounts() {
        // "Generate parent sample": the CSV holds the transaction alone
        String text = String.join(",", JMeterCsvFormat.DEFAULT_HEADER) + "\n"
                + "1128967200000,400,Checkout,200,"
                + "\"Number of samples in transaction : 2, number of failing samples : 0\","
                + "Thread Group 1-1,,true,,5532,236,1,1,null,385,0,4\n"
                + "1128967200400,400,Checkout,200,"
                + "\"Number of samples in transaction : 2, number of failing samples : 0\","
                + "Thread Group 1-1,,true,,5532,236,1,1,null,385,0,4\n";
        Parsed p = Parsed.parse(new JMeterCsvFormat(), "tc.jtl", text);
        assertEquals(2, p.step(1).requests());
    }

    private static String row(long ts, int elapsed, boolean ok, int threads) {
        return ts + "," + elapsed + ",GET /index.php," + (ok ? "200,OK" : "500,Internal Server Error")
                + ",Thread Group 1-1,text," + ok + ",,5120,118," + threads + "," + threads
                + ",http://www.example.com/index.php,90,0,2\n";
    }

    @Test
    void xmlSamplesSubResultsAndTransactions() {
        Parsed p = Parsed.parse(new JMeterXmlFormat(), "results.xml", Parsed.resource("jmeter-results.xml"));
        assertEquals(5, p.events.size(), "2 top-level samples and 3 sub-results");
        Event css = p.events.stream().filter(e -> "http://www.example.com/style.css".equals(e.fields().get("label")))
                .findFirst().orElseThrow();
        assertEquals("true", css.fields().get("sub_result"));
        assertEquals("http://www.example.com/style.css", css.fields().get("url"));
        Event index = p.events.stream().filter(e -> "GET /index.php".equals(e.fields().get("label")))
                .findFirst().orElseThrow();
        assertEquals(3, index.line());
        assertEquals("http://www.example.com/index.php", index.fields().get("url"));
        assertEquals(118L, index.fields().get("duration_ms"));
        assertEquals(10L, index.fields().get("threads"));
        Event transaction = p.events.stream().filter(e -> "Checkout transaction".equals(e.fields().get("label")))
                .findFirst().orElseThrow();
        assertEquals(Level.ERROR, transaction.level());
        assertFalse(transaction.fields().containsKey("sub_result"));
        // steps count only top-level samples
        assertEquals(1, p.step(10).requests());
        assertEquals(1, p.step(80).requests());
        assertEquals(1.0, p.step(80).errorRate());
        assertEquals(1, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).contains("attribute t='oops'"), p.ctx.skipReasons().toString());
    }

    @Test
    void xmlExternalEntitiesAreRefused(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "root:x:0:0:SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE testResults [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n<testResults version=\"1.2\">\n<httpSample t=\"1\" ts=\"1128967331123\" s=\"true\" lb=\"&xxe;\""
                + " rc=\"200\" na=\"1\"/>\n</testResults>\n";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new JMeterXmlFormat(), "evil.jtl", xxe));
        assertTrue(e.getMessage().startsWith("evil.jtl: line 2:"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void xmlCutShortKeepsTheSamplesBeforeTheBreak() {
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                + "<httpSample t=\"118\" ts=\"1128967331123\" s=\"true\" lb=\"GET /\" rc=\"200\" ng=\"5\" na=\"5\"/>\n"
                + "<httpSample t=\"120\" ts=\"1128967331300\" s=\"true\" lb=\"GET /\" rc=\"200\" ng=\"5\" na=\"5\"/>\n"
                + "<httpSample t=\"1";
        Parsed p = Parsed.parse(new JMeterXmlFormat(), "killed.jtl", text);
        assertEquals(2, p.events.size());
        assertEquals(1, p.ctx.skipped());
        assertEquals(2, p.step(5).requests());
    }

    @Test
    void xmlWithNoSampleSaysItHasNoSamplesAsTheCsvDoes() {
        Parsed empty = Parsed.parse(new JMeterXmlFormat(), "stopped.jtl",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n</testResults>\n");
        assertEquals(0, empty.events.size());
        assertEquals(1, empty.runs.size());
        assertEquals(java.util.List.of("no samples: the file has only its <testResults> element"),
                empty.runs.get(0).notes());
        // JMeter killed before its first sample: the opening element alone, not closed
        Parsed killed = Parsed.parse(new JMeterXmlFormat(), "killed.jtl",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n");
        assertEquals(1, killed.runs.size());
        assertEquals(java.util.List.of("no samples: the file ends after its <testResults> element (cut off before"
                + " the first sample)"), killed.runs.get(0).notes());
        // as a header-only CSV: nothing was skipped, and there were no samples before the end to keep
        assertEquals(0, killed.ctx.skipped(), killed.ctx.skipReasons().toString());
        // broken XML after the root is not a test cut off: refused, as a file none of whose samples is readable
        FormatException broken = assertThrows(FormatException.class, () -> Parsed.parse(new JMeterXmlFormat(),
                "broken.jtl", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                        + "<httpSample t=118 lb=\"GET /\"/>\n</testResults>\n"));
        assertTrue(broken.getMessage().contains("line 3: not a readable JMeter XML file"), broken.getMessage());
        Parsed read = Parsed.parse(new JMeterXmlFormat(), "results.xml", Parsed.resource("jmeter-results.xml"));
        assertTrue(read.runs.get(0).notes().stream().noneMatch(n -> n.startsWith("no samples")),
                read.runs.get(0).notes().toString());
    }

    @Test
    void xmlWithAnotherRootIsNotAJtl() {
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new JMeterXmlFormat(), "pom.xml", "<project><x/></project>"));
        assertTrue(e.getMessage().contains("<testResults>"), e.getMessage());
    }
}
