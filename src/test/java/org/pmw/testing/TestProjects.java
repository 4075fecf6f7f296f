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

    public static Project open(Path dir) throws IOException {
        return Project.open(dir, registry(), CLOCK, Progress.NONE);
    }
}
