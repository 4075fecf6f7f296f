package org.pmw.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.app.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Export the postmortem: Markdown, self-contained HTML or PDF.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--format", defaultValue = "md", description = "md, html or pdf (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it (default: stdout for md and html).")
    Path output;

    @Option(names = "--final", description = "Refuse while prose sections are still empty (so does a report whose status is final).")
    boolean finalVersion;

    @Option(names = "--template", defaultValue = "sre", description = "sre, pagerduty or atlassian (default: ${DEFAULT-VALUE}).")
    String template;

    @Override
    public Integer call() throws Exception {
        try {
            Reports.checkFormat(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (format.equalsIgnoreCase("pdf") && output == null) {
            throw new UsageException("a PDF needs a file: add -o report.pdf");
        }
        byte[] bytes;
        try (Project p = Project.openReadOnly(project.dir)) {
            // a report whose status is final is exported as one, as the Report tab exports it
            bytes = Reports.render(p, format, template, finalVersion || "final".equals(p.incident().getReportStatus()));
        }
        if (output == null) {
            spec.commandLine().getOut().print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            Files.write(output, bytes);
            spec.commandLine().getErr().println("Wrote " + output + " (" + bytes.length + " bytes)");
        }
        return 0;
    }
}
