package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void epochDayAgreesWithJavaTime() {
        for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2101, 1, 10)); d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
    }

    @Test
    void monthNamesInAnyCase() {
        String months = "JanFebMarAprMayJunJulAugSepOctNovDec";
        for (int m = 1; m <= 12; m++) {
            assertEquals(m, Timestamps.month(months, (m - 1) * 3));
            assertEquals(m, Timestamps.month(months.toUpperCase(), (m - 1) * 3));
        }
        assertEquals(0, Timestamps.month("Okt", 0));
        assertEquals(0, Timestamps.month("Ja", 0));
    }

    @Test
    void isoVariantsAndInvalidDates() {
        ParsedTime t = new ParsedTime();
        assertTrue(Timestamps.iso("2005-10-10T14:02:11.123456789+05:30 x", 0, '-', t));
        assertEquals(123_456_789, t.nanos);
        assertEquals(5 * 3600 + 1800, t.offsetSeconds);
        assertEquals(35, t.end);
        assertTrue(Timestamps.iso("2005-10-10 14:02:11,5-0700", 0, '-', t));
        assertEquals(500_000_000, t.nanos);
        assertEquals(-7 * 3600, t.offsetSeconds);
        assertTrue(Timestamps.iso("2005/10/10 14:02:11 [error]", 0, '/', t));
        assertFalse(t.hasOffset);
        assertEquals(19, t.end);
        assertFalse(Timestamps.iso("2005-02-30 14:02:11", 0, '-', t));
        assertFalse(Timestamps.iso("2005-10-10 24:02:11", 0, '-', t));
        assertFalse(Timestamps.iso("2005-10-10", 0, '-', t));
    }

    @Test
    void localClockFollowsSummerTimeChanges() {
        ZoneId zone = ZoneId.of("America/New_York");
        LocalClock clock = new LocalClock(zone);
        LocalDateTime start = LocalDateTime.of(2005, 3, 26, 0, 0);
        // every 7 minutes across the spring and autumn changes of 2005, skipping the hour that does not exist
        for (LocalDateTime t = start; t.isBefore(LocalDateTime.of(2005, 11, 2, 0, 0)); t = t.plusMinutes(7)) {
            if (t.isAfter(LocalDateTime.of(2005, 4, 3, 1, 59)) && t.isBefore(LocalDateTime.of(2005, 4, 3, 3, 0))) {
                continue;
            }
            long local = Timestamps.localSeconds(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                    t.getMinute(), t.getSecond());
            assertEquals(t.atZone(zone).toEpochSecond(), clock.toEpochSecond(local), t.toString());
        }
    }
}
