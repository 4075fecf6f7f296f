package org.pmw.ui.timeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.pmw.app.InvestigationQueries;
import org.pmw.app.Project;
import org.pmw.model.Incident;
import org.pmw.model.LaneDensity;
import org.pmw.model.SourceFile;
import org.pmw.model.TimeWindow;

/** What the timeline shows for a project: the lanes, their density in the visible window, and the records. */
public final class TimelineViewModel {

    private TimelineViewModel() {
    }

    /** Sources that have events, in manifest order. */
    public static List<String> lanes(Incident incident) {
        return incident.getSources().stream().filter(s -> s.events() > 0).map(SourceFile::id).toList();
    }

    public static LaneDensity density(Project project, long start, long end, int buckets) throws IOException {
        return density(project, "*", start, end, buckets);
    }

    /** The lanes' density of the events {@code query} matches: the search on screen, over time and by file. */
    public static LaneDensity density(Project project, String query, long start, long end, int buckets)
            throws IOException {
        return project.laneDensity(query, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), buckets);
    }

    /** The full span: the incident window if set, else the span of the events. */
    public static long[] fullRange(Project project) throws IOException {
        TimeWindow window = project.incident().getWindow();
        if (window != null && window.start() != null && window.end() != null) {
            return new long[] {window.start().toEpochMilli(), window.end().toEpochMilli()};
        }
        TimeWindow span = project.eventSpan();
        if (span == null) {
            long now = System.currentTimeMillis();
            return new long[] {now - 3_600_000, now};
        }
        long pad = Math.max(60_000, (span.end().toEpochMilli() - span.start().toEpochMilli()) / 50);
        return new long[] {span.start().toEpochMilli() - pad, span.end().toEpochMilli() + pad};
    }

    /**
     * Changes, experiments, hypothesis status changes, outcomes and markers, with their links: the records of
     * the investigation's timeline, each in its lane. A hypothesis has an item per status change; the latest
     * carries the hypothesis id (so selecting H3 selects its current status), earlier ones H3#1, H3#2...
     */
    public static List<TimelineItem> items(Incident incident) {
        List<InvestigationQueries.Entry> entries = InvestigationQueries.records(incident);
        Map<String, Integer> statusChanges = new HashMap<>();
        for (InvestigationQueries.Entry e : entries) {
            if (e.kind().equals("status_change")) {
                statusChanges.merge(e.id(), 1, Integer::sum);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<TimelineItem> items = new ArrayList<>();
        int markers = 0;
        for (InvestigationQueries.Entry e : entries) {
            long start = e.at().toEpochMilli();
            long end = e.end() == null ? start : e.end().toEpochMilli();
            String detail = e.detail() == null ? e.title() : e.title() + "\n" + e.detail();
            switch (e.kind()) {
                case "change" -> items.add(new TimelineItem(e.id(), "Changes", start, end, e.id() + " " + e.title(),
                        detail, e.linked()));
                case "experiment" -> items.add(new TimelineItem(e.id(), "Experiments", start, end,
                        e.id() + " " + e.title(), detail, e.linked()));
                case "outcome" -> items.add(new TimelineItem(e.id(), "Outcomes", start, end, e.id() + " " + e.title(),
                        detail, e.linked()));
                case "status_change" -> {
                    int n = seen.merge(e.id(), 1, Integer::sum);
                    String id = n == statusChanges.get(e.id()) ? e.id() : e.id() + "#" + n;
                    // the title is "H3 testing → supported: statement"; the lane has room for the first part
                    int colon = e.title().indexOf(": ");
                    String label = colon < 0 ? e.title() : e.title().substring(0, colon);
                    items.add(new TimelineItem(id, "Hypotheses", start, end, label, detail, e.linked()));
                }
                // the hover says the marker's own words first, then which milestone it is
                case "marker" -> items.add(new TimelineItem("M" + (++markers), "Markers", start, end, e.title(),
                        e.title().equals(e.id()) ? e.title() : e.title() + " (" + e.id().replace('_', ' ') + ")",
                        List.of()));
                default -> {
                    // bookmarks are shown in the evidence table, not as timeline records
                }
            }
        }
        return items;
    }
}
