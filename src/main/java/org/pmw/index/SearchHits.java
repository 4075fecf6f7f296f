package org.pmw.index;

import java.util.List;
import org.pmw.model.Event;

/** The exact number of matching events, the first of them in the requested order, and the time taken. */
public record SearchHits(long total, List<Event> events, double tookMs) {
}
