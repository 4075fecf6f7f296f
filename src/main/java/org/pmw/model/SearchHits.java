package org.pmw.model;

import java.util.List;


/** The exact number of matching events, the first of them in the requested order, and the time taken. */
public record SearchHits(long total, List<Event> events, double tookMs) {
}
