package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What {@code pmw loadtest} prints: every run analysed. */
public record LoadTestReport(@JsonProperty("runs") List<RunAnalysis> runs) {

    public LoadTestReport {
        runs = List.copyOf(runs);
    }
}
