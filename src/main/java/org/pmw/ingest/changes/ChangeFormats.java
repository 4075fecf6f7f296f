package org.pmw.ingest.changes;

import java.util.List;
import org.pmw.ingest.Format;

/** The built-in change-record formats. */
public final class ChangeFormats {

    private ChangeFormats() {
    }

    public static List<Format> all() {
        return List.of(new ChangesCsvFormat(), new ChangesJsonFormat(), new GitLogFormat());
    }
}
