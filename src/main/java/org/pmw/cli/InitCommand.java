package org.pmw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", description = "Create an incident project folder: incident.json, evidence/, index/.")
final class InitCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--title", description = "Title of the incident.", defaultValue = "Untitled incident")
    String title;

    @Option(names = "--zone", description = "Time zone of the project, e.g. America/New_York (default: UTC).",
            defaultValue = "UTC")
    String zone;

    @Override
    public Integer call() {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageException("unknown time zone '" + zone + "': use a region such as "
                    + "America/New_York, Europe/Berlin or UTC");
        }
        Project.create(dir, title, zoneId, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created incident project " + dir.toAbsolutePath().normalize() + " (zone " + zoneId + ")");
        return 0;
    }
}
