package org.pmw.model;

import java.time.Instant;

/** An incident marker: outage_begins, detected, mitigated, ends, or a custom label. */
public record Marker(String kind, Instant at, String label) {
}
