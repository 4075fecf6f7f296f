package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

class LoadTestAnalysisTest {

    /**
     * Steps whose successful throughput follows a USL curve, with 3% errors from errorsFrom on (0.2% before) and
     * a p99 of 10× rather than 2× the mean from latencyFrom on.
     */
    static LoadTestRun run(String id, double sigma, double kappa, double lambda, int[] levels, int errorsFrom,
                           int latencyFrom) {
        UslFit curve = new UslFit(sigma, kappa, lambda, null, null, 1);
        List<LoadTestStep> steps = new ArrayList<>();
        for (int n : levels) {
            double errorRate = n >= errorsFrom ? 0.03 : 0.002;
            double x = curve.throughputAt(n) / (1 - errorRate);
            double meanMs = n / x * 1000;
            double p99 = n >= latencyFrom ? 10 * meanMs : 2 * meanMs;
            long requests = Math.round(x * 60);
            steps.add(new LoadTestStep(n, requests, Math.round(requests * errorRate), 60, x, meanMs, meanMs,
                    1.5 * meanMs, 1.8 * meanMs, p99, errorRate, 0.9, true));
        }
        return new LoadTestRun(id, id + ".jtl", "jmeter_csv", List.of(id), Instant.parse("2005-10-10T18:00:00Z"),
                Instant.parse("2005-10-10T18:20:00Z"), steps, List.of());
    }

