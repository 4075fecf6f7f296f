package org.pmw.model;

import java.time.Instant;

/** One move of a hypothesis from one status to another, and why. */
public record StatusChange(Instant at, HypothesisStatus from, HypothesisStatus to, String reason, String by) {
}
