package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouping accuracy on the Loghub 2k datasets (Zhu et al., ISSRE 2023) when they are next to the project. */
class LoghubEvaluationTest {

    /** What the default settings reach, minus 0.01 of slack. */
    private static final Map<String, Double> FLOORS = Map.of(
            "HDFS", 0.99, "Hadoop", 0.983, "Spark", 0.989, "Zookeeper", 0.985,
            "BGL", 0.971, "HPC", 0.923, "Thunderbird", 0.965, "Windows", 0.99);

    @Test
    void groupingAccuracyCountsOnlyLinesWhoseGroupIsExactlyRight() {
        // predicted a = lines 0,1 (truth X,X; X has 3 lines) -> wrong; b = line 2 alone but X -> wrong;
        // c = lines 3,4 = all of Y -> right; d = line 5 = all of Z -> right
        List<String> predicted = List.of("a", "a", "b", "c", "c", "d");
        List<String> truth = List.of("X", "X", "X", "Y", "Y", "Z");
        assertEquals(3.0 / 6.0, LoghubEvaluation.groupingAccuracy(predicted, truth), 1e-12);
        // merging two true groups makes both wrong
        assertEquals(0.0, LoghubEvaluation.groupingAccuracy(List.of("a", "a"), List.of("X", "Y")), 1e-12);
    }

    @Test
    void reachesTheFloorOnEveryLoghubDataset() throws IOException {
        Path root = Path.of("../shared/loghub-dev");
        Assumptions.assumeTrue(Files.isDirectory(root), "Loghub datasets not at " + root.toAbsolutePath());
        List<LoghubEvaluation.Result> results = LoghubEvaluation.evaluateAll(root,
                PatternMiner.Settings.defaults());
        assertEquals(FLOORS.size(), results.size(), "datasets found: " + results);
        for (LoghubEvaluation.Result r : results) {
            assertEquals(2000, r.lines(), r.dataset());
            assertTrue(r.accuracy() >= FLOORS.get(r.dataset()), r.dataset() + " accuracy " + r.accuracy());
        }
    }
}
