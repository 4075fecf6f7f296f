package org.pmw.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.pmw.analysis.patterns.PatternInfo;
import org.pmw.analysis.patterns.PatternMiner;
import org.pmw.index.EventIndex;
import org.pmw.index.EventSchema;
import org.pmw.index.IndexState;
import org.pmw.ingest.FileInput;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import java.time.Instant;
import org.pmw.model.Change;
import org.pmw.model.EventResults;
import org.pmw.model.EventSearch;
import org.pmw.model.Histogram;
import org.pmw.model.LaneDensity;
import org.pmw.model.SearchHits;
import org.pmw.model.TermSeries;
import org.pmw.model.TimeWindow;
import org.pmw.model.Event;
import org.pmw.model.Incident;
import org.pmw.model.LoadTestRun;
import org.pmw.model.SourceFile;
import org.pmw.project.ProjectException;
import org.pmw.project.ProjectLayout;
import org.pmw.project.ProjectLock;
import org.pmw.project.ProjectStore;

/**
 * An open incident project: its investigation (incident.json), its event index and, when opened for
 * writing, the lock that keeps other writers out. Everything the window or the command line does to a
 * project goes through here.
 */
public final class Project implements Closeable {

    private final ProjectLayout layout;
    private final ProjectStore store;
    private final Incident incident;
    private final FormatRegistry registry;
    private final Clock clock;
    private final ProjectLock lock;
    /** One import or re-index at a time: they share the index writer's transaction. */
    private final java.util.concurrent.locks.ReentrantLock indexing = new java.util.concurrent.locks.ReentrantLock();
    /** Guards incident.json's record while it changes and is saved: edits, undo, and an import's publishing. */
    private final Object incidentChange = new Object();
    private EventIndex index;
    private PatternMiner patterns = new PatternMiner();

    private Project(ProjectLayout layout, ProjectStore store, Incident incident, FormatRegistry registry, Clock clock,
                    ProjectLock lock, EventIndex index) {
        this.layout = layout;
        this.store = store;
        this.incident = incident;
        this.registry = registry;
        this.clock = clock;
        this.lock = lock;
        this.index = index;
    }

    /** Creates a new project folder (it may exist but must not be a project yet). */
    public static void create(Path dir, String title, ZoneId zone, Clock clock) {
        new ProjectStore(new ProjectLayout(dir)).create(title, zone, clock.instant());
    }

    /** The incident's title, read without opening the project: the window names a project while it opens. */
    public static String title(Path dir) {
        return new ProjectStore(new ProjectLayout(dir)).load().getTitle();
    }

    /** Opens for reading and writing; refuses when another process has it open for writing. */
    public static Project open(Path dir, Progress progress) throws IOException {
        return open(dir, FormatRegistry.standard(), Clock.systemUTC(), progress);
    }

