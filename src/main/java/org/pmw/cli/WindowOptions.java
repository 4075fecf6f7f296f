package org.pmw.cli;

import java.time.Instant;
import java.time.ZoneId;
import org.pmw.app.TimeArguments;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: the time window a command looks at, read in the project's zone. */
final class WindowOptions {

    @Option(names = "--from", description = "Start of the time window (inclusive), ISO-8601.")
    String from;

    @Option(names = "--to", description = "End of the time window (exclusive), ISO-8601.")
    String to;

    /** The window's start, or null; a time that cannot be read is a usage error. */
    Instant from(ZoneId zone) {
        return from == null ? null : UsageException.option("--from", () -> TimeArguments.parse(from, zone));
    }

    /** The window's end, or null; a usage error when unreadable, or when it is not after the start. */
    Instant to(ZoneId zone) {
        Instant end = to == null ? null : UsageException.option("--to", () -> TimeArguments.parse(to, zone));
        UsageException.window(from(zone), end);
        return end;
    }
}
