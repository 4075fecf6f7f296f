package org.pmw.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The investigation as stored in incident.json: metadata, evidence manifest and every record the user made.
 * This is the only record of the user's own work; the index is derived from it and from evidence/.
 * Not thread-safe: the app layer serialises access.
 */
public final class Incident {

    /** Bumped when incident.json changes shape; a file with a newer version is refused, never rewritten. */
    public static final int SCHEMA_VERSION = 1;

    private int schemaVersion = SCHEMA_VERSION;
    private String title = "Untitled incident";
    private String zone = "UTC";
    private Instant createdAt;
    private TimeWindow window;
    private List<String> authors = new ArrayList<>();
    private String reportStatus = "draft";
    private ReportText report = ReportText.empty();
    private List<SourceFile> sources = new ArrayList<>();
    private List<Hypothesis> hypotheses = new ArrayList<>();
    private List<Experiment> experiments = new ArrayList<>();
    private List<Change> changes = new ArrayList<>();
    private List<Outcome> outcomes = new ArrayList<>();
    private List<ActionItem> actionItems = new ArrayList<>();
    private List<Link> links = new ArrayList<>();
    private List<Bookmark> bookmarks = new ArrayList<>();
    private List<SavedSearch> savedSearches = new ArrayList<>();
    private List<Marker> markers = new ArrayList<>();
    private List<LoadTestRun> loadTestRuns = new ArrayList<>();
    /** Last number handed out per id prefix (H, E, C, O, A, S, R), so ids are never reused after a delete. */
    private Map<String, Integer> idCounters = new LinkedHashMap<>();

    public Incident() {
    }

    public Incident(String title, String zone, Instant createdAt) {
        this.title = title;
        this.zone = zone;
        this.createdAt = createdAt;
    }

    /** Hands out the next stable id with the given prefix, e.g. "H" gives H1, H2, ... */
    public String nextId(String prefix) {
        int n = idCounters.merge(prefix, 1, Integer::sum);
        return prefix + n;
    }

    public int getSchemaVersion() { return schemaVersion; }
    public void setSchemaVersion(int v) { this.schemaVersion = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { this.title = v; }
    public String getZone() { return zone; }
    public void setZone(String v) { this.zone = v; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant v) { this.createdAt = v; }
    /**
     * The incident's time: from the outage's first begins marker to its last end marker where both are set, else the
     * window the project was given, else null. Not a property: derived, never saved.
     */
    public TimeWindow outageWindow() {
        java.time.Instant begins = null;
        java.time.Instant ends = null;
        for (Marker m : markers) {
            if (m.at() == null) {
                continue; // a hand-edited record without its time
            }
            if ("outage_begins".equals(m.kind()) && (begins == null || m.at().isBefore(begins))) {
                begins = m.at();
            }
            if ("ends".equals(m.kind()) && (ends == null || m.at().isAfter(ends))) {
                ends = m.at();
            }
        }
        if (begins != null && ends != null && !ends.isBefore(begins)) {
            return new TimeWindow(begins, ends);
        }
        return window;
    }

    public TimeWindow getWindow() { return window; }
    public void setWindow(TimeWindow v) { this.window = v; }
    public List<String> getAuthors() { return authors; }
    public void setAuthors(List<String> v) { this.authors = new ArrayList<>(v); }
    public String getReportStatus() { return reportStatus; }
    public void setReportStatus(String v) { this.reportStatus = v; }
    public ReportText getReport() { return report; }
    public void setReport(ReportText v) { this.report = v == null ? ReportText.empty() : v; }
    public List<SourceFile> getSources() { return sources; }
    public void setSources(List<SourceFile> v) { this.sources = new ArrayList<>(v); }
    public List<Hypothesis> getHypotheses() { return hypotheses; }
    public void setHypotheses(List<Hypothesis> v) { this.hypotheses = new ArrayList<>(v); }
    public List<Experiment> getExperiments() { return experiments; }
    public void setExperiments(List<Experiment> v) { this.experiments = new ArrayList<>(v); }
    public List<Change> getChanges() { return changes; }
    public void setChanges(List<Change> v) { this.changes = new ArrayList<>(v); }
    public List<Outcome> getOutcomes() { return outcomes; }
    public void setOutcomes(List<Outcome> v) { this.outcomes = new ArrayList<>(v); }
    public List<ActionItem> getActionItems() { return actionItems; }
    public void setActionItems(List<ActionItem> v) { this.actionItems = new ArrayList<>(v); }
    public List<Link> getLinks() { return links; }
    public void setLinks(List<Link> v) { this.links = new ArrayList<>(v); }
    public List<Bookmark> getBookmarks() { return bookmarks; }
    public void setBookmarks(List<Bookmark> v) { this.bookmarks = new ArrayList<>(v); }
    public List<SavedSearch> getSavedSearches() { return savedSearches; }
    public void setSavedSearches(List<SavedSearch> v) { this.savedSearches = new ArrayList<>(v); }
    public List<Marker> getMarkers() { return markers; }
    public void setMarkers(List<Marker> v) { this.markers = new ArrayList<>(v); }
    public List<LoadTestRun> getLoadTestRuns() { return loadTestRuns; }
    public void setLoadTestRuns(List<LoadTestRun> v) { this.loadTestRuns = new ArrayList<>(v); }
    public Map<String, Integer> getIdCounters() { return idCounters; }
    public void setIdCounters(Map<String, Integer> v) { this.idCounters = new LinkedHashMap<>(v); }

    public SourceFile source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
