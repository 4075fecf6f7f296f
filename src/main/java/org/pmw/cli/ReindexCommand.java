package org.pmw.cli;

import java.util.concurrent.Callable;
import org.pmw.app.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "reindex", description = "Rebuild the project's index from evidence/ and incident.json.")
final class ReindexCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        long started = System.nanoTime();
        try (Project p = Project.open(project.dir, progress)) {
            p.reindex(progress);
            progress.done();
            spec.commandLine().getOut().printf("Re-indexed %d event(s) from %d source(s) in %.1f s%n",
                    p.eventCount(), p.incident().getSources().size(), (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
