package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnsetAnalysisTest {

    /** Counts of a quiet hour before the outage and of its first ten minutes, built from mined messages. */
    private static Map<String, Long>[] outage(PatternMiner miner) {
        Map<String, Long> baseline = new HashMap<>();
        Map<String, Long> window = new HashMap<>();
        for (int i = 0; i < 600; i++) { // steady access-log traffic, 10 a minute for 60 minutes
            baseline.merge(miner.assign("GET /index.php?id=" + i + " 200 " + (1000 + i)), 1L, Long::sum);
        }
        for (int i = 0; i < 6; i++) { // a rare pattern that happens to show up in both
            baseline.merge(miner.assign("Graceful restart requested, doing restart " + i), 1L, Long::sum);
        }
        for (int i = 0; i < 100; i++) { // the same traffic rate in the window
            window.merge(miner.assign("GET /index.php?id=" + i + " 200 " + (2000 + i)), 1L, Long::sum);
        }
        window.merge(miner.assign("Graceful restart requested, doing restart 7"), 1L, Long::sum);
        for (int i = 0; i < 40; i++) {
            window.merge(miner.assign("child pid " + (3000 + i) + " exit signal Segmentation fault (11)"), 1L,
                    Long::sum);
        }
        window.merge(miner.assign("server reached MaxClients setting, consider raising the MaxClients setting"), 1L,
                Long::sum);
        for (int i = 0; i < 3; i++) {
            window.merge(miner.assign("mysql_connect(): Too many connections in /var/www/html/db.php on line "
                    + (10 + i)), 1L, Long::sum);
        }
        @SuppressWarnings("unchecked")
        Map<String, Long>[] both = new Map[] {baseline, window};
        return both;
    }

    @Test
    void newFrequentPatternRanksFirstAndSteadyOneDoesNot() {
        PatternMiner miner = new PatternMiner();
        Map<String, Long>[] counts = outage(miner);
        String segfault = miner.assign("child pid 1 exit signal Segmentation fault (11)");
        String mysql = miner.assign("mysql_connect(): Too many connections in /var/www/html/db.php on line 1");
        String maxClients = miner.assign(
                "server reached MaxClients setting, consider raising the MaxClients setting");
        String access = miner.assign("GET /index.php?id=1 200 5");

        List<OnsetScore> ranking = OnsetAnalysis.rank(counts[0], 60, counts[1], 10);

        assertEquals(5, ranking.size());
        OnsetScore first = ranking.get(0);
        assertEquals(segfault, first.patternId());
        assertTrue(first.isNew());
        assertTrue(first.spiking());
        assertEquals(40, first.windowCount());
        assertEquals(4.0, first.windowRate(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, first.ratio());
        assertTrue(first.pValue() < 1e-20, "p " + first.pValue());

        assertEquals(mysql, ranking.get(1).patternId());
        assertTrue(ranking.get(1).isNew());
        assertTrue(ranking.get(1).spiking(), "3 events in 10 minutes after none in an hour");

        // seen once: new, not significant on its own, still ahead of the steady traffic
        OnsetScore once = ranking.get(2);
        assertEquals(maxClients, once.patternId());
        assertTrue(once.isNew());
        assertFalse(once.spiking());
        assertEquals(6.0, once.ratioEstimate(), 1e-9);

        OnsetScore steady = ranking.stream().filter(s -> s.patternId().equals(access)).findFirst().orElseThrow();
        assertFalse(steady.isNew());
        assertFalse(steady.spiking());
        assertEquals(1.0, steady.ratio(), 1e-9);
        assertTrue(steady.pValue() > 0.3, "p " + steady.pValue());
        assertTrue(steady.ratioLowerBound() < 1.0);
        assertTrue(ranking.indexOf(steady) > 2, "after the new patterns");
    }

    @Test
    void pValueMatchesTheExactBinomialTail() {
        // 3 events in 5 minutes and none in the 60 before: P = (5/65)^3
        OnsetAnalysis.Rise rise = OnsetAnalysis.rise(3, 5, 0, 60);
        assertEquals(Math.pow(5.0 / 65.0, 3), rise.pValue(), 1e-12);
        // 5 and 5 in equal periods: P(X >= 5 | n = 10, 1/2) = 638/1024
        assertEquals(638.0 / 1024.0, OnsetAnalysis.rise(5, 1, 5, 1).pValue(), 1e-12);
    }

    @Test
    void disappearedRanksPatternsGoneAfterTheChange() {
        Map<String, Long> before = Map.of("segfault", 120L, "maxclients", 30L, "access", 600L, "rare", 1L);
        Map<String, Long> after = Map.of("access", 590L, "rare", 0L, "login", 12L);

        List<DisappearanceScore> ranking = OnsetAnalysis.disappeared(before, 60, after, 60);

        // a single event that did not recur is no evidence of a drop: its bound is lowest of all
        assertEquals(List.of("segfault", "maxclients", "access", "rare"),
                ranking.stream().map(DisappearanceScore::patternId).toList());
        assertTrue(ranking.get(0).gone());
        assertTrue(ranking.get(0).dropped());
        assertTrue(ranking.get(1).dropped());
        DisappearanceScore rare = ranking.get(3);
        assertTrue(rare.gone());
        assertFalse(rare.dropped());
        assertTrue(rare.dropFactorLowerBound() < 0.1);
        DisappearanceScore access = ranking.get(2);
        assertFalse(access.gone());
        assertFalse(access.dropped());
        assertEquals(600.0 / 590.0, access.dropFactor(), 1e-9);
    }

    @Test
    void rejectsEmptyDurations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnsetAnalysis.rank(Map.of(), 0, Map.of("p1", 1L), 5));
        assertTrue(e.getMessage().contains("baseline"));
    }
}
