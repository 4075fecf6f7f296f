package org.pmw.ui.timeline;

import java.util.List;

/**
 * Something drawn on the timeline besides event density: a change (marker), an experiment (bar), a status
 * change of a hypothesis, an outcome, or an incident marker (a line across all lanes).
 *
 * @param lane  the lane it is drawn in: Changes, Experiments, Hypotheses, Outcomes or Markers
 * @param end   epoch ms, or the same as start for a point
 * @param links ids of items it is linked to (drawn as arrows when it is selected)
 */
public record TimelineItem(String id, String lane, long start, long end, String label, String detail,
                           List<String> links) {

    /** The record it shows: H3 for each of H3's status changes (H3#1, H3#2... and H3). */
    public String record() {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }
}
