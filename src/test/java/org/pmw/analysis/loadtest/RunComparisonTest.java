package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

class RunComparisonTest {

    private static LoadTestStep step(int n, double x, double p99, double errorRate) {
        return new LoadTestStep(n, 1000, Math.round(1000 * errorRate), 10, x, 50, 40, 60, 80, p99, errorRate);
    }

    @Test
    void comparesTheSharedLevelsStepByStep() {
        LoadTestRun before = new LoadTestRun("first", "first", "ab", List.of(), null, null,
                List.of(step(10, 190, 70, 0), step(50, 400, 2100, 0.08), step(100, 300, 9000, 0.3)), List.of());
        LoadTestRun after = new LoadTestRun("last", "last", "ab", List.of(), null, null,
                List.of(step(10, 195, 65, 0), step(50, 800, 140, 0.001), step(200, 790, 900, 0.01)), List.of());
        RunComparison c = RunComparison.compare(before, after);
        assertEquals("first", c.before());
        assertEquals(2, c.steps().size());
        RunComparison.StepDelta at50 = c.steps().get(1);
        assertEquals(50, at50.concurrency());
        assertEquals(400.0, at50.throughputChange());
        assertEquals(1.0, at50.throughputChangeRatio());
        assertEquals(-1960.0, at50.p99Change());
        assertEquals(-0.079, at50.errorRateChange(), 1e-12);
        assertEquals(List.of(100), c.onlyBefore());
        assertEquals(List.of(200), c.onlyAfter());
    }

    @Test
    void unknownFiguresStayUnknown() {
        LoadTestRun a = new LoadTestRun("a", "a", "wrk", List.of(), null, null,
                List.of(new LoadTestStep(10, 0, 0, Double.NaN, 100, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 0)), List.of());
        RunComparison c = RunComparison.compare(a, a);
        assertNull(c.steps().get(0).p99Change());
        assertEquals(0.0, c.steps().get(0).throughputChange());
    }
}
