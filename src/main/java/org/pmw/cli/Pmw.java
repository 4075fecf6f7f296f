package org.pmw.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pmw} command line: everything the window can do to a project, a script can do too. */
@Command(name = "pmw", mixinStandardHelpOptions = true, version = "Postmortem Workbench 0.1",
        description = "Investigate an outage and write it up: import evidence, search it, record the investigation.",
        subcommands = {InitCommand.class, ImportCommand.class, RetimeCommand.class, ReindexCommand.class, SearchCommand.class,
                HistogramCommand.class, TopCommand.class, ShowCommand.class, PatternsCommand.class, LoadtestCommand.class, HypothesisCommand.class,
                RecordCommands.ExperimentCommand.class, RecordCommands.ChangeCommand.class,
                RecordCommands.OutcomeCommand.class, RecordCommands.ActionCommand.class,
                RecordCommands.BookmarkCommand.class, RecordCommands.LinkCommand.class,
                RecordCommands.MarkerCommand.class, RecordCommands.SearchSaveCommand.class,
                RecordCommands.TimelineCommand.class, WriteCommand.class, ReportCommand.class, SampleCommand.class, FormatsCommand.class, CommandLine.HelpCommand.class})
public final class Pmw implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit status (0 ok, 1 failed, 2 usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Pmw());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("pmw: " + describe(ex));
            commandLine.getErr().flush();
            return ex instanceof UsageException ? 2 : 1;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static String describe(Throwable ex) {
        // the JDK's file errors carry only the path as their message: say what went wrong with it
        if (ex instanceof java.nio.file.NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (ex instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (ex instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        if (ex instanceof java.nio.charset.CharacterCodingException) {
            return "the input is not UTF-8 text (" + ex.getMessage() + ")";
        }
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        return message;
    }
}
