package org.pmw.sampleincident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.analysis.loadtest.LoadTestAnalysis;
import org.pmw.analysis.loadtest.Saturation;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.Histogram;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.LoadTestRun;

/**
 * The committed sample incident, opened as a user would (its index is rebuilt from evidence/), checked
 * against the facts its data was generated with: every figure is counted from the imported files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleIncidentProjectTest {

    private Project project;
    private JsonNode facts;

    @BeforeAll
    void open(@TempDir Path tmp) throws IOException {
        Path copy = org.pmw.testing.TestProjects.copyOfSample(tmp);
        facts = new ObjectMapper().readTree(copy.resolve("facts.json").toFile());
        project = Project.open(copy, Progress.NONE);
    }

    @AfterAll
    void close() throws IOException {
        project.close();
    }

    @Test
    void logsHoldTheGeneratedCounts() throws IOException {
        assertEquals(facts.get("segfaults").asLong(), project.count("\"segmentation fault\"", null, null));
        assertEquals(facts.get("tooManyConnectionsWarnings").asLong(),
                project.count("\"Too many connections\" AND source:*php_error.log", null, null));
        assertEquals(facts.get("totalRequests").asLong(), project.count("kind:request", null, null));
        assertEquals(facts.get("responses5xx").asLong(), project.count("kind:request AND status:[500 TO 599]", null, null));
        assertEquals(facts.get("maxClientsReached").asLong(), project.count("MaxClients AND source:*error_log", null, null));
    }

    @Test
    void segfaultsComeInBurstsAndStopAtThePush() throws IOException {
        Instant push = Instant.parse(facts.get("pushUtc").asText());
        assertEquals(0, project.count("\"segmentation fault\" OR \"Too many connections\" OR \"Lost connection\"",
                push, null));
        assertTrue(project.count("kind:request", push, null) > 10_000, "normal traffic continues after the push");
        // every ten minutes with a segfault lies in one of the bursts; between them the site works
        Histogram perTenMinutes = project.histogram("\"segmentation fault\"", null, null, 600_000);
        for (Histogram.Bucket b : perTenMinutes.buckets()) {
            if (b.count() == 0) {
                continue;
            }
            boolean inBurst = false;
            for (JsonNode burst : facts.get("bursts")) {
                long start = Instant.parse(burst.get("startUtc").asText()).toEpochMilli();
                long end = Instant.parse(burst.get("endUtc").asText()).toEpochMilli();
                inBurst |= b.start() <= end && b.start() + 600_000 > start;
            }
            assertTrue(inBurst, "segfaults outside the bursts at " + Instant.ofEpochMilli(b.start()));
        }
        long quiet = perTenMinutes.buckets().stream().filter(b -> b.count() == 0).count();
        assertTrue(quiet > 40, quiet + " quiet ten-minute buckets between the bursts");
        for (JsonNode burst : facts.get("bursts")) {
            Instant start = Instant.parse(burst.get("startUtc").asText());
            Instant end = Instant.parse(burst.get("endUtc").asText()).plusSeconds(1);
            assertEquals(burst.get("segfaults").asLong(), project.count("\"segmentation fault\"", start, end),
                    "segfaults in the burst starting " + start);
        }
    }

    @Test
    void loadTestsFindTheThresholdTheSampleWasGeneratedWith() {
        int before = facts.get("thresholds").get("before").asInt();
        int afterOneTwo = facts.get("thresholds").get("afterChanges12").asInt();
        int afterThree = facts.get("thresholds").get("afterChange3").asInt();
        List<LoadTestRun> ab = project.incident().getLoadTestRuns().stream().filter(r -> r.format().equals("ab")).toList();
        assertEquals(3, ab.size());
        int[] expected = {before, afterOneTwo, afterThree};
        for (int i = 0; i < 3; i++) {
            Saturation s = LoadTestAnalysis.analyse(ab.get(i)).saturation();
            assertNotNull(s.errorsStartConcurrency(), ab.get(i).name());
            int previousLevel = ab.get(i).steps().stream().mapToInt(st -> st.concurrency())
                    .filter(c -> c < s.errorsStartConcurrency()).max().orElse(0);
            assertTrue(previousLevel <= expected[i] && expected[i] < s.errorsStartConcurrency(),
                    ab.get(i).name() + ": errors start at " + s.errorsStartConcurrency() + ", threshold " + expected[i]);
        }
        LoadTestRun jmeter = project.incident().getLoadTestRuns().stream()
                .filter(r -> r.format().equals("jmeter_csv")).findFirst().orElseThrow();
        Saturation s = LoadTestAnalysis.analyse(jmeter).saturation();
        assertTrue(Math.abs(s.errorsStartConcurrency() - before) <= 10, "JMeter errors start at "
                + s.errorsStartConcurrency());
        // the generator's users pause 3 s on average (a Gaussian with σ 1 s, cut at 0.5 s) between requests
        assertTrue(s.thinkTimeMs() != null && s.thinkTimeMs() > 2800 && s.thinkTimeMs() < 3300,
                "JMeter think time " + s.thinkTimeMs());
    }

    @Test
    void onsetRankingPutsTheFailurePatternsFirstAndTheyAreGoneAfterThePush() throws IOException {
        Instant start = Instant.parse(facts.get("bursts").get(0).get("startUtc").asText()).minusSeconds(600);
        var onset = org.pmw.app.Patterns.compare(project, "*",
                new org.pmw.model.TimeWindow(start.minusSeconds(3 * 3600), start),
                new org.pmw.model.TimeWindow(start, start.plusSeconds(90 * 60)));
        List<String> top = onset.onsets().stream().limit(6).map(o -> o.template()).toList();
        for (String expected : List.of("Segmentation fault", "MaxClients", "Too many connections",
                "Lost connection to MySQL")) {
            assertTrue(top.stream().anyMatch(t -> t.contains(expected)), expected + " not in the top 6: " + top);
        }
        Instant push = Instant.parse(facts.get("pushUtc").asText());
        var after = org.pmw.app.Patterns.compare(project, "*",
                new org.pmw.model.TimeWindow(push.minusSeconds(150 * 60), push),
                new org.pmw.model.TimeWindow(push, Instant.parse(facts.get("logEndUtc").asText())));
        for (String expected : List.of("Segmentation fault", "MaxClients", "Too many connections")) {
            assertTrue(after.drops().stream().anyMatch(d -> d.template().contains(expected) && d.gone()),
                    expected + " is not gone after the push");
        }
    }

    @Test
    void theInvestigationIsRecorded() {
        var hypotheses = project.incident().getHypotheses();
        assertEquals(List.of(HypothesisStatus.REFUTED, HypothesisStatus.REFUTED, HypothesisStatus.SUPPORTED),
                hypotheses.stream().map(h -> h.status()).toList());
        assertTrue(project.incident().getExperiments().stream()
                .anyMatch(e -> "H3".equals(e.hypothesis()) && !e.loadTestRuns().isEmpty()));
        assertEquals(3, project.incident().getLinks().stream()
                .filter(l -> l.type().equals("addresses") && l.to().equals("H3")).count());
        assertEquals("significant decrease", project.incident().getOutcomes().get(0).verdict());
        // every event reference in the investigation points at an indexed event
        hypotheses.forEach(h -> h.evidenceFor().stream().filter(r -> r.event() != null).forEach(r -> {
            int colon = r.event().lastIndexOf(':');
            try {
                assertEquals(1, project.around(r.event().substring(0, colon),
                        Long.parseLong(r.event().substring(colon + 1)), 0).size(), r.event());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
