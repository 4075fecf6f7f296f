package org.pmw.analysis.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.pmw.model.Bookmark;
import org.pmw.model.Change;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.StatusChange;

/**
 * Everything that happened and was done in an incident, in time order: changes, experiments, hypothesis
 * status changes, outcomes, bookmarked events and incident markers, each with its relations. The UI's
 * timeline and the report both draw from this one list.
 *
 * <p>Left off, because they have no place in time: changes without a start, experiments without a window
 * start, outcomes without a before-window start, and bookmarks whose event time {@link EventTimes} does not
 * know. Items at the same instant sort by {@link TimelineKind}, then id.
 */
public final class TimelineModel {

    private static final Comparator<TimelineItem> ORDER = Comparator.comparing(TimelineItem::at)
            .thenComparing(TimelineItem::kind).thenComparing(TimelineItem::id);

    private final List<TimelineItem> items;

    private TimelineModel(List<TimelineItem> items) {
        this.items = List.copyOf(items);
    }

    /** A time on the incident's clock, as its people read it: {@code 2005-10-10 08:00 EDT}. */
    private static String local(java.time.Instant at, Incident incident) {
        if (at == null) {
            return "…";
        }
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(incident.getZone());
        } catch (RuntimeException e) {
            zone = java.time.ZoneOffset.UTC;
        }
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH)
                .format(at.atZone(zone));
    }

    /** The ordered items, without bookmarks (no event times without an index). */
    public static List<TimelineItem> build(Incident incident) {
        return build(incident, EventTimes.none());
    }

    public static List<TimelineItem> build(Incident incident, EventTimes eventTimes) {
        return of(incident, eventTimes).items();
    }

    public static TimelineModel of(Incident incident, EventTimes eventTimes) {
        List<Link> relations = relations(incident);
        List<TimelineItem> items = new ArrayList<>();
        for (Change c : incident.getChanges()) {
            if (c.startedAt() == null) {
                continue;
            }
            items.add(new TimelineItem(c.startedAt(), c.endedAt(), TimelineKind.CHANGE, c.id(), c.title(),
                    changeDetail(c), linksOf(relations, c.id())));
        }
        for (Experiment e : incident.getExperiments()) {
            if (e.window() == null || e.window().start() == null) {
                continue;
            }
            items.add(new TimelineItem(e.window().start(), e.window().end(), TimelineKind.EXPERIMENT, e.id(),
                    e.title(), experimentDetail(e), linksOf(relations, e.id())));
        }
        for (Hypothesis h : incident.getHypotheses()) {
            for (StatusChange s : h.history()) {
                String title = h.id() + " " + s.from().id() + " \u2192 " + s.to().id() + ": " + h.statement();
                String detail = s.reason() + (s.by() == null ? "" : " (" + s.by() + ")");
                items.add(new TimelineItem(s.at(), null, TimelineKind.STATUS_CHANGE, h.id(), title, detail,
                        linksOf(relations, h.id())));
            }
        }
        for (Outcome o : incident.getOutcomes()) {
            if (o.before() == null || o.before().start() == null) {
                continue;
            }
            String detail = "before " + local(o.before().start(), incident) + " to " + local(o.before().end(), incident)
                    + ", after " + local(o.after().start(), incident) + " to " + local(o.after().end(), incident)
                    + (o.verdict() == null ? "" : "; " + o.verdict());
            items.add(new TimelineItem(o.before().start(), o.after().end(), TimelineKind.OUTCOME, o.id(), o.title(),
                    detail, linksOf(relations, o.id())));
        }
        for (Bookmark b : incident.getBookmarks()) {
            Optional<Instant> at = eventTimes.timeOf(b.event());
            if (at.isEmpty()) {
                continue;
            }
            String title = b.comment() != null ? b.comment() : (b.starred() ? "starred " : "") + b.event();
            String detail = b.tags().isEmpty() ? null : "tags: " + String.join(", ", b.tags());
            items.add(new TimelineItem(at.get(), null, TimelineKind.BOOKMARK, b.event(), title, detail, List.of()));
        }
        for (Marker m : incident.getMarkers()) {
            boolean custom = "custom".equals(m.kind());
            String id = custom ? m.label() : m.kind();
            String title = m.label() != null ? m.label() : m.kind().replace('_', ' ');
            items.add(new TimelineItem(m.at(), null, TimelineKind.MARKER, id, title, null, List.of()));
        }
        items.sort(ORDER);
        return new TimelineModel(items);
    }

    /**
     * Every relation between records: the user's links plus those held in record fields (experiment tests
     * hypothesis, change addresses hypothesis, outcome evaluates change), without duplicates.
     */
    public static List<Link> relations(Incident incident) {
        Set<Link> all = new LinkedHashSet<>(incident.getLinks());
        for (Experiment e : incident.getExperiments()) {
            if (e.hypothesis() != null) {
                all.add(new Link(e.id(), "tests", e.hypothesis()));
            }
        }
        for (Change c : incident.getChanges()) {
            if (c.hypothesis() != null) {
                all.add(new Link(c.id(), "addresses", c.hypothesis()));
            }
        }
        for (Outcome o : incident.getOutcomes()) {
            for (String c : o.changes()) {
                all.add(new Link(o.id(), "evaluates", c));
            }
        }
        return List.copyOf(all);
    }

    public List<TimelineItem> items() {
        return items;
    }

    /** Items touching [from, to); either end may be null for unbounded. */
    public List<TimelineItem> overlapping(Instant from, Instant to) {
        return items.stream().filter(i -> i.overlaps(from, to)).toList();
    }

    public List<TimelineItem> ofKind(TimelineKind... kinds) {
        List<TimelineKind> wanted = Arrays.asList(kinds);
        return items.stream().filter(i -> wanted.contains(i.kind())).toList();
    }

    /** The items of a record and of every record linked to it. */
    public List<TimelineItem> about(String id) {
        return items.stream().filter(i -> i.id().equals(id)
                || i.links().stream().anyMatch(l -> l.from().equals(id) || l.to().equals(id))).toList();
    }

    private static List<Link> linksOf(List<Link> relations, String id) {
        return relations.stream().filter(l -> l.from().equals(id) || l.to().equals(id)).toList();
    }

    private static String changeDetail(Change c) {
        StringJoiner j = new StringJoiner("; ");
        j.add(c.kind());
        String where = c.service() != null && c.target() != null ? c.service() + " on " + c.target()
                : c.service() != null ? c.service() : c.target();
        if (where != null) {
            j.add(where);
        }
        if (c.actor() != null) {
            j.add("by " + c.actor());
        }
        if (c.revision() != null) {
            j.add("revision " + c.revision());
        }
        if (c.status() != null) {
            j.add(c.status());
        }
        return j.toString();
    }

    private static String experimentDetail(Experiment e) {
        StringJoiner j = new StringJoiner("; ");
        if (e.hypothesis() != null) {
            j.add("tests " + e.hypothesis());
        }
        j.add("verdict " + (e.verdict() == null ? "pending" : e.verdict()));
        if (!e.loadTestRuns().isEmpty()) {
            j.add("load-test runs " + String.join(", ", e.loadTestRuns()));
        }
        return j.toString();
    }
}
