package org.pmw.ui.timeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pmw.app.Project;
import org.pmw.model.Change;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.Incident;
import org.pmw.model.LaneDensity;
import org.pmw.model.Link;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.SourceFile;
import org.pmw.model.StatusChange;
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
        return project.laneDensity("*", Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), buckets);
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

    /** Changes, experiments, hypothesis status changes, outcomes and markers, with their links. */
    public static List<TimelineItem> items(Incident incident) {
        List<TimelineItem> items = new ArrayList<>();
        for (Change c : incident.getChanges()) {
            if (c.startedAt() == null) {
                continue;
            }
            long start = c.startedAt().toEpochMilli();
            long end = c.endedAt() == null ? start : c.endedAt().toEpochMilli();
            items.add(new TimelineItem(c.id(), "Changes", start, end, c.id() + " " + c.title(),
                    c.kind() + ": " + c.title(), linksOf(incident, c.id())));
        }
        for (Experiment e : incident.getExperiments()) {
            if (e.window() == null || e.window().start() == null) {
                continue;
            }
            long start = e.window().start().toEpochMilli();
            long end = e.window().end() == null ? start : e.window().end().toEpochMilli();
            List<String> links = new ArrayList<>(linksOf(incident, e.id()));
            if (e.hypothesis() != null) {
                links.add(e.hypothesis());
            }
            items.add(new TimelineItem(e.id(), "Experiments", start, end, e.id() + " " + e.title(),
                    e.title() + (e.verdict() == null ? "" : " (" + e.verdict() + ")"), links));
        }
        for (Hypothesis h : incident.getHypotheses()) {
            int n = 0;
            for (StatusChange sc : h.history()) {
                if (sc.at() == null) {
                    continue;
                }
                String id = n++ == h.history().size() - 1 ? h.id() : h.id() + "#" + n;
                items.add(new TimelineItem(id, "Hypotheses", sc.at().toEpochMilli(), sc.at().toEpochMilli(),
                        h.id() + " " + sc.to().id(), h.statement(), linksOf(incident, h.id())));
            }
        }
        for (Outcome o : incident.getOutcomes()) {
            if (o.after() == null || o.after().start() == null) {
                continue;
            }
            long start = o.after().start().toEpochMilli();
            long end = o.after().end() == null ? start : o.after().end().toEpochMilli();
            List<String> links = new ArrayList<>(linksOf(incident, o.id()));
            links.addAll(o.changes());
            items.add(new TimelineItem(o.id(), "Outcomes", start, end, o.id() + " " + o.title(),
                    o.verdict() == null ? o.title() : o.title() + ": " + o.verdict(), links));
        }
        int m = 0;
        for (Marker marker : incident.getMarkers()) {
            items.add(new TimelineItem("M" + (++m), "Markers", marker.at().toEpochMilli(), marker.at().toEpochMilli(),
                    marker.label() == null ? marker.kind().replace('_', ' ') : marker.label(), marker.kind(), List.of()));
        }
        return items;
    }

    private static List<String> linksOf(Incident incident, String id) {
        List<String> out = new ArrayList<>();
        for (Link l : incident.getLinks()) {
            if (l.from().equals(id)) {
                out.add(l.to());
            } else if (l.to().equals(id)) {
                out.add(l.from());
            }
        }
        return out;
    }
}
