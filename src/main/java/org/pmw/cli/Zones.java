package org.pmw.cli;

import java.time.DateTimeException;
import java.time.ZoneId;

final class Zones {

    private Zones() {
    }

    static ZoneId parse(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageException("unknown time zone '" + zone + "': use a region such as "
                    + "America/New_York, an offset such as -04:00, or UTC");
        }
    }
}