    static final int[] LEVELS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};

    @Test
    void findsPeakKneeAndBreakawayAndSaysSoInWords() {
        RunAnalysis a = LoadTestAnalysis.analyse(run("stress-1", 0.02, 0.0001, 50, LEVELS, 80, 90));
        Saturation s = a.saturation();
        UslFit usl = s.usl();
        assertEquals(0.02, usl.sigma(), 1e-6);
        assertEquals(0.0001, usl.kappa(), 1e-8);
        assertEquals(50, usl.lambda(), 1e-4);
        assertEquals(98.99, usl.peakConcurrency(), 0.01);
        assertEquals(80, s.errorsStartConcurrency());
        assertEquals(90, s.latencyBreaksConcurrency());
        assertEquals("p99_ms", s.latencyMetric());
        assertEquals("contention", s.limit(), "σ(N−1) = 2.38 > κN(N−1) = 1.43 at N=120");
        assertTrue(s.kneeConcurrency() > 10 && s.kneeConcurrency() < 99, "knee " + s.kneeConcurrency());
        assertTrue(s.summary().startsWith("The system starts to choke at N=80 concurrent users: errors start at N=80;"
                + " the p99 latency is over 3× its low-load value from N=90."), s.summary());
        assertTrue(s.summary().contains("Throughput peaks at about N=99 concurrent users"), s.summary());
        assertTrue(s.summary().contains("contention-bound"), s.summary());
    }

    @Test
    void whenTheFitIsPoorTheMeasuredPeakLeadsAndTheFitIsOnlyAGuide() {
        LoadTestRun smooth = run("ab-1", 0.02, 0.0001, 50, LEVELS, 200, 200);
        List<LoadTestStep> steps = new ArrayList<>(smooth.steps());
        // a measured spike at N=60 that no USL curve follows
        LoadTestStep at60 = steps.get(5);
        steps.set(5, new LoadTestStep(60, at60.requests() * 2, 0, 60, at60.throughput() * 2, at60.meanMs(),
                at60.p50Ms(), at60.p90Ms(), at60.p95Ms(), at60.p99Ms(), 0, 0.9, true));
        LoadTestRun spiky = new LoadTestRun("ab-2", "ab-2.txt", "ab", List.of("ab-2"), smooth.startedAt(), smooth.endedAt(),
                steps, List.of());
        Saturation s = LoadTestAnalysis.analyse(spiky).saturation();
        assertTrue(s.usl().r2() < 0.9, "r2 " + s.usl().r2());
        assertTrue(s.summary().contains(String.format(java.util.Locale.ROOT,
                "The highest successful throughput measured is %.0f req/s at N=60. The USL fit is poor",
                at60.throughput() * 2)), s.summary());
        assertFalse(s.summary().contains("Throughput peaks at about"), s.summary());
    }

    @Test
    void coherencyBoundWhenTheKappaTermDominates() {
        Saturation s = LoadTestAnalysis.analyse(run("stress-2", 0.001, 0.0005, 50, LEVELS, 1000, 1000)).saturation();
        assertEquals("coherency", s.limit());
        assertEquals(44.7, s.usl().peakConcurrency(), 0.1);
        assertNull(s.errorsStartConcurrency());
        // R = N/X grows fast past the peak, so p99 (2R here) passes 3× its low-load value at N=70
        assertEquals(70, s.latencyBreaksConcurrency());
        assertTrue(s.summary().startsWith("The system starts to choke at N=70 concurrent users: the p99 latency"
                + " is over 3× its low-load value from N=70."), s.summary());
        assertTrue(s.summary().contains("coherency-bound"), s.summary());
    }

    @Test
    void saysSoWhenNothingBreaksAway() {
        Saturation s = LoadTestAnalysis.analyse(run("calm", 0.02, 0.0, 50, new int[] {1, 2, 3, 4}, 1000, 1000))
                .saturation();
        assertTrue(s.summary().contains("Neither errors nor latency break away"), s.summary());
    }

    @Test
    void fewerThanFourLevelsGivesNoFitButTheRunIsStillAnalysed() {
        RunAnalysis a = LoadTestAnalysis.analyse(run("short", 0.02, 0.0001, 50, new int[] {10, 50, 100}, 100, 1000));
        assertEquals(3, a.steps().size());
        assertNull(a.saturation().usl());
        assertTrue(a.saturation().uslRefused().contains("only 3 concurrency levels"), a.saturation().uslRefused());
        assertTrue(a.saturation().summary().contains("No USL fit: only 3 concurrency levels"),
                a.saturation().summary());
        assertEquals(100, a.saturation().errorsStartConcurrency());
        assertNull(a.saturation().limit());
    }

    @Test
    void errorsBreakAwayOnlyWhenWellAboveTheLowLoadRate() {
        List<LoadTestStep> steps = List.of(step(10, 0.02, 100), step(20, 0.05, 100), step(40, 0.11, 100));
        // 2% at the lowest load: 5% is not 5× that, 11% is
        assertEquals(40, Breakaway.errorsStart(steps));
        assertNull(Breakaway.latencyBreaks(steps));
        assertEquals(20, Breakaway.latencyBreaks(List.of(step(10, 0, 100), step(20, 0, 301))));
    }

    @Test
    void errorsAtAColdFirstStepDoNotHideWhereTheyStartForReal() {
        // 3% while caches warmed up at N=10, a clean 0.3-0.5% at 20 and 50, then 8% at 100 and 30% at 200
        List<LoadTestStep> steps = List.of(step(10, 0.03, 180), step(20, 0.003, 230), step(50, 0.005, 420),
                step(100, 0.08, 1900), step(200, 0.30, 9000));
        assertEquals(100, Breakaway.errorsStart(steps));
    }

    @Test
    void aSlowColdFirstStepDoesNotHideWhereLatencyBreaksAway() {
        // the JIT still compiling at N=10 (p99 900 ms), then 230 and 420 ms, then 1.9 s at N=100
        List<LoadTestStep> steps = List.of(step(10, 0, 900), step(20, 0, 230), step(50, 0, 420),
                step(100, 0, 1900), step(200, 0, 9000));
        assertEquals(100, Breakaway.latencyBreaks(steps));
    }

    private static LoadTestStep step(int n, double errorRate, double p99) {
        return new LoadTestStep(n, 1000, Math.round(1000 * errorRate), 10, 100, 50, 40, 60, 80, p99, errorRate);
    }

    @Test
    void jsonHasTheDocumentedShapeWithNullForUnknown() throws Exception {
        LoadTestRun r = run("stress-1", 0.02, 0.0001, 50, LEVELS, 80, 90);
        List<LoadTestStep> steps = new ArrayList<>(r.steps());
        steps.set(0, new LoadTestStep(10, 100, 0, 10, 10, 50, 40, Double.NaN, 60, 70, 0));
        r = new LoadTestRun(r.id(), r.name(), r.format(), r.sources(), r.startedAt(), r.endedAt(), steps, r.notes());
        String json = new ObjectMapper().writeValueAsString(LoadTestAnalysis.analyseAll(List.of(r)));
        JsonNode run = new ObjectMapper().readTree(json).path("runs").path(0);
        assertEquals("stress-1", run.path("id").asText());
        assertEquals("stress-1.jtl", run.path("name").asText());
        assertEquals("jmeter_csv", run.path("format").asText());
        assertEquals("2005-10-10T18:00:00Z", run.path("started_at").asText());
        JsonNode step = run.path("steps").path(0);
        for (String key : List.of("concurrency", "throughput", "p50_ms", "p95_ms", "p99_ms", "error_rate")) {
            assertTrue(step.has(key), key + " in " + step);
        }
        assertTrue(step.path("p90_ms").isNull(), "NaN is written as null");
        assertTrue(step.path("apdex").isNull());
        JsonNode saturation = run.path("saturation");
        assertTrue(saturation.path("knee_concurrency").isInt(), saturation.toString());
        for (String key : List.of("sigma", "kappa", "lambda", "peak_concurrency", "peak_throughput", "r2")) {
            assertTrue(saturation.path("usl").path(key).isNumber(), key + " in " + saturation);
        }
        assertEquals(80, saturation.path("errors_start_concurrency").asInt());
        assertFalse(saturation.path("summary").asText().isEmpty());
    }
}
