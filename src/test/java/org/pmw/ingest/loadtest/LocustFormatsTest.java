package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.LoadTestStep;

class LocustFormatsTest {

    static final String HISTORY_HEADER = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,"
            + "95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
            + "Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size";

    @Test
    void statsGivesOneStepFromTheAggregatedRowWithPercentilesFromTheHeader() {
        Parsed p = Parsed.parse(new LocustStatsFormat(), "locust_u50_stats.csv", Parsed.resource("locust_u50_stats.csv"));
        assertTrue(p.events.isEmpty());
        LoadTestStep s = p.step(50);
        assertEquals(12000, s.requests());
        assertEquals(120, s.errors());
        assertEquals(0.01, s.errorRate(), 1e-12);
        assertEquals(48.1, s.throughput());
        assertEquals(141.9, s.meanMs());
        assertEquals(110, s.p50Ms());
        assertEquals(210, s.p90Ms());
        assertEquals(280, s.p95Ms());
        assertEquals(600, s.p99Ms());
    }

    @Test
    void statsWithoutUsersInTheNameHasUnknownConcurrency() {
        Parsed p = Parsed.parse(new LocustStatsFormat(), "run_stats.csv", Parsed.resource("locust_u50_stats.csv"));
        assertEquals(0, p.run().steps().get(0).concurrency());
        assertTrue(p.run().notes().stream().anyMatch(n -> n.contains("does not record the user count")));
    }

    @Test
    void statsWithoutRequestCountColumnIsAFormatError() {
        FormatException e = assertThrows(FormatException.class, () -> Parsed.parse(new LocustStatsFormat(),
                "x_stats.csv", "Type,Name,Failure Count\nGET,/,1\n"));
        assertTrue(e.getMessage().startsWith("x_stats.csv: line 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("'Request Count' or '# requests'"), e.getMessage());
    }

    @Test
    void historyRowsAreEventsAndAggregatedRowsFormStepsByUserCount() {
        StringBuilder csv = new StringBuilder(HISTORY_HEADER).append('\n');
        long ts = 1128967330;
        double[] totals = new double[3]; // count, failures, sum of response times
        csv.append(ts++).append(",0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,"
                + "0,0,0,0.0,0,0,0\n");
        for (int i = 0; i < 5; i++) {
            csv.append(history(ts++, 10, 100, 0, 100, totals));
        }
        csv.append(history(ts++, 20, 150, 0, 150, totals)); // the ramp: one row
        for (int i = 0; i < 5; i++) {
            csv.append(history(ts++, 40, 200, 10, 200, totals));
        }
        csv.append(ts).append(",40,GET,/index.php,150.0,5.0,190,200,210,220,300,400,500,600,700,800,900,"
                + "1000,50,190,200,4,900,5120\n");
        csv.append("garbage,40,,Aggregated,1,0,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1\n");
        Parsed p = Parsed.parse(new LocustHistoryFormat(), "run_stats_history.csv", csv.toString());
        assertEquals(13, p.events.size(), "every readable row is an event, the per-endpoint one too");
        Event first = p.events.get(1);
        assertEquals(1128967331000L, first.ts());
        assertEquals(10L, first.fields().get("threads"));
        assertEquals(100.0, first.fields().get("requests_per_s"));
        assertEquals(2, p.run().steps().size(), "0 users and the one-row ramp are not steps");
        LoadTestStep low = p.step(10);
        assertEquals(500, low.requests());
        assertEquals(100.0, low.throughput(), 1e-9);
        assertEquals(100.0, low.meanMs(), 1e-9);
        assertEquals(0.0, low.errorRate());
        LoadTestStep high = p.step(40);
        assertEquals(1000, high.requests());
        assertEquals(50, high.errors());
        assertEquals(0.05, high.errorRate(), 1e-12);
        assertEquals(200.0, high.meanMs(), 1e-3);
        assertEquals(200.0 * 1.5, high.p95Ms(), 1e-9);
        assertTrue(p.run().notes().stream().anyMatch(n -> n.startsWith("1 history rows")), p.run().notes().toString());
        assertEquals(1, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).contains("Timestamp 'garbage'"));
    }

    @Test
    void aStepsThroughputIsTheGrowthOfTheTotalsNotTheLaggingRollingRate() {
        // Locust's Requests/s is the mean of the last 10 s: for the first rows of a step it still holds the
        // rate of the step before. 30 rows a second apart at 10 users (100/s), then 30 at 20 users (150/s).
        StringBuilder csv = new StringBuilder(HISTORY_HEADER).append('\n');
        long ts = 1128967330;
        double count = 0;
        double[] recent = new double[10];
        for (int row = 0; row < 60; row++) {
            double rate = row < 30 ? 100 : 150;
            count += rate;
            recent[row % 10] = rate;
            int seen = Math.min(row + 1, 10);
            double rolling = 0;
            for (int i = 0; i < seen; i++) {
                rolling += recent[i];
            }
            csv.append(String.format(Locale.ROOT, "%d,%d,,Aggregated,%.6f,0.000000,100,110,120,130,160,200,250,300,"
                    + "500,600,700,%.0f,0,100,100.0,4,700,5120\n", ts++, row < 30 ? 10 : 20, rolling / seen, count));
        }
        Parsed p = Parsed.parse(new LocustHistoryFormat(), "run_stats_history.csv", csv.toString());
        assertEquals(100.0, p.step(10).throughput(), 1e-9);
        assertEquals(150.0, p.step(20).throughput(), 1e-9, "the rolling rate averages 142.5 over this step");
        assertEquals(4500, p.step(20).requests());
    }

    @Test
    void aUserCountVisitedTwiceIsTimedByItsVisitsNotFromItsFirstRowToItsLast() {
        // 30 rows a second apart at 10 users, 30 at 20, 30 at 10 again, all at 100 requests/s: the 30 s at 20
        // users are not time of the step at 10
        StringBuilder csv = new StringBuilder(HISTORY_HEADER).append('\n');
        long ts = 1128967330;
        double[] totals = new double[3];
        for (int users : new int[] {10, 20, 10}) {
            for (int i = 0; i < 30; i++) {
                csv.append(history(ts++, users, 100, 0, 100, totals));
            }
        }
        Parsed p = Parsed.parse(new LocustHistoryFormat(), "run_stats_history.csv", csv.toString());
        assertEquals(6000, p.step(10).requests());
        assertEquals(100.0, p.step(10).throughput(), 1e-9);
        assertEquals(100.0, p.step(20).throughput(), 1e-9);
    }

    /** One Aggregated row: the rates, percentiles around the given latency, and the running totals. */
    private static String history(long ts, int users, double rps, double fps, double latencyMs, double[] totals) {
        totals[0] += rps;
        totals[1] += fps;
        totals[2] += rps * latencyMs;
        double p50 = latencyMs;
        return String.format(Locale.ROOT, "%d,%d,,Aggregated,%.6f,%.6f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,"
                        + "%.0f,%.0f,%.0f,%.0f,%.0f,%.6f,4,5000,5120\n", ts, users, rps, fps, p50, p50, p50, p50,
                p50 * 1.2, p50 * 1.5, p50 * 1.8, p50 * 2, p50 * 3, p50 * 4, p50 * 5, totals[0], totals[1], p50,
                totals[2] / totals[0]);
    }
}
