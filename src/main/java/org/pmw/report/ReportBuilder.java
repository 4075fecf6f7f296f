package org.pmw.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.loadtest.StepResult;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.timeline.TimelineItem;
import org.pmw.model.ActionItem;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.Incident;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.ReportDocument;
import org.pmw.model.ReportText;
import org.pmw.model.SavedSearch;
import org.pmw.model.TimeWindow;

/**
 * Builds the postmortem from the investigation: the user's prose where written (marked placeholders where not),
 * and the generated sections, with every number and quoted event carrying the command that re-checks it.
 */
public final class ReportBuilder {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm'Z'");

    private final ReportData data;
    private final Template template;
    private final ReportDocument doc = new ReportDocument();

    private ReportBuilder(ReportData data, Template template) {
        this.data = data;
        this.template = template;
    }

    /**
     * @throws IllegalArgumentException when {@code finalVersion} and prose sections are still empty: the message
     *                                  lists them
     */
    static ReportDocument build(ReportData data, Template template, boolean finalVersion) {
        ReportBuilder b = new ReportBuilder(data, template);
        b.header();
        for (Template.Section s : template.order()) {
            b.section(s);
        }
        if (finalVersion && !b.doc.missing().isEmpty()) {
            throw new IllegalArgumentException("cannot export as final: these sections are still empty: "
                    + String.join(", ", b.doc.missing()) + ". Write them in the Report tab (or with pmw write) or export a draft.");
        }
        return b.doc;
    }

    private String local(Instant t) {
        return t == null ? "?" : LOCAL.format(t.atZone(data.zone()));
    }

    private String both(Instant t) {
        return t == null ? "?" : local(t) + " (" + utc(t) + ")";
    }

    /** "00:00Z", with its date where that is not the local date ("2005-10-11 00:00Z" for 20:00 in New York). */
    private String utc(Instant t) {
        java.time.ZonedDateTime at = t.atZone(java.time.ZoneOffset.UTC);
        boolean otherDay = !at.toLocalDate().equals(t.atZone(data.zone()).toLocalDate());
        return (otherDay ? DateTimeFormatter.ISO_LOCAL_DATE.format(at) + " " : "") + UTC.format(at);
    }

    private String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private String searchCommand(String query, TimeWindow w) {
        StringBuilder sb = new StringBuilder("pmw search " + data.projectName() + " " + quote(query));
        if (w != null && w.start() != null) {
            sb.append(" --from ").append(w.start());
        }
        if (w != null && w.end() != null) {
            sb.append(" --to ").append(w.end());
        }
        return sb.toString();
    }

    private String showCommand(String ref) {
        return "pmw show " + data.projectName() + " " + ref;
    }

