package org.pmw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.outcome.OutcomeStatistics;
import org.pmw.analysis.timeline.TimelineItem;
import org.pmw.analysis.timeline.TimelineModel;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.Outcome;

/** Read-only views of the investigation: measured outcomes and the timeline. */
public final class InvestigationQueries {

    private InvestigationQueries() {
    }

    /**
     * An outcome measured against the index now: the query and windows it counts (so a reader can re-run
     * them with {@code pmw search}), both rates, the change and whether it is real.
     */
    public static Map<String, Object> measure(Project project, String outcomeId) throws IOException {
        Outcome o = project.incident().getOutcomes().stream().filter(x -> x.id().equals(outcomeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome " + outcomeId + " (known: "
                        + String.join(", ", project.incident().getOutcomes().stream().map(Outcome::id).toList()) + ")"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("title", o.title());
        m.put("changes", o.changes());
        m.put("query", o.query());
        m.put("denominator_query", o.denominatorQuery());
        m.put("counted_query", o.countedQuery());
        m.put("before_window", window(o.before()));
        m.put("after_window", window(o.after()));
        OutcomeResult r = result(project, o);
        m.put("before", r.before());
        m.put("after", r.after());
        m.put("change_pct", r.changePct());
        m.put("p_value", r.pValue());
        m.put("test", r.test());
        m.put("verdict", r.verdict());
        m.put("expected_after", r.expectedAfter());
        m.put("p_zero_after", r.pZeroAfter());
        m.put("explanation", r.explanation());
        return m;
    }

    /** Whether the outcome has a before and an after window with both ends, so it can be measured. */
    static boolean measurable(Outcome o) {
        return o.before() != null && o.after() != null && o.before().start() != null && o.before().end() != null
                && o.after().start() != null && o.after().end() != null;
    }

    static OutcomeResult result(Project project, Outcome o) throws IOException {
        if (!measurable(o)) {
            throw new IllegalArgumentException("outcome " + o.id() + " needs a before and an after window with both ends");
        }
        long b = project.count(o.countedQuery(), o.before().start(), o.before().end());
        long a = project.count(o.countedQuery(), o.after().start(), o.after().end());
        double bm = o.before().duration().toMillis() / 60_000.0;
        double am = o.after().duration().toMillis() / 60_000.0;
        if (o.denominatorQuery() == null) {
            return OutcomeStatistics.compareRates(b, bm, a, am);
        }
        return OutcomeStatistics.compareRatios(b, project.count(o.denominatorQuery(), o.before().start(),
                o.before().end()), bm, a, project.count(o.denominatorQuery(), o.after().start(), o.after().end()), am);
    }

    private static Map<String, String> window(org.pmw.model.TimeWindow w) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", w == null || w.start() == null ? null : w.start().toString());
        m.put("to", w == null || w.end() == null ? null : w.end().toString());
        return m;
    }

    /**
     * One line of the timeline.
     *
     * @param links  every relation of the record, as "from type to"
     * @param linked the ids at the other end of those relations
     */
    public record Entry(Instant at, Instant end, String kind, String id, String title, String detail,
                        List<String> links, List<String> linked) {
    }

    /** Everything that happened and was done, in time order, with bookmarked events placed by their time. */
    public static List<Entry> timeline(Project project) {
        return entries(TimelineModel.build(project.incident(), ref -> eventTime(project, ref)));
    }

    /**
     * The investigation's records in time order, without bookmarks: what the window's timeline draws. Reads
     * only the incident, so it is cheap enough to call whenever the view moves.
     */
    public static List<Entry> records(Incident incident) {
        return entries(TimelineModel.build(incident));
    }

    private static List<Entry> entries(List<TimelineItem> items) {
        List<Entry> entries = new ArrayList<>();
        for (TimelineItem item : items) {
            List<String> linked = new ArrayList<>();
            for (Link l : item.links()) {
                String other = l.from().equals(item.id()) ? l.to() : l.from();
                if (!linked.contains(other)) {
                    linked.add(other);
                }
            }
            entries.add(new Entry(item.at(), item.end(), item.kind().id(), item.id(), item.title(), item.detail(),
                    item.links().stream().map(l -> l.from() + " " + l.type() + " " + l.to()).toList(), linked));
        }
        return entries;
    }

    private static Optional<Instant> eventTime(Project project, String ref) {
        try {
            return project.event(ref).map(e -> Instant.ofEpochMilli(e.ts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
