package org.pmw.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The project folder every project command starts with. */
final class ProjectArgument {

    @Parameters(index = "0", paramLabel = "DIR", description = "The incident project folder.")
    Path dir;
}
