package org.pmw.model;

import java.time.Instant;
import java.util.List;

public record Hypothesis(String id, String statement, HypothesisStatus status, List<EvidenceRef> evidenceFor,
                         List<EvidenceRef> evidenceAgainst, String notes, String author, Instant createdAt,
                         Instant updatedAt, List<StatusChange> history) {

    public Hypothesis {
        evidenceFor = evidenceFor == null ? List.of() : List.copyOf(evidenceFor);
        evidenceAgainst = evidenceAgainst == null ? List.of() : List.copyOf(evidenceAgainst);
        history = history == null ? List.of() : List.copyOf(history);
        status = status == null ? HypothesisStatus.OPEN : status;
    }
}
