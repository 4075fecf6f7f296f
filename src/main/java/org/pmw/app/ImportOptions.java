package org.pmw.app;

import java.time.ZoneId;

/**
 * Choices the user can make for an import; null means "detect" (format), "the project's" (zone),
 * "the project window's or this year" (year) and "from the data" (host).
 */
public record ImportOptions(String format, ZoneId zone, Integer year, String host, long clockOffsetMs) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, 0);
    }
}
