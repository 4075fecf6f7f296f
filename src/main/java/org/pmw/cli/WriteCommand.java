package org.pmw.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pmw.app.investigation.Vocabulary;
import org.pmw.model.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The postmortem's prose from the command line, as the Report tab's Write pane edits it. */
@Command(name = "write", description = {"Write a section of the postmortem's prose: summary, impact, root_causes,"
        + " trigger, resolution, detection, went_well, went_wrong, got_lucky. An empty TEXT clears it.",
        "  authors TEXT: the header's authors, separated by commas; status draft|reviewed|final: its status."})
final class WriteCommand implements Callable<Integer> {

    /** Not prose: the header's authors and the report's status, written as the sections are. */
    private static final String AUTHORS = "authors";
    private static final String STATUS = "status";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Parameters(index = "1", paramLabel = "SECTION")
    String section;

    @Parameters(index = "2", paramLabel = "TEXT", arity = "0..1", description = "The text (or --file).")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the text from a file (UTF-8).")
    Path file;

    @Override
    public Integer call() throws Exception {
        String name = section.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!ReportText.SECTIONS.contains(name) && !name.equals(AUTHORS) && !name.equals(STATUS)) {
            throw new UsageException("unknown report section '" + section + "' (expected "
                    + String.join(", ", ReportText.SECTIONS) + "; or authors, status for the header)");
        }
        if ((text == null) == (file == null)) {
            throw new UsageException("give the section's TEXT or --file FILE (one of them)");
        }
        if (file != null && Files.isDirectory(file)) {
            // reading a folder fails with the JDK's bare "Is a directory", which names no file
            throw new FileSystemException(file.toString(), null,
                    "is a folder; --file expects a text file (UTF-8) holding the text");
        }
        String prose = file == null ? text : Files.readString(file, StandardCharsets.UTF_8);
        if (name.equals(STATUS)) {
            String status = UsageException.option("status", () -> Vocabulary.require("report status", prose.strip(),
                    Vocabulary.REPORT_STATUSES));
            Edits.apply(dir, "report status", inv -> inv.setReportStatus(status));
            return 0;
        }
        if (name.equals(AUTHORS)) {
            Edits.apply(dir, "report authors", inv -> inv.setReportAuthors(prose));
            return 0;
        }
        Edits.apply(dir, "report prose", inv -> {
            ReportText current = inv.incident().getReport() == null ? ReportText.empty() : inv.incident().getReport();
            inv.incident().setReport(current.with(name, prose));
        });
        return 0;
    }
}
