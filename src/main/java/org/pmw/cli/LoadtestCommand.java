package org.pmw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmw.app.LoadTestQueries;
import org.pmw.app.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "loadtest", description = {"Load-test runs: steps by concurrency, the USL fit, the knee and where"
        + " errors start.", "  --compare BEFORE AFTER compares two runs step by step."})
final class LoadtestCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RUN", description = "One run, e.g. R2 (default: all).")
    String run;

    @Option(names = "--compare", arity = "2", paramLabel = "RUN")
    List<String> compare;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (run != null && compare != null) {
            // the run given alone would be dropped: which two are compared must not be a guess
            throw new UsageException("RUN and --compare: give the runs once, after --compare (pmw loadtest "
                    + project.dir + " --compare " + String.join(" ", compare) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.openReadOnly(project.dir)) {
            if (compare != null && json) {
                Output.json(out, LoadTestQueries.compare(p, compare.get(0), compare.get(1)));
            } else if (compare != null) {
                out.print(LoadTestQueries.compareText(p, compare.get(0), compare.get(1)));
            } else if (json) {
                Output.json(out, LoadTestQueries.analysis(p, run));
            } else {
                out.print(LoadTestQueries.text(p, run));
            }
        }
        out.flush();
        return 0;
    }
}
