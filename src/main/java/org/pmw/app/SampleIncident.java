package org.pmw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pmw.model.TimeWindow;
import org.pmw.sample.SampleFacts;
import org.pmw.sample.SampleIncidentGenerator;

/**
 * The sample incident: the outage of Monday 10 October 2005 as the evidence its engineer had, imported into
 * a project, with the investigation he wrote down recorded in it.
 */
public final class SampleIncident {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final String TITLE = "Intermittent outage: Apache segfaults and MySQL connection errors";

    private SampleIncident() {
    }

    /** The headline figures of a generated sample. */
    public record Summary(int files, long requests, long segfaults, int threshold) {
        static Summary of(SampleFacts facts) {
            return new Summary(facts.files().size(), facts.totalRequests(), facts.segfaults(),
                    facts.thresholds().before());
        }
    }

    /** Writes the raw evidence files (real formats), facts.json and README.md into {@code out}. */
    public static Summary generate(Path out, long seed, double scale) throws IOException {
        return Summary.of(SampleIncidentGenerator.generate(out, seed, scale));
    }

    /**
     * Builds the sample project in {@code dir} (which must not be a project yet): generates the evidence,
     * imports it, records the investigation, and copies README.md and facts.json next to incident.json.
     */
    public static Summary build(Path dir, long seed, double scale, Progress progress) throws IOException,
            ImportException {
        Path raw = Files.createTempDirectory("pmw-sample-");
        try {
            SampleFacts facts = SampleIncidentGenerator.generate(raw, seed, scale);
            Project.create(dir, TITLE, ZONE, Clock.systemUTC());
            try (Project project = Project.open(dir, progress)) {
                project.incident().setWindow(new TimeWindow(OffsetDateTime.parse(facts.logStartLocal()).toInstant(),
                        OffsetDateTime.parse(facts.logEndLocal()).toInstant()));
                project.incident().setAuthors(List.of("Platform engineer on call"));
                project.save();
                for (String host : List.of("web1", "web2", "web3", "db1")) {
                    importAll(project, List.of(raw.resolve(host)), new ImportOptions(null, null, 2005, host, 0), progress);
                }
                importAll(project, List.of(raw.resolve("dom0")), new ImportOptions(null, null, 2005, null, 0), progress);
                importAll(project, List.of(raw.resolve("loadtest"), raw.resolve("changes")), ImportOptions.defaults(),
                        progress);
                SampleInvestigation.record(project, facts);
                project.save();
            }
            for (String file : List.of(SampleIncidentGenerator.README_FILE, SampleIncidentGenerator.FACTS_FILE)) {
                Files.copy(raw.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            return Summary.of(facts);
        } finally {
            deleteTree(raw);
        }
    }

    private static void importAll(Project project, List<Path> inputs, ImportOptions options, Progress progress)
            throws ImportException {
        List<Path> existing = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.exists(p)) {
                existing.add(p);
            }
        }
        List<ImportReport> reports = project.importFiles(existing, options, progress);
        List<String> refused = reports.stream().filter(r -> ImportReport.REFUSED.equals(r.status()))
                .map(r -> r.file() + ": " + r.message()).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the sample's evidence was not all recognised: " + refused);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
