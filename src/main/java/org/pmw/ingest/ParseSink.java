package org.pmw.ingest;

import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.LoadTestRun;

/** Receives what a parser finds. Throws {@link java.util.concurrent.CancellationException} when cancelled. */
public interface ParseSink {

    void event(Event event);

    /** A load-test run found in the file (load-test formats only). */
    default void loadTestRun(LoadTestRun run) {
        throw new UnsupportedOperationException("this import does not accept load-test runs");
    }

    /** A change record found in the file (change formats only). */
    default void change(Change change) {
        throw new UnsupportedOperationException("this import does not accept change records");
    }
}
