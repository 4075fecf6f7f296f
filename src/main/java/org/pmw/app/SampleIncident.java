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
            Files.writeString(dir.resolve(SampleIncidentGenerator.README_FILE), projectSection(dir),
                    java.nio.file.StandardOpenOption.APPEND);
            return Summary.of(facts);
        } finally {
            deleteTree(raw);
        }
    }

    /** How the generated files sit in the project: their source ids, formats and event counts. */
    private static String projectSection(Path dir) {
        org.pmw.model.Incident incident = new org.pmw.project.ProjectStore(new org.pmw.project.ProjectLayout(dir)).load();
        StringBuilder sb = new StringBuilder("\n## In this project folder\n\n");
        sb.append("The files above were imported with `pmw import` (web and db logs with `--host`, syslog with `--year 2005`)")
                .append(" and are kept byte for byte in `evidence/`, named by their SHA-256; `incident.json` records the")
                .append(" investigation below; `index/` is rebuilt from both when the project is first opened.\n\n")
                .append("| source id | format | events | file |\n|---|---|---:|---|\n");
        for (org.pmw.model.SourceFile s : incident.getSources()) {
            if (s.events() > 0 || !s.format().equals("ab")) {
                sb.append("| `").append(s.id()).append("` | ").append(s.format()).append(" | ").append(s.events())
                        .append(" | ").append(s.name()).append(" |\n");
            }
        }
        sb.append("| (").append(incident.getSources().stream().filter(s -> s.format().equals("ab")).count())
                .append(" ApacheBench reports) | ab | 0 | loadtest/run*/ab-c*.txt: summaries, no samples |\n\n");
        sb.append("Recorded investigation: ").append(incident.getHypotheses().size()).append(" hypotheses, ")
                .append(incident.getExperiments().size()).append(" experiments, ").append(incident.getLoadTestRuns().size())
                .append(" load-test runs, ").append(incident.getChanges().size()).append(" changes, ")
                .append(incident.getOutcomes().size()).append(" outcomes, ").append(incident.getActionItems().size())
                .append(" action items. Rebuild it all with `pmw sample build DIR`.\n");
        return sb.toString();
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
