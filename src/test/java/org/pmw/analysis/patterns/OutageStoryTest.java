package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A built day on a LAMP server: steady traffic, an outage burst at 14:00 with PHP segfaults, MaxClients and
 * MySQL connection errors, a push at 18:00 that ends them. Mining, counting and ranking end to end.
 */
class OutageStoryTest {

    private static final Instant DAY = Instant.parse("2005-10-10T00:00:00Z");
    private static final long MINUTE = 60_000;
    private static final long BURST_START = at(14, 0);
    private static final long BURST_END = at(14, 20);
    private static final long PUSH = at(18, 0);

    private static long at(int hour, int minute) {
        return DAY.toEpochMilli() + (hour * 60L + minute) * MINUTE;
    }

    private static List<Event> day(PatternMiner miner) {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        for (long t = at(12, 0); t < at(20, 0); t += 5_000) {
            int pid = 1000 + random.nextInt(30_000);
            add(events, miner, t, "[client 10.0.0." + random.nextInt(200) + "] File does not exist: "
                    + "/var/www/html/favicon.ico");
            if (random.nextInt(4) == 0) {
                add(events, miner, t + 1, "caught SIGTERM, shutting down child " + pid);
            }
            boolean outage = t >= BURST_START && t < BURST_END || t >= at(16, 30) && t < at(16, 45);
            if (outage) {
                add(events, miner, t + 2, "child pid " + pid + " exit signal Segmentation fault (11)");
                add(events, miner, t + 3, "PHP Warning:  mysql_connect(): Too many connections in "
                        + "/var/www/html/db.php on line " + (10 + random.nextInt(3)));
                if (random.nextInt(6) == 0) {
                    add(events, miner, t + 4, "server reached MaxClients setting, consider raising the "
                            + "MaxClients setting");
                }
                add(events, miner, t + 5, "Aborted connection " + random.nextInt(9999) + " to db: 'shop' user: "
                        + "'web' host: '10.0.0.11' (Got an error reading communication packets)");
            }
        }
        return events;
    }

    private static void add(List<Event> events, PatternMiner miner, long ts, String message) {
        events.add(Event.builder().ts(ts).kind(EventKind.LOG).level(Level.ERROR).message(message)
                .pattern(miner.assign(message, ts)).build());
    }

    @Test
    void burstPatternsTopTheOnsetRankingAndVanishAfterThePush() {
        PatternMiner miner = new PatternMiner();
        List<Event> events = day(miner);
        String segfault = miner.assign("child pid 1 exit signal Segmentation fault (11)");
        String maxClients = miner.assign(
                "server reached MaxClients setting, consider raising the MaxClients setting");
        String tooMany = miner.assign(
                "PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line 1");
        String aborted = miner.assign("Aborted connection 1 to db: 'shop' user: 'web' host: '10.0.0.1' "
                + "(Got an error reading communication packets)");
        assertEquals(6, miner.size(), () -> miner.patterns().toString());

        Map<String, Long> baseline = PatternCounts.count(events, at(13, 0), BURST_START);
        Map<String, Long> window = PatternCounts.count(events, BURST_START, BURST_END);
        List<OnsetScore> onset = OnsetAnalysis.rank(baseline, 60, window, 20);
        Set<String> burst = Set.of(segfault, maxClients, tooMany, aborted);
        assertEquals(burst, Set.copyOf(onset.subList(0, 4).stream().map(OnsetScore::patternId).toList()));
        assertTrue(onset.subList(0, 4).stream().allMatch(s -> s.isNew() && s.spiking()), onset::toString);
        assertTrue(onset.subList(4, onset.size()).stream().noneMatch(OnsetScore::spiking), onset::toString);

        Map<String, Long> before = PatternCounts.count(events, at(14, 0), PUSH);
        Map<String, Long> after = PatternCounts.count(events, PUSH, at(20, 0));
        List<DisappearanceScore> gone = OnsetAnalysis.disappeared(before, 240, after, 120);
        assertEquals(burst, Set.copyOf(gone.subList(0, 4).stream().map(DisappearanceScore::patternId).toList()));
        assertTrue(gone.subList(0, 4).stream().allMatch(s -> s.gone() && s.dropped()), gone::toString);
        assertTrue(gone.subList(4, gone.size()).stream().noneMatch(DisappearanceScore::dropped), gone::toString);
    }

    @Test
    void changeBeforeTheBurstRanksAboveThePush() {
        PatternMiner miner = new PatternMiner();
        List<Event> events = day(miner);
        List<PatternSeries> series = PatternCounts.series(events, at(12, 0), at(20, 0), MINUTE);
        Change config = change("php-config", Instant.ofEpochMilli(BURST_START - 2 * MINUTE));
        Change push = change("push-1800", Instant.ofEpochMilli(PUSH));
        Change morning = change("cron-1230", Instant.ofEpochMilli(at(12, 30)));
        List<ChangeCorrelationScore> ranking = ChangeCorrelation.rank(List.of(morning, push, config), series,
                Duration.ofMinutes(15), Duration.ofMinutes(60));
        assertEquals("php-config", ranking.get(0).changeId());
        assertEquals(2 * MINUTE, ranking.get(0).delayMillis());
        assertEquals(0.0, ranking.get(1).score());
        assertEquals(0.0, ranking.get(2).score());
    }

    private static Change change(String id, Instant at) {
        return new Change(id, "config", id, null, "web", null, "prod", at, null, "done", "ops", null, null, null,
                null, List.of(), null, "manual");
    }
}
