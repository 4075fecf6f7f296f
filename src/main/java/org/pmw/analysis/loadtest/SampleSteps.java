package org.pmw.analysis.loadtest;

import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.loadtest.StepAggregator;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.LoadTestStep;

/**
 * Steps recomputed from sample events (as stored in the index), for example with other Apdex thresholds than
 * the import used. Uses the same grouping as the import ({@link StepAggregator}): by {@code threads}, leaving
 * out short-lived levels. Sub-results, JMeter transaction totals, Gatling groups and interval rows (no
 * {@code duration_ms}) are not samples of the steps and are passed over.
 */
public final class SampleSteps {

    private SampleSteps() {
    }

    /**
     * @param notes receives what was left out and why
     */
    public static List<LoadTestStep> fromEvents(Iterable<Event> events, double apdexSatisfiedMs,
                                                double apdexToleratedMs, List<String> notes) {
        StepAggregator steps = new StepAggregator(apdexSatisfiedMs, apdexToleratedMs);
        for (Event e : events) {
            if (e.kind() != EventKind.SAMPLE || e.fields().containsKey("sub_result")
                    || e.fields().containsKey("transaction_total") || e.fields().containsKey("record")) {
                continue;
            }
            Object duration = e.fields().get("duration_ms");
            if (!(duration instanceof Number d)) {
                continue;
            }
            Object threads = e.fields().get("threads");
            int concurrency = threads instanceof Number t ? t.intValue() : 0;
            boolean success = !"false".equals(e.fields().get("success"));
            // k6 stamps the end of a request, the other formats its start: either way a step's window is the
            // span of the stamps, so the event's time serves as both
            steps.add(concurrency, e.ts(), d.doubleValue(), success);
        }
        return new ArrayList<>(steps.steps(notes));
    }
}
