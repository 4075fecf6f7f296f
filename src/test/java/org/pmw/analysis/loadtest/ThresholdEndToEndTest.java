package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.loadtest.JMeterCsvFormat;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;

/**
 * A JMeter stepping test against a server with 70 worker slots (Apache MaxClients, MySQL max_connections):
 * up to 70 users every request is served; beyond, the users without a slot get a fast 500 "Too many
 * connections". The analysis must put the threshold where the model has it.
 */
class ThresholdEndToEndTest {

    static final int SLOTS = 70;

    static String jtl(long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
                + "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n");
        long stepStart = 1128967200000L;
        for (int users = 10; users <= 120; users += 10) {
            for (int thread = 1; thread <= users; thread++) {
                long t = stepStart + random.nextInt(50);
                while (t < stepStart + 10_000) {
                    boolean served = thread <= SLOTS;
                    // served requests slow down a little with contention; refused ones fail fast
                    long elapsed = served
                            ? Math.round(100 * (1 + 0.004 * (Math.min(users, SLOTS) - 1)) * (0.8 + 0.4 * random.nextDouble()))
                            : 5 + random.nextInt(10);
                    csv.append(t).append(',').append(elapsed).append(",GET /index.php,")
                            .append(served ? "200,OK" : "500,Internal Server Error").append(",Thread Group 1-")
                            .append(thread).append(",text,").append(served).append(',')
                            .append(served ? "" : "\"Test failed: code expected to contain /200/\"")
                            .append(",5120,118,").append(users).append(',').append(users)
                            .append(",http://www.example.com/index.php,").append(elapsed).append(",0,1\n");
                    t += elapsed + (served ? 0 : 200);
                }
            }
            stepStart += 20_000;
        }
        return csv.toString();
    }

    @Test
    void theThresholdFoundIsTheOneTheDataWasMadeWith() throws IOException {
        List<LoadTestRun> runs = new ArrayList<>();
        new JMeterCsvFormat().parse(InMemoryInput.of("stress-1.jtl", jtl(20051010)),
                new ParseContext("stress-1", "stress-1.jtl", ZoneOffset.UTC, 2005, null), new ParseSink() {
                    @Override
                    public void event(Event event) {
                    }

                    @Override
                    public void loadTestRun(LoadTestRun run) {
                        runs.add(run);
                    }
                });
        RunAnalysis analysis = LoadTestAnalysis.analyse(runs.get(0));
        assertEquals(12, analysis.steps().size());
        Saturation s = analysis.saturation();
        assertEquals(80, s.errorsStartConcurrency(), s.summary());
        assertEquals(SLOTS, s.kneeConcurrency(), s.summary());
        assertTrue(s.summary().startsWith("The system starts to choke at N=80 concurrent users: errors start at N=80."),
                s.summary());
        assertTrue(analysis.steps().stream().filter(step -> step.concurrency() <= SLOTS)
                .allMatch(StepResult::littleLawOk), "back-to-back users obey N = X·R below the threshold");
    }
}
