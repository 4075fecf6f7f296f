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
    void aTimeInTheHourTheClocksGoBackIsWrittenSoThatItReadsBackAsTheSameInstant() {
        // New York's clocks went back at 02:00 on 30 October 2005: 01:30 came twice, at 05:30Z and at 06:30Z
        Instant firstTime = Instant.parse("2005-10-30T05:30:00Z");
        Instant secondTime = Instant.parse("2005-10-30T06:30:00Z");
        assertEquals(firstTime, TimeArguments.parse(TimeArguments.format(firstTime, NEW_YORK), NEW_YORK));
        assertEquals(secondTime, TimeArguments.parse(TimeArguments.format(secondTime, NEW_YORK), NEW_YORK),
                TimeArguments.format(secondTime, NEW_YORK));
        assertEquals("2005-10-10 18:00", TimeArguments.format(Instant.parse("2005-10-10T22:00:00Z"), NEW_YORK),
                "an hour that came once needs no offset");
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
