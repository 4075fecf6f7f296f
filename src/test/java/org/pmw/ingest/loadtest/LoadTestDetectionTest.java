package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.InMemoryInput;

class LoadTestDetectionTest {

    @ParameterizedTest
    @CsvSource({
            "jmeter-results.csv, results.jtl, jmeter_csv",
            "jmeter-results.xml, results.jtl, jmeter_xml",
            "k6-out.json, k6-out.json, k6_json",
            "k6-summary-export.json, summary.json, k6_summary",
            "k6-handle-summary.json, summary.json, k6_summary",
            "simulation.log, simulation.log, gatling_log",
            "locust_u50_stats.csv, locust_u50_stats.csv, locust_stats",
            "ab-c50.txt, ab-c50.txt, ab",
            "ab-g-c2.tsv, ab-g-c2.tsv, ab_tsv",
            "wrk.txt, wrk.txt, wrk"})
    void eachFormatIsDetectedOnItsOwnFiles(String resource, String fileName, String format) {
        InMemoryInput input = InMemoryInput.of(fileName, Parsed.resource(resource));
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        var ranked = detector.rank(input.sample(200));
        assertEquals(format, ranked.get(0).format().name(), ranked.toString());
        assertTrue(ranked.get(0).score() >= FormatDetector.MIN_SCORE);
        assertEquals(FormatCategory.LOADTEST, ranked.get(0).format().category());
    }

    @Test
    void csvFormatsAreToldApartByTheirHeader() {
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        InMemoryInput summary = InMemoryInput.of("table.csv",
                "concurrency,throughput,p50_ms,p95_ms,p99_ms,error_rate\n10,190.2,48,60,71,0\n");
        assertEquals("loadtest_summary_csv", detector.detect(summary.sample(200)).orElseThrow().name());
        InMemoryInput history = InMemoryInput.of("table.csv", LocustFormatsTest.HISTORY_HEADER
                + "\n1128967331,10,,Aggregated,100,0,100,100,100,100,120,150,180,200,300,400,500,100,0,100,100,4,500,5120\n");
        assertEquals("locust_history", detector.detect(history.sample(200)).orElseThrow().name());
    }
}
