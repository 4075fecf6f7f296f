package org.pmw.ingest.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.ParseContext;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

/** The one run a load-test file yields: named after the file, identified by its source. */
final class Runs {

    private Runs() {
    }

    /** Builds the run and also hands every note to the context, so the import report shows it. */
    static LoadTestRun of(ParseContext ctx, String format, List<LoadTestStep> steps, Instant start, Instant end,
                          List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        for (String note : all) {
            ctx.note(note);
        }
        return new LoadTestRun(ctx.sourceId(), baseName(ctx.fileName()), format, List.of(ctx.sourceId()), start, end,
                steps, all);
    }

    static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
