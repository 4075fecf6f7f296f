package org.pmw.analysis.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A load-test run, its steps by concurrency and where it saturates. Times are ISO-8601 UTC, or null. */
@JsonPropertyOrder({"id", "name", "format", "sources", "started_at", "ended_at", "notes", "steps", "saturation"})
public record RunAnalysis(@JsonProperty("id") String id,
                          @JsonProperty("name") String name,
                          @JsonProperty("format") String format,
                          @JsonProperty("sources") List<String> sources,
                          @JsonProperty("started_at") String startedAt,
                          @JsonProperty("ended_at") String endedAt,
                          @JsonProperty("notes") List<String> notes,
                          @JsonProperty("steps") List<StepResult> steps,
                          @JsonProperty("saturation") Saturation saturation) {
}
