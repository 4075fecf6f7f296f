package org.pmw.model;

import java.util.List;

/**
 * What was done to test a hypothesis.
 *
 * @param verdict supports, refutes, inconclusive or pending
 */
public record Experiment(String id, String title, String method, String hypothesis, TimeWindow window,
                         List<String> loadTestRuns, List<String> searches, String expected, String observed,
                         String verdict, String author) {

    public Experiment {
        loadTestRuns = loadTestRuns == null ? List.of() : List.copyOf(loadTestRuns);
        searches = searches == null ? List.of() : List.copyOf(searches);
    }
}
