package org.pmw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportReport;
import org.pmw.app.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import evidence files or folders (.gz read transparently) into a project.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE_OR_FOLDER")
    List<Path> inputs;

    @Option(names = "--format", description = "Skip detection and read every file as this format ('pmw formats').")
    String format;

    @Option(names = "--zone", description = "Time zone of timestamps without one (default: the project's).")
    String zone;

    @Option(names = "--year", description = "Year of timestamps without one, e.g. syslog (default: the project window's).")
    Integer year;

    @Option(names = "--host", description = "Host name to give every event of these files.")
    String host;

    @Option(names = "--clock-offset", paramLabel = "DURATION",
            description = "Correct a wrong clock: added to every timestamp, e.g. -90s or 2m.")
    String clockOffset;

    @Option(names = "--json", description = "Print one JSON object per file.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long offset = clockOffset == null ? 0 : ClockOffsets.parse(clockOffset);
        if (format != null && org.pmw.app.FormatInfo.all().stream().noneMatch(f -> f.name().equals(format))) {
            throw new UsageException("--format: unknown format '" + format + "'; 'pmw formats' lists them");
        }
        ImportOptions options = new ImportOptions(format, Zones.parse(zone), year, host, offset);
        ConsoleProgress progress = new ConsoleProgress(err);
        List<ImportReport> reports;
        long started = System.nanoTime();
        try (Project p = Project.open(project.dir, progress)) {
            reports = p.importFiles(inputs, options, progress);
        } finally {
            progress.done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            Output.json(out, reports.stream().map(ImportCommand::toJson).toList());
        } else {
            for (ImportReport r : reports) {
                printText(out, r);
                if (ImportReport.DUPLICATE.equals(r.status()) && (zone != null || clockOffset != null || year != null)) {
                    // imported again to fix its times: the content is already there, and retime is what fixes them
                    out.printf("  to read its times with other options: pmw retime %s %s%s%s%s%n", project.dir,
                            r.source(), zone == null ? "" : " --zone " + zone,
                            clockOffset == null ? "" : " --clock-offset " + clockOffset,
                            year == null ? "" : " --year " + year);
                }
            }
            long events = reports.stream().mapToLong(ImportReport::events).sum();
            out.printf("%d file(s), %d event(s) in %.1f s%n", reports.size(), events, seconds);
        }
        out.flush();
        boolean refused = reports.stream().anyMatch(r -> ImportReport.REFUSED.equals(r.status()));
        if (refused) {
            for (ImportReport r : reports) {
                if (ImportReport.REFUSED.equals(r.status())) {
                    err.println("pmw: " + r.file() + ": " + r.message());
                }
            }
            err.flush();
            return 1;
        }
        return 0;
    }

    private static void printText(PrintWriter out, ImportReport r) {
        switch (r.status()) {
            case ImportReport.IMPORTED -> {
                out.printf("%s: %s, %d events, %d skipped, %s .. %s (source %s)%n", r.file(), r.format(), r.events(),
                        r.skipped(), r.first() == null ? "-" : r.first(), r.last() == null ? "-" : r.last(), r.source());
                r.skipReasons().forEach(reason -> out.println("  skipped " + reason));
                r.notes().forEach(note -> out.println("  note: " + note));
            }
            case ImportReport.DUPLICATE -> out.printf("%s: already in the project as %s; not imported again%n",
                    r.file(), r.source());
            default -> out.printf("%s: refused: %s%n", r.file(), r.message());
        }
    }

    static java.util.Map<String, Object> toJson(ImportReport r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", r.file());
        m.put("status", r.status());
        m.put("source", r.source());
        m.put("format", r.format());
        m.put("events", r.events());
        m.put("skipped", r.skipped());
        m.put("skip_reasons", r.skipReasons());
        m.put("notes", r.notes());
        m.put("first", r.first() == null ? null : r.first().toString());
        m.put("last", r.last() == null ? null : r.last().toString());
        if (r.message() != null) {
            m.put("message", r.message());
        }
        return m;
    }
}
