package org.pmw.ingest.logs;

import java.util.List;
import org.pmw.ingest.Format;

/** The built-in log formats. */
public final class LogFormats {

    private LogFormats() {
    }

    public static List<Format> all() {
        return List.of();
    }
}
