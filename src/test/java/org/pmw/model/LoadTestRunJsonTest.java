package org.pmw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestRunJsonTest {

    @Test
    void aRunWithUnknownFiguresSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        LoadTestStep step = new LoadTestStep(50, 10000, 32, 12.3, 810, 61, 59, 85, 98, 140, 0.0032, Double.NaN, true);
        LoadTestRun run = new LoadTestRun("s1", "ab-c50.txt", "ab", List.of("s1"), Instant.parse("2005-10-10T18:02:11Z"),
                null, List.of(step), List.of("ab prints totals"));
        LoadTestRun back = json.readValue(json.writeValueAsString(run), LoadTestRun.class);
        assertEquals(run.steps().get(0).p99Ms(), back.steps().get(0).p99Ms());
        assertTrue(Double.isNaN(back.steps().get(0).apdex()));
        assertEquals(run.startedAt(), back.startedAt());
        assertEquals(run, new LoadTestRun(back.id(), back.name(), back.format(), back.sources(), back.startedAt(),
                back.endedAt(), List.of(step), back.notes()));
    }

    @Test
    void littleLawIsCheckedWithinThirtyPercent() {
        assertEquals(0.988, LoadTestStep.littleLawRatio(50, 810, 61), 1e-3);
        assertTrue(LoadTestStep.littleLawHolds(50, 810, 61));
        assertFalse(LoadTestStep.littleLawHolds(40, 100, 100), "X·R = 10 of 40 users: think time or a starved generator");
        assertTrue(LoadTestStep.littleLawHolds(0, 100, 100), "unknown concurrency cannot be checked");
        assertFalse(new LoadTestStep(40, 1, 0, 1, 100, 100, 1, 1, 1, 1, 0).littleLawOk());
    }
}
