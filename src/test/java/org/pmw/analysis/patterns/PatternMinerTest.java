package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternMinerTest {

    private static final List<String> STORY = List.of(
            "child pid 1234 exit signal Segmentation fault (11)",
            "server reached MaxClients setting, consider raising the MaxClients setting",
            "mysql_connect(): Too many connections in /var/www/html/db.php on line 12",
            "child pid 1290 exit signal Segmentation fault (11)",
            "Aborted connection 42 to db: 'shop' user: 'web' host: '10.0.0.11' (Got an error reading communication "
                    + "packets)",
            "mysql_connect(): Too many connections in /var/www/html/cart.php on line 7",
            "Aborted connection 57 to db: 'shop' user: 'web' host: '10.0.0.12' (Got an error reading communication "
                    + "packets)",
            "child pid 31337 exit signal Segmentation fault (11)",
            "server reached MaxClients setting, consider raising the MaxClients setting");

    @Test
    void sameTemplateWithDifferentNumbersGetsSameId() {
        PatternMiner miner = new PatternMiner();
        List<String> ids = assignAll(miner, STORY);
        assertEquals(ids.get(0), ids.get(3));
        assertEquals(ids.get(0), ids.get(7));
        assertEquals(ids.get(2), ids.get(5));
        assertEquals(ids.get(4), ids.get(6));
        assertEquals(ids.get(1), ids.get(8));
        assertEquals(4, miner.size());
        assertEquals("child pid <*> exit signal Segmentation fault (<*>)", miner.template(ids.get(0)));
    }

    @Test
    void differentTemplatesGetDifferentIds() {
        PatternMiner miner = new PatternMiner();
        List<String> ids = assignAll(miner, STORY);
        assertEquals(4, ids.stream().distinct().count());
        // one word apart, same length: still different events
        String refused = miner.assign("connect to 10.0.0.5:3306 failed: Connection refused");
        String reset = miner.assign("connect to 10.0.0.6:3306 failed: Connection reset");
        assertNotEquals(refused, reset);
    }

    @Test
    void wordAfterKeyIsAVariable() {
        PatternMiner miner = new PatternMiner();
        String a = miner.assign("Loading offline registry hive: SOFTWARE, into registry key 'x'");
        String b = miner.assign("Loading offline registry hive: SYSTEM, into registry key 'y'");
        assertEquals(a, b);
        assertEquals("Loading offline registry hive: <*> into registry key '<*>'", miner.template(a));
    }

    @Test
    void idsAreStableAcrossRebuildOverSameInput() {
        List<String> first = assignAll(new PatternMiner(), STORY);
        List<String> second = assignAll(new PatternMiner(), STORY);
        assertEquals(first, second);
        assertEquals("p1", first.get(0));
        assertEquals("p2", first.get(1));
    }

    @Test
    void tracksCountAndFirstAndLastSeen() {
        PatternMiner miner = new PatternMiner();
        String id = miner.assign("child pid 1 exit signal Segmentation fault (11)", 5_000);
        miner.assign("child pid 2 exit signal Segmentation fault (11)", 2_000);
        miner.assign("child pid 3 exit signal Segmentation fault (11)", 9_000);
        miner.assign("child pid 4 exit signal Segmentation fault (11)");
        PatternInfo info = miner.patterns().get(0);
        assertEquals(new PatternInfo(id, "child pid <*> exit signal Segmentation fault (<*>)", 4, 2_000, 9_000),
                info);
        miner.assign("no timestamp here");
        assertEquals(PatternInfo.NO_TIME, miner.patterns().get(1).firstSeen());
    }

    @Test
    void saveAndLoadRoundTripContinuesMining() throws IOException {
        PatternMiner miner = new PatternMiner();
        assignAll(miner, STORY.subList(0, 5));
        miner.assign("message without a time");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        miner.save(out);
        PatternMiner loaded = PatternMiner.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(miner.patterns(), loaded.patterns());
        assertEquals(miner.settings(), loaded.settings());

        // the loaded miner assigns the rest exactly as the original would have
        PatternMiner reference = new PatternMiner();
        List<String> expected = assignAll(reference, STORY.subList(0, 5));
        reference.assign("message without a time");
        expected = assignAll(reference, STORY.subList(5, STORY.size()));
        assertEquals(expected, assignAll(loaded, STORY.subList(5, STORY.size())));
        assertEquals(reference.patterns(), loaded.patterns());
        assertEquals("p6", loaded.assign("a brand new message shape entirely"));
    }

    @Test
    void loadRejectsForeignJson() {
        IOException e = assertThrows(IOException.class, () -> PatternMiner.load(
                new ByteArrayInputStream("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("pmw-patterns"), e.getMessage());
        IOException broken = assertThrows(IOException.class, () -> PatternMiner.load(
                new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8))));
        assertTrue(broken.getMessage().startsWith("pattern state: expected"), broken.getMessage());
    }

    @Test
    void clusterCountStaysWithinCaps() {
        PatternMiner miner = new PatternMiner(new PatternMiner.Settings(2, 0.5, 100, 5, 20));
        for (int i = 0; i < 500; i++) {
            // a different word at the end each time: would be 500 templates without the caps
            miner.assign("user logged in as " + word(i));
            miner.assign("job " + word(i) + " finished early");
        }
        assertTrue(miner.size() <= 20 + 2, "clusters: " + miner.size());
        long total = miner.patterns().stream().mapToLong(PatternInfo::count).sum();
        assertEquals(1000, total);
    }

    @Test
    void longMessagesAreMinedByTheirHead() {
        PatternMiner miner = new PatternMiner();
        String head = "java.lang.IllegalStateException: pool exhausted";
        StringBuilder a = new StringBuilder(head);
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < 400; i++) {
            a.append(" at frame").append(i < 300 ? "A" : "B");
            b.append(" at frame").append(i < 300 ? "A" : "C");
        }
        String id = miner.assign(a.toString());
        assertEquals(id, miner.assign(b.toString()));
        assertEquals(PatternMiner.MAX_TOKENS, miner.template(id).split(" ").length);
        assertTrue(miner.template(id).endsWith(" <*>"));
    }

    @Test
    void loadNeverReusesAnId() throws IOException {
        PatternMiner miner = new PatternMiner();
        miner.assign("first shape");
        miner.assign("second shape here");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        miner.save(out);
        String edited = out.toString(StandardCharsets.UTF_8).replaceFirst("\"nextId\"\\s*:\\s*3", "\"nextId\" : 1");
        assertTrue(edited.contains("\"nextId\" : 1"), edited);
        PatternMiner loaded = PatternMiner.load(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
        assertEquals("p3", loaded.assign("a third one"));
    }

    private static String word(int i) {
        StringBuilder sb = new StringBuilder();
        int v = i;
        do {
            sb.append((char) ('g' + v % 20));
            v /= 20;
        } while (v > 0);
        return sb.toString();
    }

    private static List<String> assignAll(PatternMiner miner, List<String> messages) {
        List<String> ids = new ArrayList<>();
        for (String m : messages) {
            ids.add(miner.assign(m));
        }
        return ids;
    }
}
