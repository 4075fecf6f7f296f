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

class LittlesLawTest {

    /** A closed test: N users, response time R growing with load, think time Z, so X = N / (R + Z). */
    private static List<LoadTestStep> closedLoop(double thinkMs, int... levels) {
        List<LoadTestStep> steps = new ArrayList<>();
        for (int n : levels) {
            double r = 40 + 2.5 * n;
            double x = n / ((r + thinkMs) / 1000);
            steps.add(step(n, x, r));
        }
        return steps;
    }

    private static LoadTestStep step(int n, double x, double meanMs) {
        long requests = Math.round(x * 60);
        return new LoadTestStep(n, requests, 0, 60, x, meanMs, meanMs, 1.5 * meanMs, 1.8 * meanMs, 3 * meanMs, 0);
    }

    @Test
    void aRunWithoutThinkTimeNeedsNoComment() {
        LittlesLaw law = LittlesLaw.check(closedLoop(0, 10, 20, 40, 80));
        assertNull(law.thinkTimeMs());
        assertEquals(List.of(), law.offLevels());
        assertNull(law.sentence());
    }

    @Test
    void thinkTimeIsInferredWhenEveryLevelAgreesOnIt() {
        List<LoadTestStep> steps = closedLoop(1000, 10, 20, 40, 80);
        assertFalse(steps.get(0).littleLawOk(), "without think time, X·R is a fraction of N: the old flag");
        LittlesLaw law = LittlesLaw.check(steps);
        assertEquals(1000, law.thinkTimeMs(), 1e-6);
        assertEquals(List.of(), law.offLevels());
        assertTrue(law.sentence().startsWith("Users think for about 1.0 s between requests: N = X·(R + Z) holds at"
                + " every level"), law.sentence());
    }

    @Test
    void aLevelWhereTheGeneratorFellBehindIsNamed() {
        List<LoadTestStep> steps = new ArrayList<>(closedLoop(0, 10, 20, 40, 80));
        // at 160 users the generator only managed a third of the requests the response time allows
        steps.add(step(160, 160 / 0.44 / 3, 440));
        LittlesLaw law = LittlesLaw.check(steps);
        assertNull(law.thinkTimeMs(), "one level's gap is not a think time");
        assertEquals(List.of(160), law.offLevels());
        assertTrue(law.sentence().startsWith("At N=160 the figures miss Little's law (N = X·(R)) by more than 30%"),
                law.sentence());
    }

    @Test
    void withThinkTimeTheOddLevelIsStillFound() {
        List<LoadTestStep> steps = new ArrayList<>(closedLoop(500, 10, 20, 40, 80, 120));
        steps.set(4, step(120, 120 / 0.84 / 2.5, 340));
        LittlesLaw law = LittlesLaw.check(steps);
        assertEquals(500, law.thinkTimeMs(), 1e-6, "the median level's think time");
        assertEquals(List.of(120), law.offLevels());
        assertTrue(law.sentence().contains("holds at most levels with Z ≈ 500 ms"), law.sentence());
        assertTrue(law.sentence().contains("At N=120 the figures miss Little's law (N = X·(R + Z))"), law.sentence());
    }

    @Test
    void tooLittleToTellIsNotAThinkTime() {
        LittlesLaw one = LittlesLaw.check(closedLoop(1000, 10));
        assertNull(one.thinkTimeMs(), "one level cannot show that the pause is the same everywhere");
        assertEquals(List.of(10), one.offLevels());
        LittlesLaw none = LittlesLaw.check(List.of(new LoadTestStep(0, 100, 0, 60, 10, 50, 50, 60, 70, 80, 0)));
        assertNull(none.sentence(), "no concurrency: nothing to check");
    }

    @Test
    void theRunAnalysisReportsThinkTimeAndChecksEachStepWithIt() throws Exception {
        LoadTestRun run = new LoadTestRun("R1", "browse.jtl", "jmeter_csv", List.of("browse.jtl"),
                Instant.parse("2005-10-10T18:00:00Z"), Instant.parse("2005-10-10T18:20:00Z"),
                closedLoop(2000, 10, 20, 40, 80), List.of());
        RunAnalysis a = LoadTestAnalysis.analyse(run);
        assertEquals(2000, a.saturation().thinkTimeMs(), 1e-6);
        assertTrue(a.saturation().summary().contains("Users think for about 2.0 s between requests"),
                a.saturation().summary());
        JsonNode json = new ObjectMapper().valueToTree(a);
        assertEquals(2000, json.at("/saturation/think_time_ms").asDouble(), 1e-6);
        assertEquals(0, json.at("/saturation/little_law_off").size());
        for (JsonNode step : json.get("steps")) {
            assertEquals(1.0, step.get("little_law_ratio").asDouble(), 1e-9);
            assertTrue(step.get("little_law_ok").asBoolean());
        }
    }
}
