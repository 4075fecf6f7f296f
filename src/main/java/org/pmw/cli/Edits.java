package org.pmw.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.pmw.app.EditSession;
import org.pmw.app.Progress;
import org.pmw.app.Project;

/** A write to a project from the command line: takes the lock, applies one validated edit, saves atomically. */
final class Edits {

    private Edits() {
    }

    static void apply(Path dir, String label, EditSession.Edit edit) throws IOException {
        apply(dir, label, p -> { }, edit);
    }

    /** What an edit needs to be true of the evidence (an event that exists, a query that parses). */
    @FunctionalInterface
    interface Check {
        void check(Project project) throws IOException;
    }

    static void apply(Path dir, String label, Check check, EditSession.Edit edit) throws IOException {
        try (Project p = Project.open(dir, Progress.NONE)) {
            check.check(p);
            new EditSession(p).apply(label, edit);
        }
    }

    /** Refuses a reference to an event the project does not have; a saved search's id (S1) passes. */
    static Check eventExists(String ref) {
        return p -> {
            if (ref != null && ref.contains(":") && p.event(ref).isEmpty()) {
                throw new IllegalArgumentException("no event at " + ref + " (pmw show " + p.root() + " " + ref
                        + " tells what is there); nothing was changed");
            }
        };
    }

    /** Refuses a query that does not parse, with the parser's explanation. */
    static Check queryParses(String query) {
        return p -> p.count(query, null, null);
    }
}
