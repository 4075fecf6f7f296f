package org.pmw.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.pmw.index.EventIndex;
import org.pmw.ingest.FileInput;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.Sample;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.Incident;
import org.pmw.model.LoadTestRun;
import org.pmw.model.SourceFile;
import org.pmw.model.TimeWindow;
import org.pmw.project.ProjectLayout;

/**
 * Imports evidence files into a project as one transaction: each file is copied byte for byte into
 * evidence/ (named by its SHA-256), recognised, parsed as a stream and indexed. Files already in the project,
 * files no format recognises and files their format fails on before any event are reported and left out. Any failure or a cancel rolls the index back and
 * removes the copies, so the project is exactly as it was.
 */
final class Importer {

    static final int SAMPLE_LINES = 200;

    private final ProjectLayout layout;
    private final Incident incident;
    private final EventIndex index;
    private final FormatRegistry registry;
    private final UnaryOperator<Event> enricher;
    private final Clock clock;

    Importer(ProjectLayout layout, Incident incident, EventIndex index, FormatRegistry registry,
             UnaryOperator<Event> enricher, Clock clock) {
        this.layout = layout;
        this.incident = incident;
        this.index = index;
        this.registry = registry;
        this.enricher = enricher;
        this.clock = clock;
    }

    /** What the import adds to incident.json once everything has been parsed. */
    record Result(List<ImportReport> reports, List<SourceFile> sources, List<LoadTestRun> runs, List<Change> changes,
                  List<Path> stagedEvidence) {
    }