    public static Project open(Path dir, FormatRegistry registry, Clock clock, Progress progress) throws IOException {
        ProjectLayout layout = new ProjectLayout(dir);
        ProjectStore store = new ProjectStore(layout);
        Incident incident = store.load();
        ProjectLock lock = ProjectLock.acquire(layout);
        try {
            EventIndex index = EventIndex.openWritable(layout.indexDir());
            Project project = new Project(layout, store, incident, registry, clock, lock, index);
            boolean patternsOk = project.loadPatterns();
            if (!patternsOk || stale(incident, EventIndex.inspect(layout.indexDir()))) {
                project.reindex(progress);
            }
            return project;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens for searching only, without the lock, so scripts can search while the window has the project open.
     * An index that is missing or out of date is rebuilt first (which does take the lock briefly).
     */
    public static Project openReadOnly(Path dir) throws IOException {
        ProjectLayout layout = new ProjectLayout(dir);
        ProjectStore store = new ProjectStore(layout);
        Incident incident = store.load();
        if (stale(incident, EventIndex.inspect(layout.indexDir())) || !Files.isRegularFile(layout.patternsFile())) {
            open(dir, Progress.NONE).close();
            incident = store.load();
        }
        Project project = new Project(layout, store, incident, FormatRegistry.standard(), Clock.systemUTC(), null,
                EventIndex.openReadOnly(layout.indexDir()));
        project.loadPatterns();
        return project;
    }

    private static boolean stale(Incident incident, IndexState state) {
        if (!state.exists() || state.version() != EventSchema.VERSION) {
            return true;
        }
        return !new HashSet<>(indexKeys(incident.getSources())).equals(new HashSet<>(state.sources()));
    }

    /**
     * What the index records of each source it holds: its id and how its times were read, so an index built with
     * another zone, clock offset or year than the manifest says is seen as stale and rebuilt.
     */
    private static List<String> indexKeys(List<SourceFile> sources) {
        return sources.stream().map(s -> s.id() + "\t" + s.zone() + "\t" + s.clockOffsetMs() + "\t" + s.year())
                .toList();
    }

    public ProjectLayout layout() { return layout; }
    public Path root() { return layout.root(); }
    public Incident incident() { return incident; }
    public EventIndex index() { return index; }
    public FormatRegistry formats() { return registry; }
    public Clock clock() { return clock; }
    public ZoneId zone() { return ZoneId.of(incident.getZone()); }
    public boolean writable() { return lock != null; }

    /** Searches the evidence; a malformed query throws an IllegalArgumentException that explains it. */
    public SearchHits search(EventSearch search) throws IOException {
        return index.search(search);
    }

    /** Every match in time order, loaded lazily as rows are shown; close it when done. */
    public EventResults results(String query, Instant from, Instant to) throws IOException {
        return index.results(query, from, to);
    }

    public long count(String query, Instant from, Instant to) throws IOException {
        return index.count(query, from, to);
    }

    /**
     * Counts per bucket. Buckets start on the project's local clock: a day bucket is a local day, and an hour
     * bucket a local hour where the zone's offset is not whole hours (counted from local midnight of the window's
     * first day, or of the evidence's).
     */
    public Histogram histogram(String query, Instant from, Instant to, long bucketMillis) throws IOException {
        return index.histogram(query, from, to, bucketMillis, localMidnight(from), zone());
    }

    /**
     * Local midnight of {@code from}'s day, or of the evidence's first day: where buckets start. Histogram day
     * buckets are local days from there; the pattern series' buckets are fixed lengths, so across a
     * daylight-saving change their day buckets are off by the hour the clocks moved.
     */
    private long localMidnight(Instant from) throws IOException {
        Instant anchor = from;
        if (anchor == null) {
            TimeWindow span = eventSpan();
            anchor = span == null ? Instant.EPOCH : span.start();
        }
        return anchor.atZone(zone()).toLocalDate().atStartOfDay(zone()).toInstant().toEpochMilli();
    }

    /**
     * What year-less timestamps of a new import fall nearest to (epoch ms from and to): the incident window, else
     * the evidence's time range; null when there is neither.
     */
    public long[] yearReference() throws IOException {
        return Importer.yearReference(incident, index);
    }

    /** The values of {@code field} among the matching events, most frequent first (see EventIndex). */
    public org.pmw.model.FieldValues fieldValues(String field, String query, Instant from, Instant to, int limit)
            throws IOException {
        return index.fieldValues(field, query, from, to, limit);
    }

    /** The fields whose values {@link #fieldValues} counts. */
    public List<String> countableFields() {
        return index.countableFields();
    }

    public LaneDensity laneDensity(String query, Instant from, Instant to, int buckets) throws IOException {
        return index.laneDensity(query, from, to, buckets);
    }

    /** The event of {@code source} at (or containing) {@code line}, with {@code context} events either side. */
    public List<Event> around(String source, long line, int context) throws IOException {
        return index.around(source, line, context);
    }

    /**
     * The event a reference ({@code source:line}) points at, or empty when the reference is malformed or the source
     * has no event there.
     */
    public java.util.Optional<Event> event(String ref) throws IOException {
        org.pmw.app.investigation.EventRef parsed;
        try {
            parsed = org.pmw.app.investigation.EventRef.parse(ref);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        List<Event> found = index.around(parsed.source(), parsed.line(), 0);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0));
    }

    /** Number of indexed events. */
    public long eventCount() throws IOException {
        return index.size();
    }

    /** Which state of the index searches see now; it changes when the events searched change, and only then. */
    public long indexVersion() throws IOException {
        return index.version();
    }

    /** The earliest and latest event, or null when there are none. */
    public TimeWindow eventSpan() throws IOException {
        long[] range = index.timeRange();
        return range == null ? null : new TimeWindow(Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1] + 1));
    }

    /** The investigation as it is now, to be restored by {@link #restore} (undo). */
    public byte[] snapshot() throws IOException {
        synchronized (incidentChange) {
            return org.pmw.project.Json.mapper().writeValueAsBytes(incident);
        }
    }

    /** An edit of the incident record: read, change and save it with no import publishing meanwhile. */
    @FunctionalInterface
    public interface IncidentChange<T> {
        T apply() throws IOException;
    }

    /**
     * Runs {@code change} while no import adds its sources to the incident: an import parses for minutes and only
     * takes this for the moment it publishes, so edits in the window never wait long.
     */
    public <T> T changeIncident(IncidentChange<T> change) throws IOException {
        synchronized (incidentChange) {
            return change.apply();
        }
    }

    /** Whether any evidence file has been imported; safe to ask while an import adds one. */
    public boolean hasEvidence() {
        synchronized (incidentChange) {
            return !incident.getSources().isEmpty();
        }
    }

    /** A detached copy of the investigation, for work in the background while the original is edited. */
    public Incident copyOfIncident() throws IOException {
        return org.pmw.project.Json.mapper().readValue(snapshot(), Incident.class);
    }

    /**
     * Puts the investigation back as it was at {@code snapshot} and saves it. What imports added since stays:
     * sources and load-test runs are not part of the investigation, change records that came from a file are kept,
     * and no id counter goes back, so no id is handed out twice.
     */
    public void restore(byte[] snapshot) throws IOException {
        restore(snapshot, true);
    }

    /**
     * {@link #restore(byte[])}, for an edit that was refused: the ids it took are handed back too, since nothing was
     * saved or shown with them (imports wait while an edit runs).
     */
    public void restoreRefused(byte[] snapshot) throws IOException {
        restore(snapshot, false);
    }

    private void restore(byte[] snapshot, boolean keepLaterIds) throws IOException {
        requireWritable();
        Incident previous = org.pmw.project.Json.mapper().readValue(snapshot, Incident.class);
        synchronized (incidentChange) {
            incident.setTitle(previous.getTitle());
            incident.setWindow(previous.getWindow());
            incident.setAuthors(previous.getAuthors());
            incident.setReportStatus(previous.getReportStatus());
            incident.setReport(previous.getReport());
            incident.setHypotheses(previous.getHypotheses());
            incident.setExperiments(previous.getExperiments());
            incident.setChanges(changesAfterUndo(previous.getChanges()));
            incident.setOutcomes(previous.getOutcomes());
            incident.setActionItems(previous.getActionItems());
            incident.setLinks(previous.getLinks());
            incident.setBookmarks(previous.getBookmarks());
            incident.setSavedSearches(previous.getSavedSearches());
            incident.setMarkers(previous.getMarkers());
            java.util.Map<String, Integer> counters = new java.util.LinkedHashMap<>(previous.getIdCounters());
            if (keepLaterIds) {
                incident.getIdCounters().forEach((prefix, n) -> counters.merge(prefix, n, Math::max));
            }
            incident.setIdCounters(counters);
            store.save(incident);
        }
    }

    /** The snapshot's changes, plus those an import has added since it was taken. */
    private List<Change> changesAfterUndo(List<Change> before) {
        java.util.Set<String> known = new HashSet<>();
        before.forEach(c -> known.add(c.id()));
        List<Change> changes = new ArrayList<>(before);
        for (Change c : incident.getChanges()) {
            if (!known.contains(c.id()) && !"manual".equals(c.origin())) {
                changes.add(c);
            }
        }
        return changes;
    }

    /** Saves incident.json atomically. */
    public void save() throws IOException {
        requireWritable();
        synchronized (incidentChange) {
            store.save(incident);
        }
    }

    private void requireWritable() {
        if (lock == null) {
            throw new ProjectException("the project was opened read-only");
        }
    }

    /**
     * Every event gets the id of its message template, mined from the first line of its message. Messages
     * repeat (the same request, the same error), so recent ones are remembered: the miner sees each distinct
     * message once per cache life, and a message it has seen maps to the same template.
     */
    UnaryOperator<Event> enricher() {
        PatternMiner miner = patterns;
        java.util.Map<String, String> recent = new java.util.HashMap<>();
        return e -> {
            String message = e.message();
            int nl = message.indexOf('\n');
            String first = nl < 0 ? message : message.substring(0, nl);
            String id = recent.get(first);
            if (id == null) {
                id = miner.assign(first, e.ts());
                if (recent.size() >= 50_000) {
                    recent.clear();
                }
                recent.put(first, id);
            }
            return e.withPattern(id);
        };
    }

    /** The message templates of the project's events (as mined; counts over all events). */
    List<PatternInfo> minedPatterns() {
        return patterns.patterns();
    }

    /** Counts of matching events per value of pattern, source or level, in total and per bucket. */
    public TermSeries termSeries(String field, String query, Instant from, Instant to, long bucketMillis)
            throws IOException {
        return index.termSeries(field, query, from, to, bucketMillis, localMidnight(from));
    }

    /** The template text of a pattern id, or null. */
    public String patternTemplate(String id) {
        return patterns.template(id);
    }

    /** Reads the mined patterns that belong to the committed index; false when they are missing or unreadable. */
    private boolean loadPatterns() {
        Path file = layout.patternsFile();
        if (!Files.isRegularFile(file)) {
            patterns = new PatternMiner();
            return incident.getSources().isEmpty();
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            patterns = PatternMiner.load(in);
            return true;
        } catch (IOException | RuntimeException e) {
            patterns = new PatternMiner();
            return false;
        }
    }

    private void savePatterns() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        patterns.save(bytes);
        org.pmw.project.AtomicFile.write(layout.patternsFile(), bytes.toByteArray());
    }

    /**
     * Imports files and folders as one transaction: on success incident.json and the index both hold the new
     * sources; on failure or cancel neither changed.
     */
    public List<ImportReport> importFiles(List<Path> inputs, ImportOptions options, Progress progress)
            throws ImportException {
        requireWritable();
        // a second import (a drop while one runs) waits for the first instead of sharing its transaction, and can
        // be cancelled while it waits
        try {
            while (!indexing.tryLock(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (progress.isCancelled()) {
                    throw new ImportException("import cancelled before it started; the project is unchanged", true,
                            null);
                }
                progress.update("Waiting for the import running now to finish", -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("import interrupted before it started; the project is unchanged", true, e);
        }
        List<ImportReport> reports;
        try {
            reports = importLocked(inputs, options, progress);
        } finally {
            indexing.unlock();
        }
        if (reports.stream().anyMatch(r -> r.events() > 0)) {
            remeasureOutcomesQuietly();
        }
        return reports;
    }

    /**
     * Measures every outcome again and keeps the verdicts that changed: new or re-timed evidence changes the counts,
     * and every view (list, timeline, report) reads the verdict kept.
     */
    public void remeasureOutcomes() throws IOException {
        requireWritable();
        // measured without holding the record, so an edit in the window never waits for the searches
        List<org.pmw.model.Outcome> outcomes;
        synchronized (incidentChange) {
            outcomes = List.copyOf(incident.getOutcomes());
        }
        java.util.Map<org.pmw.model.Outcome, String> measured = new java.util.LinkedHashMap<>();
        for (org.pmw.model.Outcome o : outcomes) {
            try {
                String now = OutcomeText.verdict(this, o);
                if (now != null && !now.equals(o.verdict())) {
                    measured.put(o, now);
                }
            } catch (RuntimeException e) {
                // a query this project cannot run keeps the verdict it had
            }
        }
        if (measured.isEmpty()) {
            return;
        }
        changeIncident(() -> {
            boolean changed = false;
            for (var m : measured.entrySet()) {
                // only an outcome still as it was measured: one edited meanwhile keeps what its edit measured
                if (incident.getOutcomes().contains(m.getKey())) {
                    investigation().setOutcomeVerdict(m.getKey().id(), m.getValue());
                    changed = true;
                }
            }
            if (changed) {
                store.save(incident);
            }
            return null;
        });
    }

    void remeasureOutcomesQuietly() {
        try {
            remeasureOutcomes();
        } catch (IOException e) {
            // the evidence is in; the verdicts are measured again on the next import or re-time
        }
    }

    private List<ImportReport> importLocked(List<Path> inputs, ImportOptions options, Progress progress)
            throws ImportException {
        Importer importer = new Importer(layout, incident, index, registry, enricher(), clock);
        Importer.Result result;
        try {
            result = importer.run(inputs, options, progress);
        } catch (ImportException e) {
            // the pattern miner has seen the failed files' events, and the event store holds their records
            rollbackQuietly();
            throw e;
        }
        if (result.sources().isEmpty()) {
            importer.abandon(result.stagedEvidence());
            rollbackQuietly();
            return result.reports();
        }
        List<Path> published = new ArrayList<>();
        java.util.Map<String, List<String>> repeated;
        synchronized (incidentChange) {
            int sourcesBefore = incident.getSources().size();
            int runsBefore = incident.getLoadTestRuns().size();
            int changesBefore = incident.getChanges().size();
            java.util.Map<String, Integer> countersBefore = new java.util.LinkedHashMap<>(incident.getIdCounters());
            try {
                published = importer.publish(result);
                incident.getSources().addAll(result.sources());
                addRuns(mergeSeries(result));
                repeated = addChanges(result.changes());
                store.save(incident);
            } catch (IOException | RuntimeException e) {
                truncate(incident.getSources(), sourcesBefore);
                truncate(incident.getLoadTestRuns(), runsBefore);
                truncate(incident.getChanges(), changesBefore);
                incident.setIdCounters(countersBefore);
                importer.abandon(result.stagedEvidence());
                importer.abandon(published);
                rollbackQuietly();
                throw new ImportException("import failed while saving the project: " + e.getMessage()
                        + " (the project is unchanged)", false, e);
            }
        }
        try {
            index.commit(indexKeys(incident.getSources()));
            savePatterns();
        } catch (IOException e) {
            // incident.json already lists the new sources; the next open sees the mismatch and rebuilds the index
            throw new ImportException("the import was saved but the index could not be committed ("
                    + e.getMessage() + "); reopen the project to rebuild the index", false, e);
        }
        return withNotes(result.reports(), repeated);
    }

    /** ab (or wrk) files at different -c in one folder form one series: one run with a step per file. */
    private static List<LoadTestRun> mergeSeries(Importer.Result result) {
        java.util.Map<String, String> folderOfSource = new java.util.HashMap<>();
        for (SourceFile s : result.sources()) {
            Path parent = Path.of(s.originalPath()).getParent();
            folderOfSource.put(s.id(), parent == null ? "" : parent.toString());
        }
        List<LoadTestRun> merged = org.pmw.analysis.loadtest.LoadTestSeries.merge(result.runs(),
                run -> run.sources().isEmpty() ? "" : folderOfSource.getOrDefault(run.sources().get(0), ""));
        List<LoadTestRun> named = new ArrayList<>();
        for (LoadTestRun run : merged) {
            String name = run.name();
            for (String folder : new HashSet<>(folderOfSource.values()).stream()
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
                Path last = folder.isEmpty() ? null : Path.of(folder).getFileName();
                if (last != null && name.contains(folder)) {
                    name = name.replace(folder, last.toString());
                }
            }
            named.add(new LoadTestRun(run.id(), name, run.format(), run.sources(), run.startedAt(), run.endedAt(),
                    run.steps(), run.notes()));
        }
        return named;
    }

    private void addRuns(List<LoadTestRun> runs) {
        for (LoadTestRun run : runs) {
            String id = incident.nextId("R");
            incident.getLoadTestRuns().add(new LoadTestRun(id, run.name(), run.format(), run.sources(),
                    run.startedAt(), run.endedAt(), run.steps(), run.notes()));
        }
    }

    /**
     * Adds the change records read, but not one the project already has (its id in the change system the same, and
     * the system too when both name it): a change log exported again later repeats every earlier record. The start
     * time is not part of the match, as it is what a user corrects ({@code change set --at}); where the file's
     * differs, the project's record is kept and the note says so. Returns, by source, a note for each left out.
     */
    private java.util.Map<String, List<String>> addChanges(List<Change> changes) {
        org.pmw.app.investigation.Investigation investigation = investigation();
        java.util.Map<String, List<String>> repeated = new java.util.HashMap<>();
        for (Change c : changes) {
            Change known = c.externalId() == null ? null : incident.getChanges().stream()
                    .filter(k -> sameRecord(c, k))
                    .findFirst().orElse(null);
            if (known == null) {
                investigation.addImportedChange(c);
            } else if (c.origin() != null) {
                String source = c.origin().substring(0, Math.max(0, c.origin().lastIndexOf(':')));
                String recorded = c.externalId() + " is already recorded as " + known.id()
                        + (known.origin() == null ? "" : " (" + known.origin() + ")");
                String note = java.util.Objects.equals(c.startedAt(), known.startedAt())
                        ? recorded + "; not added again"
                        : recorded + ", starting " + TimeArguments.format(known.startedAt(), zone())
                                + "; this file says " + TimeArguments.format(c.startedAt(), zone())
                                + ": the project's record is kept, not added again";
                repeated.computeIfAbsent(source, k -> new ArrayList<>()).add(note);
            }
        }
        return repeated;
    }

    /** The same change-system record: the same external id, from the same system when both records name one. */
    private static boolean sameRecord(Change imported, Change known) {
        return imported.externalId().equals(known.externalId())
                && (imported.system() == null || known.system() == null
                        || imported.system().equalsIgnoreCase(known.system()));
    }

    private static List<ImportReport> withNotes(List<ImportReport> reports, java.util.Map<String, List<String>> notes) {
        List<ImportReport> out = new ArrayList<>();
        for (ImportReport r : reports) {
            List<String> more = r.source() == null ? null : notes.get(r.source());
            if (more == null) {
                out.add(r);
            } else {
                List<String> all = new ArrayList<>(r.notes() == null ? List.of() : r.notes());
                all.addAll(more);
                out.add(new ImportReport(r.file(), r.status(), r.source(), r.format(), r.events(), r.skipped(),
                        r.skipReasons(), all, r.first(), r.last(), r.message()));
            }
        }
        return out;
    }

    /** Validated edits of the investigation record; call {@link #save()} after them. */
    public org.pmw.app.investigation.Investigation investigation() {
        return new org.pmw.app.investigation.Investigation(incident, clock, System.getProperty("user.name", "user"));
    }

    private static void truncate(List<?> list, int size) {
        while (list.size() > size) {
            list.remove(list.size() - 1);
        }
    }

    private void rollbackQuietly() {
        try {
            index.rollback();
        } catch (IOException e) {
            // the index is derived; if even the rollback fails, the next open rebuilds it
        }
        loadPatterns();
    }

    private List<String> sourceIds() {
        return incident.getSources().stream().map(SourceFile::id).toList();
    }

    /** Formats whose dates may have no year (syslog's "Oct 10 14:02:11"), where a year given changes them. */
    private static final Set<String> YEARLESS_FORMATS = Set.of("syslog", "generic");

    /** Rebuilds the index from evidence/ and incident.json. */
    public void reindex(Progress progress) throws IOException {
        requireWritable();
        indexing.lock();
        try {
            reindexLocked(progress, incident.getSources(), true);
        } finally {
            indexing.unlock();
        }
        remeasureOutcomesQuietly();
    }

    /**
     * Reads a log source again with the zone, clock offset or year it should have had (each null to keep what it
     * has), and saves that in the manifest with the source's new first and last times. Its events keep their
     * source and line, so bookmarks and evidence that point at them still do. Only logs: the records of a
     * load-test or change file were read into the investigation, which this does not redo.
     */
    public SourceFile retime(String sourceId, ZoneId zone, Long clockOffsetMs, Integer year, Progress progress)
            throws IOException {
        requireWritable();
        indexing.lock();
        boolean remeasureAfterRetime = false;
        try {
            List<SourceFile> before = List.copyOf(incident.getSources());
            SourceFile old = before.stream().filter(s -> s.id().equals(sourceId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no source '" + sourceId + "' in this project"
                            + " (sources: " + String.join(", ", sourceIds()) + ")"));
            if (!old.category().equals("log")) {
                throw new IllegalArgumentException(sourceId + " is a " + old.category() + " source: its records were"
                        + " read into the investigation, so only logs can be re-timed; edit the records instead");
            }
            if (year != null && !YEARLESS_FORMATS.contains(old.format())) {
                throw new IllegalArgumentException(sourceId + " is read as " + old.format() + ", whose dates carry"
                        + " their year: --year changes nothing there");
            }
            SourceFile changed = old.withTiming(zone != null ? zone.getId() : old.zone(), year != null ? year : old.year(),
                    clockOffsetMs != null ? clockOffsetMs : old.clockOffsetMs());
            List<SourceFile> after = new ArrayList<>(before);
            after.set(before.indexOf(old), changed);
            // the manifest is not touched until the new index is built and checked: an edit saved meanwhile saves
            // the sources as they are, and a refusal takes back only what was not committed
            Map<String, long[]> spans = reindexLocked(progress, after, false);
            long[] span = spans.get(sourceId);
            long kept = span == null ? 0 : span[2];
            if (kept != old.events()) {
                rollbackQuietly();
                // a year without 29 February, say: the lines it cannot read would leave bookmarks pointing nowhere
                throw new IllegalArgumentException("read that way, " + sourceId + " keeps " + kept + " of its "
                        + old.events() + " events (the others cannot be read: " + (year != null
                        ? "29 February in " + year + "?" : "see pmw import's skipped lines") + "); nothing changed");
            }
            changed = changed.withSpan(span == null ? null : Instant.ofEpochMilli(span[0]),
                    span == null ? null : Instant.ofEpochMilli(span[1]));
            after.set(before.indexOf(old), changed);
            synchronized (incidentChange) {
                incident.setSources(after);
                try {
                    store.save(incident);
                } catch (IOException | RuntimeException e) {
                    incident.setSources(before);
                    rollbackQuietly();
                    throw e;
                }
            }
            // saved first: if the commit fails now, the index's record of how each source was read no longer
            // matches the manifest, and the next open rebuilds it
            index.commit(indexKeys(after));
            savePatterns();
            remeasureAfterRetime = true;
            return changed;
        } finally {
            indexing.unlock();
            if (remeasureAfterRetime) {
                remeasureOutcomesQuietly();
            }
        }
    }

    /**
     * Rebuilds the events of {@code sources}, committing them when {@code commit} (else the caller commits or rolls
     * back); returns each source's first and last event time (epoch ms) and count.
     */
    private Map<String, long[]> reindexLocked(Progress progress, List<SourceFile> sources, boolean commit)
            throws IOException {
        Map<String, long[]> spans = new HashMap<>();
        index.deleteAll();
        patterns = new PatternMiner();
        long total = 0;
        for (SourceFile s : sources) {
            total += s.size();
        }
        long done = 0;
        try (IndexingWorkers workers = new IndexingWorkers(index, IndexingWorkers.defaultThreads())) {
            for (SourceFile source : sources) {
                Path evidence = layout.root().resolve(source.evidencePath());
                if (!Files.isRegularFile(evidence)) {
                    throw new ProjectException("evidence file " + evidence + " of source " + source.id()
                            + " is missing; the index cannot be rebuilt without it");
                }
                Format format = registry.byName(source.format()).orElse(null);
                if (format == null && source.events() > 0) {
                    throw new ProjectException("source " + source.id() + " was imported as " + source.format()
                            + ", a format this version does not know");
                }
                FileInput input = new FileInput(evidence, source.name());
                // a source imported without a recorded year gets the one that puts it where it was
                long[] where = source.first() == null || source.last() == null ? null
                        : new long[] {source.first().toEpochMilli(), source.last().toEpochMilli()};
                ParseContext context = new ParseContext(source.id(), source.name(), ZoneId.of(source.zone()),
                        source.year(), source.host(), where,
                        source.importedAt() != null ? source.importedAt().toEpochMilli() : clock.millis());
                final long base = done;
                final long all = Math.max(1, total);
                FileSink sink = new FileSink(workers, source.id(), source.clockOffsetMs(), enricher(), progress,
                        () -> progress.update("Indexing " + source.id(), (base + input.bytesRead()) / (double) all));
                if (source.events() > 0) {
                    format.parse(input, context, new IgnoringRecords(sink));
                }
                sink.finish();
                if (sink.first() != null) {
                    spans.put(source.id(), new long[] {sink.first(), sink.last(), sink.events()});
                }
                done += source.size();
            }
            workers.finish();
            if (commit) {
                index.commit(indexKeys(sources));
                savePatterns();
            }
            return spans;
        } catch (IOException | RuntimeException e) {
            rollbackQuietly();
            if (e instanceof CancellationException) {
                throw new IOException("re-indexing cancelled; the index will be rebuilt when the project is next opened", e);
            }
            throw e;
        }
    }

    /** On re-index, load-test runs and change records are already in incident.json; only events are rebuilt. */
    private record IgnoringRecords(FileSink sink) implements ParseSink {
        @Override
        public void event(Event event) {
            sink.event(event);
        }

        @Override
        public void loadTestRun(LoadTestRun run) {
        }

        @Override
        public void change(Change change) {
        }
    }

    /** True while an import or re-index runs: closing now would pull the index from under it. */
    public boolean busy() {
        return indexing.isLocked();
    }

    @Override
    public void close() throws IOException {
        try {
            if (index != null) {
                index.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
