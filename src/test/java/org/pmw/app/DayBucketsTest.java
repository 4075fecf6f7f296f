package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.model.Histogram;
import org.pmw.testing.TestProjects;

class DayBucketsTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    /** New York left daylight saving time on Sunday 30 October 2005: that day had 25 hours. */
    @Test
    void dayBucketsAreLocalDaysAcrossTheChangeOfClocks(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("app.log");
        Files.writeString(log, String.join("\n",
                "2005-10-30T03:30:00Z info web1 late on Saturday",           // 23:30 EDT, 29 October
                "2005-10-30T04:30:00Z info web1 just after midnight",         // 00:30 EDT, 30 October
                "2005-10-31T04:30:00Z info web1 late on the long Sunday",     // 23:30 EST, 30 October
                "2005-10-31T05:30:00Z info web1 just after the next midnight", // 00:30 EST, 31 October
                ""));
        Project.create(tmp.resolve("p"), "Clocks", ZoneId.of("America/New_York"), TestProjects.CLOCK);
        try (Project p = TestProjects.open(tmp.resolve("p"))) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            Histogram days = p.histogram("*", null, null, DAY);
            assertEquals(List.of(
                    new Histogram.Bucket(Instant.parse("2005-10-29T04:00:00Z").toEpochMilli(), 1),
                    new Histogram.Bucket(Instant.parse("2005-10-30T04:00:00Z").toEpochMilli(), 2),
                    new Histogram.Bucket(Instant.parse("2005-10-31T05:00:00Z").toEpochMilli(), 1)), days.buckets());
            // hours stay hours: the repeated 01:00 is two buckets
            Histogram hours = p.histogram("*", Instant.parse("2005-10-30T04:00:00Z"),
                    Instant.parse("2005-10-30T08:00:00Z"), HOUR);
            assertEquals(4, hours.buckets().size());
            assertEquals(Instant.parse("2005-10-30T05:00:00Z").toEpochMilli(), hours.buckets().get(1).start());
            assertEquals(Instant.parse("2005-10-30T06:00:00Z").toEpochMilli(), hours.buckets().get(2).start());
        }
    }
}
