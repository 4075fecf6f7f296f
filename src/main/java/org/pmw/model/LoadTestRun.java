package org.pmw.model;

import java.time.Instant;
import java.util.List;

/** A load-test run (one file, or a series of files at different concurrency) and its steps. */
public record LoadTestRun(String id, String name, String format, List<String> sources, Instant startedAt,
                          Instant endedAt, List<LoadTestStep> steps, List<String> notes) {

    public LoadTestRun {
        sources = sources == null ? List.of() : List.copyOf(sources);
        steps = steps == null ? List.of() : List.copyOf(steps);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
