package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void offsetsAreHonouredAndLocalTimesAreInTheProjectZone() {
        Instant push = Instant.parse("2005-10-10T22:00:00Z");
        assertEquals(push, TimeArguments.parse("2005-10-10T18:00:00-04:00", NEW_YORK));
        assertEquals(push, TimeArguments.parse("2005-10-10T22:00:00Z", NEW_YORK));
        assertEquals(push, TimeArguments.parse("2005-10-10T18:00", NEW_YORK));
        assertEquals(push, TimeArguments.parse("2005-10-10 18:00:00", NEW_YORK));
        assertEquals(Instant.parse("2005-10-10T04:00:00Z"), TimeArguments.parse("2005-10-10", NEW_YORK));
    }

    @Test
    void badTimesAndDurationsSayWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeArguments.parse("yesterday", NEW_YORK));
        assertTrue(e.getMessage().contains("ISO-8601") && e.getMessage().contains("America/New_York"), e.getMessage());
        assertEquals(Duration.ofMinutes(10), TimeArguments.duration("10m"));
        assertEquals(Duration.ofHours(1), TimeArguments.duration("1h"));
        assertThrows(IllegalArgumentException.class, () -> TimeArguments.duration("0m"));
        assertThrows(IllegalArgumentException.class, () -> TimeArguments.duration("ten minutes"));
    }
}
