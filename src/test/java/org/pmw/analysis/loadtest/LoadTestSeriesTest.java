package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.loadtest.ApacheBenchFormat;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

class LoadTestSeriesTest {

    /** The ab report of the test resources, rewritten for another -c and throughput. */
    static String abReport(int concurrency, double rps, long non2xx) throws IOException {
        String template;
        try (InputStream in = LoadTestSeriesTest.class.getResourceAsStream("/loadtest/ab-c50.txt")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        double seconds = 10000 / rps;
        return template.replace("Concurrency Level:      50", "Concurrency Level:      " + concurrency)
                .replace("Requests per second:    810.00", String.format(Locale.ROOT, "Requests per second:    %.2f", rps))
                .replace("Time taken for tests:   12.345678", String.format(Locale.ROOT, "Time taken for tests:   %.6f",
                        seconds))
                .replace("Non-2xx responses:      30", "Non-2xx responses:      " + non2xx);
    }

    static LoadTestRun importAb(String sourceId, String fileName, String text) throws IOException {
        List<LoadTestRun> runs = new ArrayList<>();
        ParseSink sink = new ParseSink() {
            @Override
            public void event(Event event) {
            }

            @Override
            public void loadTestRun(LoadTestRun run) {
                runs.add(run);
            }
        };
        new ApacheBenchFormat().parse(InMemoryInput.of(fileName, text),
                new ParseContext(sourceId, fileName, ZoneOffset.UTC, 2005, null), sink);
        return runs.get(0);
    }

    @Test
    void abFilesAtDifferentConcurrencyBecomeOneRunOrderedByConcurrency() throws IOException {
        List<LoadTestRun> imported = List.of(
                importAb("s3", "ab-c100.txt", abReport(100, 610, 2400)),
                importAb("s1", "ab-c10.txt", abReport(10, 190, 0)),
                importAb("s2", "ab-c50.txt", abReport(50, 810, 30)),
                importAb("s4", "ab-c25.txt", abReport(25, 450, 0)));
        List<LoadTestRun> merged = LoadTestSeries.merge(imported);
        assertEquals(1, merged.size());
        LoadTestRun series = merged.get(0);
        assertEquals("s1", series.id(), "the id of the lowest-concurrency file");
        assertEquals("ab", series.format());
        assertEquals(List.of(10, 25, 50, 100), series.steps().stream().map(LoadTestStep::concurrency).toList());
        assertEquals(List.of("s1", "s4", "s2", "s3"), series.sources());
        assertEquals("ab series (N=10..100)", series.name());
        assertTrue(series.notes().contains("series of 4 files: ab-c10.txt, ab-c25.txt, ab-c50.txt, ab-c100.txt"),
                series.notes().toString());

        Saturation s = LoadTestAnalysis.analyse(series).saturation();
        assertTrue(s.usl() != null, s.uslRefused());
        assertEquals(100, s.errorsStartConcurrency(), "2400 non-2xx of 10000 at -c 100");
    }

    @Test
    void anAbRunThatGaveUpJoinsTheSeriesAsANote() throws IOException {
        LoadTestRun gaveUp = importAb("s9", "ab-c200.txt", "This is ApacheBench, Version 2.3 <$Revision: 1879490 $>\n"
                + "\nBenchmarking www.example.com (be patient)\napr_socket_recv: Connection reset by peer (104)\n");
        List<LoadTestRun> merged = LoadTestSeries.merge(List.of(gaveUp,
                importAb("s1", "ab-c10.txt", abReport(10, 190, 0)), importAb("s2", "ab-c50.txt", abReport(50, 810, 30))));
        assertEquals(1, merged.size());
        assertEquals(List.of("s1", "s2", "s9"), merged.get(0).sources());
        assertTrue(merged.get(0).notes().contains(
                "ab-c200.txt: ab stopped early at line 4: apr_socket_recv: Connection reset by peer (104)"),
                merged.get(0).notes().toString());
    }

    @Test
    void onlyOneStepRunsOfOneFormatAndFolderAreJoined() throws IOException {
        LoadTestRun a10 = importAb("a10", "ab-c10.txt", abReport(10, 190, 0));
        LoadTestRun a50 = importAb("a50", "ab-c50.txt", abReport(50, 810, 30));
        LoadTestRun b10 = importAb("b10", "ab-c10.txt", abReport(10, 200, 0));
        LoadTestRun wrk = new LoadTestRun("w", "wrk.txt", "wrk", List.of("w"), null, null,
                List.of(a10.steps().get(0)), List.of());
        LoadTestRun multi = new LoadTestRun("j", "results.jtl", "jmeter_csv", List.of("j"), null, null,
                List.of(a10.steps().get(0), a50.steps().get(0)), List.of());
        Map<String, String> folder = Map.of("a10", "before", "a50", "before", "b10", "after", "w", "before",
                "j", "before");
        List<LoadTestRun> merged = LoadTestSeries.merge(List.of(multi, a10, wrk, b10, a50),
                run -> folder.get(run.id()));
        assertEquals(4, merged.size());
        assertSame(multi, merged.get(0));
        assertEquals("a10", merged.get(1).id());
        assertEquals(2, merged.get(1).steps().size());
        assertEquals("ab series in before (N=10..50)", merged.get(1).name());
        assertSame(wrk, merged.get(2), "a lone run of its format is left as it is");
        assertSame(b10, merged.get(3), "a lone run of its folder is left as it is");
    }
}