    private void header() {
        Incident incident = data.incident();
        doc.add(new ReportDocument.Heading(1, "Postmortem: " + incident.getTitle()));
        List<List<ReportDocument.Span>> rows = new ArrayList<>();
        TimeWindow w = incident.outageWindow();
        rows.add(List.of(ReportDocument.text("Date"), ReportDocument.text(w == null || w.start() == null ? "?"
                : days(w))));
        rows.add(List.of(ReportDocument.text("Authors"), ReportDocument.text(incident.getAuthors().isEmpty() ? "—"
                : String.join(", ", incident.getAuthors()))));
        rows.add(List.of(ReportDocument.text("Status"), ReportDocument.text(incident.getReportStatus())));
        rows.add(List.of(ReportDocument.text("Incident window"), ReportDocument.text((w == null ? "not set (mark when the outage began and ended)"
                : both(w.start()) + " – " + both(w.end())) + ", times in " + data.zone().getId())));
        List<Marker> markers = new ArrayList<>(incident.getMarkers());
        markers.sort(java.util.Comparator.comparing(Marker::at, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())));
        for (Marker m : markers) {
            String kind = m.kind() == null ? "Marker" : MARKER_NAMES.getOrDefault(m.kind(), m.kind());
            String name = m.label() == null || m.label().isBlank() ? kind
                    : m.label().equalsIgnoreCase(kind) ? m.label() : m.label() + " (" + kind.toLowerCase(Locale.ROOT) + ")";
            rows.add(List.of(ReportDocument.text(name), ReportDocument.text(both(m.at()))));
        }
        doc.add(new ReportDocument.Table(List.of("", ""), wrap(rows)));
    }

    private static final java.util.Map<String, String> MARKER_NAMES = java.util.Map.of("outage_begins", "Outage begins",
            "detected", "Detected", "mitigated", "Mitigated", "ends", "Outage ends");

    /** The day the window starts, or its first and last days: "Sunday 9 – Monday 10 October 2005". */
    private String days(TimeWindow w) {
        java.time.ZonedDateTime from = w.start().atZone(data.zone());
        java.time.ZonedDateTime to = w.end() == null ? from : w.end().minusMillis(1).atZone(data.zone());
        DateTimeFormatter whole = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
        if (!to.toLocalDate().isAfter(from.toLocalDate())) {
            return whole.format(from);
        }
        String first = from.getYear() != to.getYear() ? whole.format(from)
                : from.getMonth() != to.getMonth() ? DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).format(from)
                : DateTimeFormatter.ofPattern("EEEE d", Locale.ENGLISH).format(from);
        return first + " – " + whole.format(to);
    }

    private static List<List<List<ReportDocument.Span>>> wrap(List<List<ReportDocument.Span>> rows) {
        List<List<List<ReportDocument.Span>>> out = new ArrayList<>();
        for (List<ReportDocument.Span> row : rows) {
            List<List<ReportDocument.Span>> cells = new ArrayList<>();
            for (ReportDocument.Span s : row) {
                cells.add(List.of(s));
            }
            out.add(cells);
        }
        return out;
    }

    private void section(Template.Section s) {
        doc.add(new ReportDocument.Heading(2, template.title(s)));
        ReportText text = data.incident().getReport();
        switch (s) {
            case SUMMARY -> prose(s, text.summary(), "What happened, in two or three sentences.");
            case IMPACT -> prose(s, text.impact(), "Who was affected, how badly and for how long.");
            case ROOT_CAUSES -> {
                prose(s, text.rootCauses(), "Why it happened; the supported hypotheses below are the evidence.");
                supportedHypotheses();
            }
            case TRIGGER -> prose(s, text.trigger(), "What set it off.");
            case RESOLUTION -> {
                prose(s, text.resolution(), "What was done to end it.");
                changes();
                outcomes();
            }
            case DETECTION -> prose(s, text.detection(), "How it was noticed, and how it could have been sooner.");
            case ACTION_ITEMS -> actionItems();
            case LESSONS -> {
                doc.add(new ReportDocument.Heading(3, "What went well"));
                prose(s, text.wentWell(), "What went well");
                doc.add(new ReportDocument.Heading(3, "What went wrong"));
                prose(s, text.wentWrong(), "What went wrong");
                doc.add(new ReportDocument.Heading(3, "Where we got lucky"));
                prose(s, text.gotLucky(), "Where we got lucky");
            }
            case TIMELINE -> timeline();
            case SUPPORTING -> supporting();
        }
    }

    private void prose(Template.Section s, String text, String hint) {
        if (text == null || text.isBlank()) {
            doc.add(new ReportDocument.Placeholder(template.title(s), hint));
            String name = s == Template.Section.LESSONS ? template.title(s) + " (" + hint + ")" : template.title(s);
            doc.markMissing(name);
            return;
        }
        for (String paragraph : text.split("\\n\\s*\\n")) {
            paragraph(paragraph);
        }
    }

    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^\\s*[-*•]\\s+(.*)$");

    /**
     * One paragraph of the user's prose. Lines starting "- ", "* " or "• " are a list, as they were typed; a line
     * after one continues its item. Other lines are joined into one paragraph.
     */
    private void paragraph(String paragraph) {
        StringBuilder para = new StringBuilder();
        List<StringBuilder> items = new ArrayList<>();
        for (String line : paragraph.strip().split("\\n")) {
            java.util.regex.Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                if (items.isEmpty() && !para.isEmpty()) {
                    doc.add(new ReportDocument.Para(List.of(ReportDocument.text(para.toString()))));
                    para.setLength(0);
                }
                items.add(new StringBuilder(bullet.group(1).strip()));
            } else if (!items.isEmpty()) {
                items.get(items.size() - 1).append(' ').append(line.strip());
            } else {
                para.append(para.isEmpty() ? "" : "\n").append(line.strip());
            }
        }
        if (!items.isEmpty()) {
            doc.add(new ReportDocument.Bullets(items.stream()
                    .map(i -> List.<ReportDocument.Span>of(ReportDocument.text(i.toString()))).toList()));
        } else if (!para.isEmpty()) {
            doc.add(new ReportDocument.Para(List.of(ReportDocument.text(para.toString()))));
        }
    }

    private void supportedHypotheses() {
        for (Hypothesis h : data.incident().getHypotheses()) {
            if (h.status().id().equals("supported")) {
                doc.add(new ReportDocument.Para(List.of(new ReportDocument.Strong(h.id() + " (supported):"), ReportDocument.text(" " + h.statement()))));
            }
        }
    }

    private void changes() {
        // in the order they were made, as a reader follows the resolution; one without a time last
        List<Change> changes = new ArrayList<>(data.incident().getChanges());
        if (changes.isEmpty()) {
            return;
        }
        changes.sort(java.util.Comparator.comparing(Change::startedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        for (Change c : changes) {
            List<ReportDocument.Span> origin = new ArrayList<>();
            origin.add(ReportDocument.text(c.origin() == null ? "" : c.origin()));
            if (c.origin() != null && c.origin().contains(":")) {
                origin.add(doc.ref(showCommand(c.origin())));
            }
            rows.add(List.of(List.of(ReportDocument.text(c.id())), List.of(ReportDocument.text(local(c.startedAt()))),
                    List.of(ReportDocument.text(c.kind())), List.of(ReportDocument.text(c.title())),
                    List.of(ReportDocument.text(c.actor() == null ? "" : c.actor())), origin));
        }
        doc.add(new ReportDocument.Heading(3, "Changes"));
        doc.add(new ReportDocument.Table(List.of("Id", "When", "Kind", "What", "By", "Record"), rows));
    }

    private void outcomes() {
        if (data.incident().getOutcomes().isEmpty()) {
            return;
        }
        doc.add(new ReportDocument.Heading(3, "Outcomes"));
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        for (Outcome o : data.incident().getOutcomes()) {
            OutcomeResult r = data.outcomes().get(o.id());
            if (r == null) {
                continue;
            }
            ReportDocument.Ref beforeRef = doc.ref(searchCommand(o.countedQuery(), o.before()));
            ReportDocument.Ref afterRef = doc.ref(searchCommand(o.countedQuery(), o.after()));
            String metric = o.denominatorQuery() == null ? o.query() + " per minute"
                    : "share of " + o.denominatorQuery() + " matching " + o.query();
            rows.add(List.of(List.of(ReportDocument.text(o.id() + " " + o.title())), List.of(new ReportDocument.Code(metric)),
                    List.of(ReportDocument.text(figure(r.before(), o.before())), beforeRef),
                    List.of(ReportDocument.text(figure(r.after(), o.after())), afterRef),
                    List.of(ReportDocument.text(r.changePct() == null ? "—" : String.format(Locale.ROOT, "%+.1f%%", r.changePct()))),
                    List.of(ReportDocument.text(r.pValue() == null ? "—" : pValue(r.pValue()))),
                    List.of(new ReportDocument.Strong(r.verdict()))));
        }
        doc.add(new ReportDocument.Table(List.of("Outcome", "Metric", "Before", "After", "Change", "p", "Verdict"), rows));
        for (Outcome o : data.incident().getOutcomes()) {
            OutcomeResult r = data.outcomes().get(o.id());
            if (r != null && r.explanation() != null) {
                doc.add(new ReportDocument.Para(List.of(new ReportDocument.Strong(o.id() + ":"), ReportDocument.text(" " + r.explanation()))));
            }
        }
    }

    private String figure(org.pmw.analysis.outcome.WindowStats s, TimeWindow w) {
        String when = w == null ? "" : " (" + local(w.start()) + " – " + local(w.end()) + ")";
        if (s.denominator() != null) {
            return String.format(Locale.ROOT, "%d of %d%s", s.count(), s.denominator(), when);
        }
        return String.format(Locale.ROOT, "%d in %.0f min = %.3f/min%s", s.count(), s.minutes() == null ? 0 : s.minutes(),
                s.ratePerMin() == null ? 0 : s.ratePerMin(), when);
    }

    private static String pValue(double p) {
        return p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    private void actionItems() {
        List<ActionItem> items = data.incident().getActionItems();
        if (items.isEmpty()) {
            doc.add(new ReportDocument.Placeholder(template.title(Template.Section.ACTION_ITEMS), "No action items yet."));
            doc.markMissing(template.title(Template.Section.ACTION_ITEMS));
            return;
        }
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        for (ActionItem a : items) {
            rows.add(List.of(List.of(ReportDocument.text(a.id())), List.of(ReportDocument.text(a.action())), List.of(ReportDocument.text(a.type())),
                    List.of(ReportDocument.text(a.owner() == null ? "" : a.owner())), List.of(ReportDocument.text(a.ticket() == null ? "" : a.ticket())),
                    List.of(ReportDocument.text(a.status() == null ? "" : a.status()))));
        }
        doc.add(new ReportDocument.Table(List.of("Id", "Action", "Type", "Owner", "Ticket", "Status"), rows));
    }

    private void timeline() {
        if (data.overview() != null && !data.overviewLanes().isEmpty()) {
            doc.add(new ReportDocument.Chart(Charts.overview(data), "Events per source over the incident window, errors in"
                    + " red; changes as green lines, incident markers dashed."));
            // the chart's own span: the evidence can reach far outside the incident window (a database log since boot)
            Instant from = Instant.ofEpochMilli(data.overview().start());
            Instant to = from.plusMillis(data.overview().bucketMillis() * data.overview().buckets());
            doc.add(new ReportDocument.Para(List.of(ReportDocument.text("The event density is counted again by the"
                    + " histogram in the footnote."), doc.ref("pmw histogram " + data.projectName() + " '*' --bucket 1h"
                    + " --from " + from + " --to " + to))));
        }
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        List<TimelineItem> items = new ArrayList<>(data.timeline());
        // at the same moment the timeline's order of kinds (an outcome after its change); a stable sort keeps the rest
        items.sort(java.util.Comparator.comparing(this::rowTime).thenComparing(TimelineItem::kind));
        for (TimelineItem item : items) {
            List<ReportDocument.Span> what = new ArrayList<>();
            what.add(ReportDocument.text(markerName(item)));
            if (item.kind().name().equals("OUTCOME") && item.detail() != null) {
                what.add(ReportDocument.text(": " + item.detail()));
            }
            if (item.kind().name().equals("STATUS_CHANGE") && item.detail() != null) {
                // the reason given for the move (and who made it): the only place the report says why
                what.add(ReportDocument.text(" — " + item.detail()));
            }
            if (item.kind().name().equals("BOOKMARK") && item.id() != null) {
                Event e = data.events().get(item.id());
                if (e != null) {
                    what.add(ReportDocument.text(": "));
                    what.add(new ReportDocument.Code(firstLine(e.raw())));
                }
                what.add(doc.ref(showCommand(item.id())));
            }
            Instant at = rowTime(item);
            rows.add(List.of(List.of(ReportDocument.text(local(at))),
                    List.of(ReportDocument.text(utc(at))),
                    List.of(ReportDocument.text(item.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))), what));
        }
        doc.add(new ReportDocument.Table(List.of(data.zone().getId(), "UTC", "Kind", "What"), rows));
    }

    /** A milestone marker without a label of its own is named as the header names it ("Outage ends", not "ends"). */
    private String markerName(TimelineItem item) {
        if (item.kind().name().equals("MARKER") && MARKER_NAMES.containsKey(item.id())
                && data.incident().getMarkers().stream().anyMatch(m -> m.kind().equals(item.id())
                        && (m.label() == null || m.label().isBlank()))) {
            return MARKER_NAMES.get(item.id());
        }
        return item.title();
    }

    /**
     * When a row happened. An outcome spans its before and after windows, and the timeline draws it so; as a row it
     * stands where the one turns into the other, when its change went live, not hours earlier where counting began.
     */
    private Instant rowTime(TimelineItem item) {
        if (item.kind().name().equals("OUTCOME")) {
            Outcome o = data.incident().getOutcomes().stream().filter(x -> x.id().equals(item.id())).findFirst()
                    .orElse(null);
            if (o != null && o.after() != null && o.after().start() != null) {
                return o.after().start();
            }
        }
        return item.at();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }

    private void supporting() {
        hypothesesTable();
        experiments();
    }

    private void hypothesesTable() {
        List<Hypothesis> hypotheses = data.incident().getHypotheses();
        if (hypotheses.isEmpty()) {
            return;
        }
        doc.add(new ReportDocument.Heading(3, "Hypotheses"));
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            List<String> deciding = data.incident().getExperiments().stream()
                    .map(e -> decision(e, h)).filter(java.util.Objects::nonNull).toList();
            rows.add(List.of(List.of(ReportDocument.text(h.id())), List.of(ReportDocument.text(h.statement())),
                    List.of(new ReportDocument.Strong(h.status().id())), evidence(h.evidenceFor()), evidence(h.evidenceAgainst()),
                    List.of(ReportDocument.text(String.join(", ", deciding)))));
        }
        doc.add(new ReportDocument.Table(List.of("Id", "Hypothesis", "Final status", "Evidence for", "Evidence against",
                "Decided by"), rows));
    }

    /**
     * "E1 (refutes)" when the experiment decided the hypothesis: it tests it (recorded with it, or linked to it
     * afterwards with pmw link E1 tests H2) and its verdict supports or refutes, or a supports or refutes link
     * says the verdict for this hypothesis; else null. A pending or inconclusive experiment decided nothing, so
     * it is left out unless such a link gives its verdict; the Experiments section still lists it.
     */
    private String decision(Experiment e, Hypothesis h) {
        String verdict = h.id().equals(e.hypothesis()) ? e.verdict() : null;
        for (org.pmw.model.Link l : data.incident().getLinks()) {
            if (l.from().equals(e.id()) && l.to().equals(h.id())) {
                if (l.type().equals("supports") || l.type().equals("refutes")) {
                    verdict = l.type();
                } else if (l.type().equals("tests") && verdict == null) {
                    verdict = e.verdict();
                }
            }
        }
        return "supports".equals(verdict) || "refutes".equals(verdict) ? e.id() + " (" + verdict + ")" : null;
    }

    private List<ReportDocument.Span> evidence(List<EvidenceRef> refs) {
        List<ReportDocument.Span> spans = new ArrayList<>();
        for (EvidenceRef r : refs) {
            if (!spans.isEmpty()) {
                spans.add(ReportDocument.text("; "));
            }
            if (r.event() != null) {
                Event e = data.events().get(r.event());
                spans.add(new ReportDocument.Code(r.event()));
                if (e != null) {
                    spans.add(ReportDocument.text(" " + firstLine(e.message())));
                }
                spans.add(doc.ref(showCommand(r.event())));
            } else {
                SavedSearch s = data.incident().getSavedSearches().stream().filter(x -> x.id().equals(r.search()))
                        .findFirst().orElse(null);
                spans.add(ReportDocument.text(s == null ? r.search() : s.id() + " " + s.name()));
                if (s != null) {
                    spans.add(doc.ref(searchCommand(s.query(), s.window())));
                }
            }
            if (r.note() != null) {
                spans.add(ReportDocument.text(" (" + r.note() + ")"));
            }
        }
        return spans;
    }

    private void experiments() {
        List<Experiment> experiments = data.incident().getExperiments();
        if (experiments.isEmpty()) {
            return;
        }
        doc.add(new ReportDocument.Heading(3, "Experiments"));
        for (Experiment e : experiments) {
            doc.add(new ReportDocument.Heading(4, e.id() + " " + e.title() + " (" + e.verdict() + ")"));
            List<ReportDocument.Span> line = new ArrayList<>();
            if (e.hypothesis() != null) {
                line.add(ReportDocument.text("Tests " + e.hypothesis() + ". "));
            }
            if (e.window() != null && e.window().start() != null) {
                line.add(ReportDocument.text("When: " + local(e.window().start())
                        + (e.window().end() == null ? "" : " – " + local(e.window().end())) + ". "));
            }
            if (e.method() != null) {
                line.add(ReportDocument.text("Method: " + e.method() + ". "));
            }
            if (e.expected() != null) {
                line.add(ReportDocument.text("Expected: " + e.expected() + ". "));
            }
            if (e.observed() != null) {
                line.add(ReportDocument.text("Observed: " + e.observed()));
            }
            searchesOf(e, line);
            doc.add(new ReportDocument.Para(line));
            for (String runId : e.loadTestRuns()) {
                RunAnalysis run = data.runs().get(runId);
                if (run != null) {
                    loadTest(run);
                }
            }
        }
    }

    /** The saved searches the experiment produced, each with the command that runs it again. */
    private void searchesOf(Experiment e, List<ReportDocument.Span> line) {
        String separator = (e.observed() == null ? "" : ". ") + "Searches: ";
        for (String id : e.searches()) {
            SavedSearch s = data.incident().getSavedSearches().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElse(null);
            line.add(ReportDocument.text(separator + (s == null ? id : s.id() + " " + s.name())));
            if (s != null) {
                line.add(doc.ref(searchCommand(s.query(), s.window())));
            }
            separator = "; ";
        }
    }

    private void loadTest(RunAnalysis run) {
        ReportDocument.Ref ref = doc.ref("pmw loadtest " + data.projectName() + " " + run.id());
        doc.add(new ReportDocument.Para(List.of(new ReportDocument.Strong("Run " + run.id() + ": " + run.name()), ref)));
        List<List<List<ReportDocument.Span>>> rows = new ArrayList<>();
        for (StepResult s : run.steps()) {
            rows.add(List.of(List.of(ReportDocument.text(Integer.toString(s.concurrency()))), List.of(ReportDocument.text(num(s.throughput(), 1))),
                    List.of(ReportDocument.text(num(s.p50Ms(), 0))), List.of(ReportDocument.text(num(s.p95Ms(), 0))),
                    List.of(ReportDocument.text(num(s.p99Ms(), 0))),
                    List.of(ReportDocument.text(s.errorRate() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", s.errorRate() * 100)))));
        }
        doc.add(new ReportDocument.Table(List.of("Concurrency", "Throughput (req/s)", "p50 ms", "p95 ms", "p99 ms",
                "Errors"), rows));
        if (run.steps().size() >= 2) {
            doc.add(new ReportDocument.Chart(Charts.loadTest(run), "Run " + run.id()
                    + ": throughput (left) and p99 latency (right) against concurrency, the USL fit dashed, the knee,"
                    + " N* and the onset of errors marked."));
        }
        if (run.saturation().summary() != null) {
            doc.add(new ReportDocument.Para(List.of(ReportDocument.text(run.saturation().summary()))));
        }
    }

    private static String num(Double d, int decimals) {
        return d == null || d.isNaN() ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
}
