package org.pmw.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmw.app.SampleIncident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sample", description = "The sample incident of 10 October 2005.",
        subcommands = {SampleCommand.Generate.class, SampleCommand.Build.class})
final class SampleCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", description = "Write the sample's raw evidence files, facts.json and README.md.")
    static final class Generate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OUT_DIR")
        Path out;

        @Option(names = "--seed", defaultValue = "20051010")
        long seed;

        @Option(names = "--scale", defaultValue = "1", description = "Multiplies the traffic (for benchmarks).")
        double scale;

        @Override
        public Integer call() throws Exception {
            SampleIncident.Summary facts = SampleIncident.generate(out, seed, scale);
            spec.commandLine().getOut().printf("Wrote %d files to %s: %,d requests, %d segfaults, threshold %d%n",
                    facts.files(), out, facts.requests(), facts.segfaults(), facts.threshold());
            return 0;
        }
    }

    @Command(name = "build", description = "Build the sample incident project: generate, import, record the investigation.")
    static final class Build implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--seed", defaultValue = "20051010")
        long seed;

        @Option(names = "--scale", defaultValue = "1")
        double scale;

        @Override
        public Integer call() throws Exception {
            ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
            SampleIncident.Summary facts = SampleIncident.build(dir, seed, scale, progress);
            progress.done();
            spec.commandLine().getOut().printf("Built the sample incident in %s (%,d requests, %d segfaults)%n", dir,
                    facts.requests(), facts.segfaults());
            return 0;
        }
    }
}
