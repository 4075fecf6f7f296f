package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.LoadTestStep;

class SummaryCsvFormatTest {

    @Test
    void rowsAreStepsOrderedByConcurrency() {
        String csv = "concurrency,throughput,p50_ms,p95_ms,p99_ms,error_rate\n"
                + "50,812.5,58,98,140,0.3%\n"
                + "10,190.2,48,60,71,0\n"
                + "100,790.0,120,480,2100,0.042\n";
        Parsed p = Parsed.parse(new SummaryCsvFormat(), "by-hand.csv", csv);
        assertEquals(3, p.run().steps().size());
        assertEquals(10, p.run().steps().get(0).concurrency());
        LoadTestStep s = p.step(50);
        assertEquals(812.5, s.throughput());
        assertEquals(0.003, s.errorRate(), 1e-12);
        assertEquals(140, s.p99Ms());
        assertTrue(Double.isNaN(s.p90Ms()));
        assertEquals(0.042, p.step(100).errorRate());
    }

    @Test
    void negativeAndNonNumericValuesAreSkippedWithTheReason() {
        String csv = "concurrency,throughput,error_rate\n10,190,0\n20,-5,0\nforty,400,0\n80,700,7\n160,650,\n";
        Parsed p = Parsed.parse(new SummaryCsvFormat(), "by-hand.csv", csv);
        assertEquals(2, p.run().steps().size());
        assertEquals(3, p.ctx.skipped());
        assertEquals("line 3: throughput '-5' is not a non-negative number", p.ctx.skipReasons().get(0));
        assertEquals("line 4: concurrency 'forty' is not a positive whole number", p.ctx.skipReasons().get(1));
        assertTrue(p.ctx.skipReasons().get(2).startsWith("line 5: error_rate '7'"));
    }

    @Test
    void missingThroughputColumnIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new SummaryCsvFormat(), "by-hand.csv", "concurrency,p99_ms\n10,80\n"));
        assertTrue(e.getMessage().startsWith("by-hand.csv: line 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("'throughput'"), e.getMessage());
    }
}