    /**
     * Parses and indexes the files without committing: the caller commits (saves incident.json and the
     * index) or calls {@link #abandon}.
     */
    Result run(List<Path> inputs, ImportOptions options, Progress progress) throws ImportException {
        List<ImportReport> reports = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        List<LoadTestRun> runs = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Path> staged = new ArrayList<>();
        List<Path> files;
        try {
            files = expand(inputs);
            clearIncoming();
        } catch (IOException e) {
            throw new ImportException("cannot read " + e.getMessage(), false, e);
        }
        // what is already in the project (and, as the batch goes on, in the batch): the files' hashes and, to
        // catch the same evidence compressed and not, their contents' hashes; each to the source that has it
        Map<String, String> knownHashes = new HashMap<>();
        Map<String, String> knownContents = new HashMap<>();
        Set<Long> knownSizes = new HashSet<>();
        Set<Long> knownContentSizes = new HashSet<>();
        for (SourceFile s : incident.getSources()) {
            knownHashes.putIfAbsent(s.sha256(), s.id());
            knownContents.putIfAbsent(s.contentKey(), s.id());
            knownSizes.add(s.size());
            knownContentSizes.add(s.contentLength());
        }
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pmw-hasher");
            t.setDaemon(true);
            return t;
        });
        Set<String> usedIds = new HashSet<>();
        incident.getSources().forEach(s -> usedIds.add(s.id()));
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += sizeOf(f);
        }
        long doneBytes = 0;
        try (IndexingWorkers workers = new IndexingWorkers(index, IndexingWorkers.defaultThreads())) {
            // the same for every file of the batch
            ZoneId zone = options.zone() != null ? options.zone() : ZoneId.of(incident.getZone());
            Integer year = options.year();
            // without --year, year-less timestamps fall nearest the incident window or the evidence: what was
            // there before, and what this batch has imported so far
            long[] reference = yearReference(incident, index);
            // files whose dates have years first: year-less ones (syslog) then fall nearest them
            for (Path file : yearlessLast(files)) {
                if (progress.isCancelled()) {
                    throw new CancellationException("import cancelled");
                }
                String display = displayName(inputs, file);
                Path temp = copyIn(file);
                staged.add(temp);
                long size = Files.size(temp);
                FileInput input = new FileInput(temp, file.getFileName().toString());
                boolean gzip = input.gzip();
                // Hashing takes as long as parsing a tenth of the file. Only a file of a size already seen can be
                // a duplicate, so only then must the hash come first; otherwise it is computed alongside.
                boolean maybeDuplicate = knownSizes.contains(size) || !gzip && knownContentSizes.contains(size);
                Future<String> hash = maybeDuplicate ? CompletableFuture.completedFuture(sha256(temp))
                        : hasher.submit(() -> sha256(temp));
                String duplicateOf = null;
                if (maybeDuplicate) {
                    String sha = join(hash);
                    duplicateOf = knownHashes.containsKey(sha) ? knownHashes.get(sha)
                            : gzip ? null : knownContents.get(sha);
                }
                // a compressed file's content is hashed first only when its trailer gives a length already seen
                long trailerLength = gzip && duplicateOf == null ? FileInput.gzipTrailerLength(temp) : -1;
                if (trailerLength >= 0 && knownContentSizes.stream().anyMatch(n -> (n & 0xFFFFFFFFL) == trailerLength)) {
                    duplicateOf = knownContents.get(input.hashContent());
                }
                knownSizes.add(size);
                if (duplicateOf != null) {
                    reports.add(new ImportReport(file.toString(), ImportReport.DUPLICATE, duplicateOf,
                            null, 0, 0, List.of(), List.of("the same content is already in the project"
                            + (gzip ? " (the file is that content compressed)" : "")), null, null,
                            "already imported; not indexed again"));
                    hash.cancel(true);
                    Files.deleteIfExists(temp);
                    staged.remove(temp);
                    doneBytes += size;
                    continue;
                }
                Sample sample = input.sample(SAMPLE_LINES);
                Format format;
                List<String> notes = new ArrayList<>();
                boolean empty = sample.lines().isEmpty() || sample.nonBlankLines().isEmpty();
                String archive = FileInput.archiveAdvice(sample.head());
                if (archive != null) {
                    // not text, whatever --format says: its lines would be the archive's headers and members
                    reports.add(new ImportReport(file.toString(), ImportReport.REFUSED, null, null, 0, 0, List.of(),
                            List.of(), null, null, archive + "; nothing of it was kept"));
                    hash.cancel(true);
                    Files.deleteIfExists(temp);
                    staged.remove(temp);
                    doneBytes += size;
                    continue;
                }
                if (options.format() != null) {
                    format = registry.byName(options.format()).orElseThrow(() -> new IllegalArgumentException(
                            "unknown format '" + options.format() + "'; 'pmw formats' lists them"));
                } else if (empty) {
                    format = registry.byName("generic").orElse(null);
                    notes.add("empty file: nothing to index");
                } else {
                    FormatDetector detector = new FormatDetector(registry);
                    List<FormatDetector.Score> ranked = detector.rank(sample);
                    if (ranked.isEmpty() || ranked.get(0).score() < FormatDetector.MIN_SCORE) {
                        reports.add(refusal(file, sample, ranked));
                        hash.cancel(true);
                        Files.deleteIfExists(temp);
                        staged.remove(temp);
                        doneBytes += size;
                        continue;
                    }
                    format = ranked.get(0).format();
                }
                String id = sourceId(display, usedIds);
                usedIds.add(id);
                ParseContext context = new ParseContext(id, file.getFileName().toString(), zone, year, options.host(),
                        reference, clock.millis());
                if (reference == null) {
                    // nothing else to go by: a log's last line was written when the file was last modified
                    context = context.withFileTime(Files.getLastModifiedTime(file).toMillis());
                }
                final long base = doneBytes;
                final long all = Math.max(1, totalBytes);
                final int fileNumber = files.indexOf(file) + 1;
                final long started = System.nanoTime();
                FileSink[] holder = new FileSink[1];
                FileSink sink = new FileSink(workers, id, options.clockOffsetMs(), enricher, progress, () -> {
                    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                    progress.update(String.format(Locale.ROOT, "Importing %s (file %d of %d): %,d events, %,.0f lines/s",
                            display, fileNumber, files.size(), holder[0].events(), holder[0].events() / seconds),
                            (base + input.bytesRead()) / (double) all);
                });
                holder[0] = sink;
                if (format != null && !empty) {
                    try {
                        parse(format, input, context, sink, display);
                    } catch (FormatException e) {
                        if (!sink.untouched()) {
                            // its events are already on their way into the index: only the whole batch can go back
                            throw e;
                        }
                        // nothing of the file reached the index, so it alone is left out and the batch goes on
                        reports.add(new ImportReport(file.toString(), ImportReport.REFUSED, null, format.name(), 0, 0,
                                List.of(), List.of(), null, null, withoutFileName(e.getMessage(), context.fileName())
                                + "; nothing of it was kept"
                                + (options.format() == null ? ". Name its format with --format; 'pmw formats' lists them"
                                : "")));
                        hash.cancel(true);
                        Files.deleteIfExists(temp);
                        staged.remove(temp);
                        usedIds.remove(id);
                        doneBytes += size;
                        continue;
                    }
                }
                sink.finish();
                String sha = join(hash);
                String contentSha = gzip ? input.contentSha256() : null;
                if (gzip && contentSha == null) {
                    // the parser stopped before the end of the content
                    contentSha = input.hashContent();
                }
                // null when the content could not be read to its end (it expands past the limit)
                Long contentSize = contentSha != null ? input.contentBytes() : null;
                knownHashes.putIfAbsent(sha, id);
                if (!gzip || contentSha != null) {
                    knownContents.putIfAbsent(gzip ? contentSha : sha, id);
                    knownContentSizes.add(gzip ? contentSize : size);
                }
                Path named = layout.incomingDir().resolve(sha + ".part");
                Files.move(temp, named, StandardCopyOption.REPLACE_EXISTING);
                staged.set(staged.indexOf(temp), named);
                notes.addAll(readerNotes(input));
                notes.addAll(context.notes());
                String evidencePath = "evidence/" + sha + extension(file);
                SourceFile source = new SourceFile(id, file.getFileName().toString(), file.toAbsolutePath().toString(),
                        evidencePath, size, sha, format == null ? "generic" : format.name(),
                        format == null ? "log" : format.category().id(), zone.getId(),
                        year != null ? year : context.assumedYear(), options.host(),
                        options.clockOffsetMs(), clock.instant(), sink.events(), context.skipped(),
                        toInstant(sink.first()), toInstant(sink.last()), notes, contentSha, contentSize);
                sources.add(source);
                // a file whose year was guessed is no reference for the next one: the guess would feed itself
                if ((incident.getWindow() == null || incident.getWindow().start() == null)
                        && context.assumedYear() == null) {
                    reference = widen(reference, sink.first(), sink.last());
                }
                runs.addAll(sink.runs());
                changes.addAll(sink.changes());
                List<String> reasons = new ArrayList<>(context.skipReasons());
                reports.add(new ImportReport(file.toString(), ImportReport.IMPORTED, id, source.format(), sink.events(),
                        context.skipped(), reasons, notes, source.first(), source.last(), null));
                doneBytes += size;
                progress.update("Imported " + display, doneBytes / (double) Math.max(1, totalBytes));
            }
            workers.finish();
            // reports in the order the files were given
            Map<String, Integer> given = new HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                given.putIfAbsent(files.get(i).toString(), i);
            }
            reports.sort(java.util.Comparator.comparingInt(r -> given.getOrDefault(r.file(), Integer.MAX_VALUE)));
            return new Result(reports, sources, runs, changes, staged);
        } catch (CancellationException e) {
            abandon(staged);
            throw new ImportException("import cancelled; the project is unchanged", true, e);
        } catch (FormatException e) {
            abandon(staged);
            throw new ImportException(e.getMessage() + " (nothing was imported; the project is unchanged)", false, e);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            abandon(staged);
            throw new ImportException("import failed: " + e.getMessage() + " (the project is unchanged)", false, e);
        } finally {
            hasher.shutdownNow();
        }
    }

    private static void parse(Format format, FileInput input, ParseContext context, FileSink sink, String display)
            throws IOException {
        try {
            format.parse(input, context, sink);
        } catch (FormatException | CancellationException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug must not take the project down; name the file so the user can report it.
            throw new FormatException(display + ": the " + format.name() + " parser failed: " + e, e);
        }
    }

    private static List<String> readerNotes(FileInput input) {
        List<String> notes = new ArrayList<>();
        LineReader reader = input.lastLineReader();
        if (reader != null && reader.malformedLines() > 0) {
            notes.add(reader.malformedLines() + " line(s) held invalid UTF-8; the bad bytes were replaced with U+FFFD");
        }
        if (reader != null && reader.truncatedLines() > 0) {
            notes.add(reader.truncatedLines() + " line(s) longer than " + LineReader.MAX_LINE_BYTES
                    + " bytes were cut to that length in the index (first: line " + reader.firstTruncatedLine() + ")");
        }
        if (input.utf16()) {
            notes.add("UTF-16 text (it starts with a byte-order mark): read as such");
        }
        if (input.truncatedAt() >= 0) {
            notes.add("the gzip stream is truncated or damaged: reading stopped at compressed byte "
                    + input.truncatedAt() + "; what was readable before it was imported");
        }
        if (reader != null && reader.droppedFragmentLine() > 0) {
            notes.add("line " + reader.droppedFragmentLine() + " breaks off where the stream does; it was left out");
        }
        if (input.expansionLimitHit()) {
            notes.add("decompression stopped: the file expands more than " + FileInput.MAX_EXPANSION
                    + " times its size (a compression bomb?)");
        }
        return notes;
    }

    private ImportReport refusal(Path file, Sample sample, List<FormatDetector.Score> ranked) {
        // formats that read none of the lines are no "best": the first line says more about what the file is
        String tried = ranked.stream().filter(s -> s.score() > 0).limit(5)
                .map(s -> s.format().name() + String.format(Locale.ROOT, " %.2f", s.score()))
                .reduce((a, b) -> a + ", " + b).orElse(null);
        String firstLine = sample.lines().stream().filter(line -> !line.isBlank()).findFirst()
                .map(line -> line.length() > 80 ? line.substring(0, 80) + "..." : line).orElse("");
        String why = tried != null ? "best scores: " + tried + "; a format needs " + FormatDetector.MIN_SCORE
                : "no format reads any of its first lines, which start '" + firstLine + "'";
        boolean binary = FileInput.looksBinary(sample.head());
        String message = binary
                ? "looks like a binary file, not text evidence; nothing of it was kept"
                : "no format recognises this file (" + why + "); nothing of it was kept. Name one with --format; "
                + "'pmw formats' lists them";
        return new ImportReport(file.toString(), ImportReport.REFUSED, null, null, 0, 0, List.of(), List.of(), null,
                null, message);
    }

    void abandon(List<Path> staged) {
        for (Path p : staged) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover in evidence/.incoming is harmless and removed at the next import
            }
        }
    }

    /** Moves the staged copies to their final names; already-present identical files are kept. */
    List<Path> publish(Result result) throws IOException {
        List<Path> created = new ArrayList<>();
        for (SourceFile source : result.sources()) {
            Path target = layout.root().resolve(source.evidencePath());
            Path temp = layout.incomingDir().resolve(source.sha256() + ".part");
            if (Files.exists(target)) {
                Files.deleteIfExists(temp);
                continue;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            created.add(target);
        }
        return created;
    }

    /** The files in the order given, except that those starting with a year-less date ("Oct 10 14:02:11") go last. */
    private static List<Path> yearlessLast(List<Path> files) {
        List<Path> withYears = new ArrayList<>();
        List<Path> yearless = new ArrayList<>();
        for (Path file : files) {
            (startsYearless(file) ? yearless : withYears).add(file);
        }
        withYears.addAll(yearless);
        return withYears;
    }

    private static final java.util.regex.Pattern YEARLESS = java.util.regex.Pattern.compile(
            "^(<\\d{1,3}>)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d:\\d\\d");

    private static boolean startsYearless(Path file) {
        try {
            Sample sample = new FileInput(file, file.getFileName().toString()).sample(5);
            return sample.nonBlankLines().stream().anyMatch(line -> YEARLESS.matcher(line).find());
        } catch (IOException | RuntimeException e) {
            return false; // the import itself will say what is wrong with the file
        }
    }

    /**
     * What year-less timestamps (syslog) should fall nearest to: the incident window, else the time range of the
     * evidence already imported, else null (the parser then takes the latest year not in the future).
     */
    static long[] yearReference(Incident incident, EventIndex index) throws IOException {
        TimeWindow window = incident.getWindow();
        if (window != null && window.start() != null) {
            long start = window.start().toEpochMilli();
            return new long[] {start, window.end() != null ? window.end().toEpochMilli() : start};
        }
        return index.timeRange();
    }

    /** {@code reference} widened to take in [first, last]. */
    private static long[] widen(long[] reference, Long first, Long last) {
        if (first == null || last == null) {
            return reference;
        }
        return reference == null ? new long[] {first, last}
                : new long[] {Math.min(reference[0], first), Math.max(reference[1], last)};
    }

    /**
     * Removes the copies an import that was killed left in evidence/.incoming: only one import at a time writes
     * there (the project's lock and its import lock), so whatever is there now belongs to no import.
     */
    private void clearIncoming() throws IOException {
        Path incoming = layout.incomingDir();
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> left = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Copies a file byte for byte into evidence/.incoming under a temporary name. */
    private Path copyIn(Path file) throws IOException {
        Files.createDirectories(layout.incomingDir());
        Path temp = Files.createTempFile(layout.incomingDir(), "import-", ".part");
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        return temp;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String join(Future<String> hash) throws IOException {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            return ".gz";
        }
        return "";
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant toInstant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /** Regular files under the inputs, folders walked in name order, hidden files skipped. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IOException(input + ": no such file or folder");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(input.relativize(p)))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file's path relative to the folder it was found in, or its name when given directly. */
    static String displayName(List<Path> inputs, Path file) {
        for (Path input : inputs) {
            if (Files.isDirectory(input) && file.startsWith(input)) {
                // keep the folder's own name: web1/access_log and web2/access_log stay apart
                Path base = input.toAbsolutePath().normalize().getParent();
                Path abs = file.toAbsolutePath().normalize();
                return (base == null ? input.relativize(file) : base.relativize(abs)).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }

    /** A short readable id: the relative path with unusual characters replaced, made unique with -2, -3... */
    static String sourceId(String display, Set<String> used) {
        String base = display.endsWith(".gz") ? display.substring(0, display.length() - 3) : display;
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) {
            base = "source";
        }
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * A parser's message without the file's name in front: the report already names the file, and printed after it
     * the name read twice ("bad.csv: bad.csv: line 1: ...").
     */
    static String withoutFileName(String message, String fileName) {
        if (message == null) {
            return "";
        }
        for (String prefix : List.of(fileName + ": ", fileName + " ")) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }
}
