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
        try (Project p = Project.open(dir, Progress.NONE)) {
            new EditSession(p).apply(label, edit);
        }
    }
}
