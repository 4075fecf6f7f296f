package org.pmw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OutputTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theHourRepeatedWhenClocksGoBackIsToldApartByItsOffset() {
        String summer = Output.local(Instant.parse("2023-11-05T05:30:00Z").toEpochMilli(), NEW_YORK);
        String winter = Output.local(Instant.parse("2023-11-05T06:30:00Z").toEpochMilli(), NEW_YORK);
        assertEquals("2023-11-05 01:30:00.000 -04:00", summer);
        assertEquals("2023-11-05 01:30:00.000 -05:00", winter);
        assertEquals("2023-11-05 03:30:00.000", Output.local(Instant.parse("2023-11-05T08:30:00Z").toEpochMilli(),
                NEW_YORK), "any other hour is written as before");
    }
}
