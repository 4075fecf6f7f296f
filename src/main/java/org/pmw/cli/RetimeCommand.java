package org.pmw.cli;

import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.model.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "retime", description = "Read a log again with the zone, clock offset or year it should have had"
        + " (imported with the wrong one); its events keep their source:line.")
final class RetimeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "SOURCE", description = "The source's id, as search results show it.")
    String source;

    @Option(names = "--zone", description = "Time zone of its timestamps without one.")
    String zone;

    @Option(names = "--clock-offset", paramLabel = "DURATION",
            description = "Correct a wrong clock: added to every timestamp, e.g. -90s or 2m (0 to remove one).")
    String clockOffset;

    @Option(names = "--year", description = "Year of its timestamps without one.")
    Integer year;

    @Override
    public Integer call() throws Exception {
        if (zone == null && clockOffset == null && year == null) {
            throw new UsageException("say what to change: --zone, --clock-offset or --year");
        }
        if (year != null && (year < 1 || year > 9999)) {
            throw new UsageException("--year must be a year such as 2005, not " + year);
        }
        Long offset = clockOffset == null ? null : ClockOffsets.parse(clockOffset);
        java.time.ZoneId zoneId = Zones.parse(zone);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        long started = System.nanoTime();
        SourceFile retimed;
        try (Project p = Project.open(project.dir, progress)) {
            retimed = p.retime(source, zoneId, offset, year, progress);
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // an unknown source, or a change it refuses: the command's arguments, not the project, are at fault
            throw new UsageException("SOURCE: " + e.getMessage());
        } finally {
            progress.done();
        }
        spec.commandLine().getOut().printf("%s: zone %s, clock offset %+d ms%s; %d event(s), %s .. %s (%.1f s)%n",
                retimed.id(), retimed.zone(), retimed.clockOffsetMs(),
                retimed.year() == null ? "" : ", year " + retimed.year(), retimed.events(), retimed.first(),
                retimed.last(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
