package org.pmw.ingest;

import java.util.Locale;

/** What kind of evidence a format carries; decides what the import makes of it besides events. */
public enum FormatCategory {
    LOG, LOADTEST, CHANGES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
