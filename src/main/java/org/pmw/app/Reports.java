package org.pmw.app;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmw.analysis.loadtest.LoadTestAnalysis;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.timeline.TimelineItem;
import org.pmw.analysis.timeline.TimelineModel;
import org.pmw.model.Bitmap;
import org.pmw.model.Bookmark;
import org.pmw.model.Event;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Hypothesis;
import org.pmw.model.LaneDensity;
import org.pmw.model.LoadTestRun;
import org.pmw.model.Outcome;
import org.pmw.model.ReportDocument;
import org.pmw.model.SourceFile;
import org.pmw.model.TimeWindow;
import org.pmw.report.PostmortemReport;
import org.pmw.report.ReportData;
import org.pmw.report.Template;

/** The postmortem report of a project: the figures are measured here, against the index, then rendered. */
public final class Reports {

    /** Sources drawn in the report's overview chart, the busiest first. */
    static final int OVERVIEW_LANES = 14;
    private static final int OVERVIEW_BUCKETS = 240;

    private Reports() {
    }

    /** Refuses a format the export does not write, naming those it does. */
    public static void checkFormat(String format) {
        PostmortemReport.Format.of(format);
    }

    /** Renders the report; {@code format} is md, html or pdf, {@code template} sre, pagerduty or atlassian. */
    public static byte[] render(Project project, String format, String template, boolean finalVersion)
            throws IOException {
        return render(project, project.incident(), format, template, finalVersion);
    }

    /**
     * Renders from {@code incident}, a copy of the project's investigation (see {@link Project#copyOfIncident}),
     * so a report can be drawn in the background while the window goes on editing the original.
     */
    public static byte[] render(Project project, org.pmw.model.Incident incident, String format, String template,
                                boolean finalVersion) throws IOException {
        return PostmortemReport.render(data(project, incident), PostmortemReport.Format.of(format),
                Template.of(template), finalVersion);
    }

    /** The report as a document, as the window's preview draws it; {@code incident} as for {@link #render}. */
    public static ReportDocument document(Project project, org.pmw.model.Incident incident, String template)
            throws IOException {
        return PostmortemReport.document(data(project, incident, new Measurements()), Template.of(template));
    }

    /**
     * {@link #document}, taking what was measured against the index for an earlier document from
     * {@code measured} when the evidence has not changed since, and leaving there what it measures.
     */
    public static ReportDocument document(Project project, org.pmw.model.Incident incident, String template,
                                          Measurements measured) throws IOException {
        return PostmortemReport.document(data(project, incident, measured), Template.of(template));
    }

    /**
     * What a report measures against the index (the overview's density, each outcome's counts, the quoted events)
     * and each load-test run's analysis, kept from one document to the next: a preview that follows every edit
     * then queries the index again only after the evidence changed (an import, a re-time), or for what is new.
     * One document is made from it at a time.
     */
    public static final class Measurements {
        private Project project;
        private List<SourceFile> sources;
        /** The index's version when it was measured: a re-time changes no source's count, only its events. */
        private long version = -1;
        private final Map<Outcome, OutcomeResult> outcomes = new HashMap<>();
        private final Map<LoadTestRun, RunAnalysis> runs = new HashMap<>();
        private final Map<TimeWindow, LaneDensity> overviews = new HashMap<>();
        private final Map<String, java.util.Optional<Event>> quoted = new HashMap<>();

        /** Forgets what was measured when the project or its evidence is not the one it was measured on. */
        synchronized void useFor(Project project, org.pmw.model.Incident incident) throws IOException {
            // the version and not the sources alone: the sources of a copy taken while an import or a re-time
            // commits its events already say what the index will hold, not what it held when measured
            long versionNow = project.indexVersion();
            if (project != this.project || !incident.getSources().equals(sources) || versionNow != version) {
                outcomes.clear();
                runs.clear();
                overviews.clear();
                quoted.clear();
                this.project = project;
                this.sources = List.copyOf(incident.getSources());
                this.version = versionNow;
            }
        }

        synchronized OutcomeResult outcome(Outcome o) throws IOException {
            OutcomeResult r = outcomes.get(o);
            if (r == null) {
                r = InvestigationQueries.result(project, o);
                outcomes.put(o, r);
            }
            return r;
        }

