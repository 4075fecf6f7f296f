package org.pmw.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.ingest.FormatRegistry;

/** Projects for tests, with the test format and a fixed clock. */
public final class TestProjects {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private TestProjects() {
    }

    public static FormatRegistry registry() {
        return new FormatRegistry(List.of(new KeyValueFormat()));
    }

    public static Project create(Path dir) throws IOException {
        Project.create(dir, "Test incident", ZoneId.of("UTC"), CLOCK);
        return open(dir);
    }

    /** A copy of the committed sample incident without its index, as a fresh clone has it. */
    public static Path copyOfSample(Path into) throws IOException {
        Path committed = Path.of("sample-incident");
        Path copy = into.resolve("sample-incident");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(committed)) {
            for (Path p : files.filter(p -> !committed.relativize(p).startsWith("index")
                    && !p.getFileName().toString().equals(".pmw.lock")).toList()) {
                Path target = copy.resolve(committed.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    public static Project open(Path dir) throws IOException {
        return Project.open(dir, registry(), CLOCK, Progress.NONE);
    }
}
