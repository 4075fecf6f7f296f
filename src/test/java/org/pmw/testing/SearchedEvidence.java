package org.pmw.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportReport;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.EventSearch;

/**
 * A test class that searches one project, imported once from the files {@link #evidence} writes: the project is
 * made before the class's first test and closed after its last, and {@link #total} counts what a query finds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchedEvidence {

    private Project project;
    private List<String> formats;

    /** Writes the evidence into {@code dir} and returns its files in the order they are imported. */
    protected abstract List<Path> evidence(Path dir) throws IOException;

    /** The empty project the evidence goes into: by default one that reads only the test format. */
    protected Project newProject(Path dir) throws IOException {
        return TestProjects.create(dir);
    }

    /** An empty project that reads every format the application knows, for logs written as real software writes them. */
    protected static Project withEveryFormat(Path dir, String title) throws IOException {
        Project.create(dir, title, ZoneId.of("UTC"), TestProjects.CLOCK);
        return Project.open(dir, Progress.NONE);
    }

    @BeforeAll
    final void importEvidence(@TempDir Path tmp) throws Exception {
        List<Path> files = evidence(tmp);
        project = newProject(tmp.resolve("p"));
        formats = project.importFiles(files, ImportOptions.defaults(), Progress.NONE).stream()
                .map(ImportReport::format).toList();
    }

    @AfterAll
    final void closeProject() throws IOException {
        if (project != null) {
            project.close();
        }
    }

    protected final Project project() {
        return project;
    }

    /** The format each evidence file was read as, in import order. */
    protected final List<String> formats() {
        return formats;
    }

    /** How many events {@code query} finds. */
    protected final long total(String query) throws IOException {
        return project.index().search(EventSearch.of(query).withLimit(0)).total();
    }
}