        synchronized RunAnalysis run(LoadTestRun run) {
            return runs.computeIfAbsent(run, LoadTestAnalysis::analyse);
        }

        synchronized LaneDensity overview(TimeWindow span) throws IOException {
            LaneDensity d = overviews.get(span);
            if (d == null) {
                // only the latest window is worth keeping: a moved marker does not come back often
                overviews.clear();
                d = project.laneDensity("*", span.start(), span.end(), OVERVIEW_BUCKETS);
                overviews.put(span, d);
            }
            return d;
        }

        synchronized java.util.Optional<Event> event(String ref) {
            return quoted.computeIfAbsent(ref, r -> Reports.event(project, r));
        }

        /** Whether anything was measured for the current evidence, for tests. */
        synchronized int measured() {
            return outcomes.size() + runs.size() + overviews.size() + quoted.size();
        }
    }

    /** The document as the Markdown export writes it. */
    public static String markdown(ReportDocument doc) {
        return PostmortemReport.markdown(doc);
    }

    /** A chart of the report drawn {@code width} pixels wide, its height in proportion. */
    public static Bitmap chart(ReportDocument.Chart chart, int width) throws IOException {
        return PostmortemReport.chart(chart.svg(), width);
    }

    /** The prose sections still to be written. */
    public static List<String> missingSections(Project project, org.pmw.model.Incident incident, String template)
            throws IOException {
        return PostmortemReport.missingSections(data(project, incident), Template.of(template));
    }

    static ReportData data(Project project, org.pmw.model.Incident incident) throws IOException {
        return data(project, incident, new Measurements());
    }

    private static ReportData data(Project project, org.pmw.model.Incident incident, Measurements measured)
            throws IOException {
        measured.useFor(project, incident);
        Map<String, OutcomeResult> outcomes = new LinkedHashMap<>();
        for (Outcome o : incident.getOutcomes()) {
            // an outcome without both windows has no figures yet; the report lists it without them
            if (InvestigationQueries.measurable(o)) {
                outcomes.put(o.id(), measured.outcome(o));
            }
        }
        Map<String, RunAnalysis> runs = new LinkedHashMap<>();
        for (LoadTestRun run : incident.getLoadTestRuns()) {
            runs.put(run.id(), measured.run(run));
        }
        TimeWindow span = incident.getWindow() != null ? incident.getWindow() : project.eventSpan();
        LaneDensity overview = null;
        List<String> lanes = new ArrayList<>();
        if (span != null && span.start() != null && span.end() != null) {
            overview = measured.overview(span);
            incident.getSources().stream().filter(s -> s.events() > 0 && !s.category().equals("changes"))
                    .sorted(Comparator.comparingLong(SourceFile::events).reversed()).limit(OVERVIEW_LANES)
                    .map(SourceFile::id).forEach(lanes::add);
            List<String> manifestOrder = incident.getSources().stream().map(SourceFile::id).toList();
            lanes.sort(Comparator.comparingInt(manifestOrder::indexOf));
        }
        Map<String, Event> events = new HashMap<>();
        List<String> refs = new ArrayList<>();
        for (Hypothesis h : incident.getHypotheses()) {
            h.evidenceFor().stream().map(EvidenceRef::event).filter(r -> r != null).forEach(refs::add);
            h.evidenceAgainst().stream().map(EvidenceRef::event).filter(r -> r != null).forEach(refs::add);
        }
        incident.getBookmarks().stream().map(Bookmark::event).forEach(refs::add);
        for (String ref : refs) {
            measured.event(ref).ifPresent(e -> events.put(ref, e));
        }
        List<TimelineItem> timeline = TimelineModel.build(incident, ref -> measured.event(ref)
                .map(e -> Instant.ofEpochMilli(e.ts())));
        String name = project.root().getFileName() == null ? "." : project.root().getFileName().toString();
        return new ReportData(incident, project.zone(), name, Instant.now(), outcomes, runs, overview,
                lanes, timeline, events);
    }

    private static java.util.Optional<Event> event(Project project, String ref) {
        try {
            return project.event(ref);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
