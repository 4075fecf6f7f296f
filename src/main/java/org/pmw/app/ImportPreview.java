package org.pmw.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.FileInput;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;

/** What an import of one file would give: the format detected (with the scores) and its first events. */
public record ImportPreview(Path file, String format, double score, List<String> ranking, List<Event> firstEvents,
                            long skippedInPreview, String problem) {

    /** Reads only the start of the file; the project is not touched. */
    /** The files the import takes from {@code folder}, in its order: regular files at any depth, hidden ones left. */
    public static List<Path> filesOf(Path folder) throws java.io.IOException {
        return Importer.expand(List.of(folder));
    }

    public static ImportPreview of(Path file, ImportOptions options, ZoneId projectZone, int maxEvents) {
        return of(file, options, projectZone, null, maxEvents);
    }

    /**
     * As {@link #of(Path, ImportOptions, ZoneId, int)}, with what year-less timestamps should fall nearest to (see
     * {@link Project#yearReference()}), as the import will.
     */
    public static ImportPreview of(Path file, ImportOptions options, ZoneId projectZone, long[] yearReference,
                                   int maxEvents) {
        FormatRegistry registry = FormatRegistry.standard();
        try {
            FileInput input = new FileInput(file, file.getFileName().toString());
            Sample sample = input.sample(Importer.SAMPLE_LINES);
            List<FormatDetector.Score> ranked = new FormatDetector(registry).rank(sample);
            List<String> ranking = ranked.stream().limit(4)
                    .map(s -> s.format().name() + String.format(java.util.Locale.ROOT, " %.2f", s.score())).toList();
            Format format;
            double score;
            String archive = FileInput.archiveAdvice(sample.head());
            if (archive != null) {
                return new ImportPreview(file, null, 0, ranking, List.of(), 0, archive);
            }
            if (options.format() != null) {
                format = registry.byName(options.format()).orElseThrow(() ->
                        new IllegalArgumentException("unknown format " + options.format()));
                score = ranked.stream().filter(s -> s.format() == format).findFirst().map(FormatDetector.Score::score)
                        .orElse(0.0);
            } else if (ranked.isEmpty() || ranked.get(0).score() < FormatDetector.MIN_SCORE) {
                String why = FileInput.looksBinary(sample.head()) ? "looks like a binary file"
                        : "no format recognises this file";
                return new ImportPreview(file, null, ranked.isEmpty() ? 0 : ranked.get(0).score(), ranking, List.of(),
                        0, why);
            } else {
                format = ranked.get(0).format();
                score = ranked.get(0).score();
            }
            ZoneId zone = options.zone() != null ? options.zone() : projectZone;
            ParseContext context = new ParseContext("preview", file.getFileName().toString(), zone, options.year(),
                    options.host(), yearReference, System.currentTimeMillis());
            if (yearReference == null) {
                context = context.withFileTime(java.nio.file.Files.getLastModifiedTime(file).toMillis());
            }
            List<Event> events = new ArrayList<>();
            try {
                format.parse(input, context, new ParseSink() {
                    @Override
                    public void event(Event event) {
                        events.add(event);
                        if (events.size() >= maxEvents) {
                            throw new EnoughException();
                        }
                    }

                    @Override
                    public void loadTestRun(LoadTestRun run) {
                    }

                    @Override
                    public void change(Change change) {
                    }
                });
            } catch (EnoughException enough) {
                // the preview has what it needs
            }
            return new ImportPreview(file, format.name(), score, ranking, events, context.skipped(), null);
        } catch (IOException | FormatException | IllegalArgumentException e) {
            return new ImportPreview(file, null, 0, List.of(), List.of(), 0, e.getMessage());
        }
    }

    /** Ends the preview's parse early; not an error. */
    private static final class EnoughException extends RuntimeException {
        EnoughException() {
            super(null, null, false, false);
        }
    }
}
