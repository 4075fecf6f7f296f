package org.pmw.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.ui.timeline.TimelineView.MarkerLabel;
import org.pmw.ui.timeline.TimelineView.RecordLabel;

/** Where the timeline writes its labels, so none is drawn over another and none is lost without a trace. */
class TimelineLabelsTest {

    @Test
    void markersTooCloseForTheirOwnLabelAreCountedOnTheOneBefore() {
        // "Outage begins" and "Errors noticed" 25 minutes apart are 6 px apart at two days across 1,100 px
        double[] xs = {400, 406, 412, 700};
        double[] widths = {80, 80, 80, 60};
        List<MarkerLabel> placed = TimelineView.placeMarkerLabels(xs, widths, 14, 1000);
        assertEquals(List.of(new MarkerLabel(0, 403, 2), new MarkerLabel(3, 703, 0)), placed);
    }

    @Test
    void aMarkerNearTheRightEdgeIsLabelledOnItsLeft() {
        List<MarkerLabel> placed = TimelineView.placeMarkerLabels(new double[] {100, 960}, new double[] {80, 80}, 14,
                1000);
        assertEquals(List.of(new MarkerLabel(0, 103, 0), new MarkerLabel(1, 877, 0)), placed);
    }

    @Test
    void aLabelLeftOfItsLineStillGivesWayToTheCountOfTheOneBefore() {
        // the second fits neither right (edge) nor left (into the first label and its "+1")
        List<MarkerLabel> placed = TimelineView.placeMarkerLabels(new double[] {800, 805, 890},
                new double[] {80, 80, 70}, 14, 1000);
        assertEquals(List.of(new MarkerLabel(0, 803, 2)), placed);
    }

    @Test
    void theSelectedRecordsLabelIsShownAndItsNeighboursInTheLaneGiveWay() {
        RecordLabel before = new RecordLabel("C6 Nightly export: skip cancelled orders", 300, 10, null, 0, 220, false);
        RecordLabel selected = new RecordLabel("C7 Nightly order export: skip cancelled orders", 480, 10, null, 0, 240,
                true);
        RecordLabel farAway = new RecordLabel("C1 Release 1.14.2", 900, 10, null, 0, 100, false);
        RecordLabel otherLane = new RecordLabel("E3 Load test before any change", 480, 30, null, 1, 180, false);
        assertEquals(List.of(selected, farAway, otherLane),
                TimelineView.giveWayToSelected(List.of(before, selected, farAway, otherLane)));
        assertEquals(List.of(before, farAway), TimelineView.giveWayToSelected(List.of(before, farAway)),
                "without a selection nothing moves");
    }

    @Test
    void spansThatOverlapInALaneShareItInRows() {
        TimelineItem o1 = new TimelineItem("O1", "Outcomes", 0, 100, "O1 Segfaults", null, List.of());
        TimelineItem o2 = new TimelineItem("O2", "Outcomes", 0, 100, "O2 Share of 5xx", null, List.of());
        TimelineItem o3 = new TimelineItem("O3", "Outcomes", 150, 200, "O3 Later", null, List.of());
        TimelineItem e1 = new TimelineItem("E1", "Experiments", 50, 90, "E1 Load test", null, List.of());
        TimelineItem c1 = new TimelineItem("C1", "Changes", 60, 60, "C1 Release", null, List.of());
        var strips = TimelineView.strips(List.of(o1, o2, o3, e1, c1));
        assertEquals(new TimelineView.Strip(0, 2), strips.get("O1"));
        assertEquals(new TimelineView.Strip(1, 2), strips.get("O2"));
        assertEquals(new TimelineView.Strip(0, 2), strips.get("O3"), "a later span takes the first free row");
        assertEquals(new TimelineView.Strip(0, 1), strips.get("E1"), "another lane has its own rows");
        assertEquals(null, strips.get("C1"), "a point is not a span");
    }
}
