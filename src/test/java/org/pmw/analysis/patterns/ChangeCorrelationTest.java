package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;
import org.pmw.model.Change;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCorrelationTest {

    private static final Instant T0 = Instant.parse("2005-10-10T12:00:00Z");
    private static final long MINUTE = 60_000;

    private static Change change(String id, Instant at) {
        return new Change(id, "deploy", id, null, "web", null, "prod", at, null, "done", "ops", null, null, null,
                null, List.of(), null, "manual");
    }

    /** Minute buckets over six hours; the segfault pattern appears three minutes after 14:00. */
    private static List<PatternSeries> series() {
        long[] access = new long[360];
        long[] segfault = new long[360];
        long[] cron = new long[360];
        for (int i = 0; i < 360; i++) {
            access[i] = 10 + (i % 3);
            cron[i] = i % 60 == 0 ? 1 : 0;
            if (i >= 123 && i < 160) {
                segfault[i] = 5;
            }
        }
        return List.of(new PatternSeries("access", T0.toEpochMilli(), MINUTE, access),
                new PatternSeries("segfault", T0.toEpochMilli(), MINUTE, segfault),
                new PatternSeries("cron", T0.toEpochMilli(), MINUTE, cron));
    }

    @Test
    void changeFollowedBySurgeRanksFirst() {
        Change quiet = change("config-13h", T0.plus(Duration.ofHours(1)));
        Change culprit = change("deploy-14h", T0.plus(Duration.ofHours(2)));
        Change late = change("deploy-1350", T0.plus(Duration.ofMinutes(110)));
        Change unplaced = change("no-time", null);

        List<ChangeCorrelationScore> ranking = ChangeCorrelation.rank(List.of(quiet, late, culprit, unplaced),
                series());

        assertEquals(List.of("deploy-14h", "deploy-1350", "config-13h"),
                ranking.stream().map(ChangeCorrelationScore::changeId).toList());
        ChangeCorrelationScore top = ranking.get(0);
        assertEquals("segfault", top.patternId());
        assertEquals(3 * MINUTE, top.delayMillis());
        assertEquals(List.of("segfault"), top.surging());
        assertTrue(top.score() > ranking.get(1).score());
        // the 13:50 change is followed by the same surge, but 13 minutes later: it scores less
        assertEquals(13 * MINUTE, ranking.get(1).delayMillis());
        ChangeCorrelationScore none = ranking.get(2);
        assertEquals(0.0, none.score());
        assertNull(none.patternId());
    }
}
