package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

class EventCodecTest {

    @Test
    void everyPartOfAnEventSurvivesTheStoredForm() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 503L);
        fields.put("duration_ms", 1234.5);
        fields.put("agent", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)");
        fields.put("negative", -42L);
        Event e = new Event(1_128_960_902_123L, 456, "[Mon Oct 10 12:15:02.123456 2005]", "web1_error_log", 1801,
                "wéb1", EventKind.LOG, Level.CRIT, "PHP Fatal error: déjà vu ✓\n  at line 3",
                "[Mon Oct 10 12:15:02 2005] PHP Fatal error: déjà vu ✓\n  at line 3", "p17", fields);
        byte[] bytes = EventCodec.encode(e, 100_000);
        assertEquals(e, EventCodec.decode(bytes, 0, bytes.length));
    }

    @Test
    void nullsAndEqualRawAndMessageAreKeptCompactly() {
        Event e = Event.builder().ts(-5).source("s").line(1).message("same").build();
        byte[] bytes = EventCodec.encode(e, 100);
        Event back = EventCodec.decode(bytes, 0, bytes.length);
        assertEquals(e, back);
        assertEquals("same", back.raw());
        assertEquals(null, back.tsText());
    }

    @Test
    void overlongMessagesAreCutToTheLimit() {
        Event e = Event.builder().ts(0).source("s").line(1).message("x".repeat(500)).build();
        byte[] bytes = EventCodec.encode(e, 100);
        assertEquals(100, EventCodec.decode(bytes, 0, bytes.length).message().length());
    }

    @Test
    void piecesOfTheRawLineAreStoredAsReferencesAndComeBackWhole() {
        String raw = "10.1.2.3 - - [10/Oct/2005:13:55:36 -0700] \"GET /café/menu.php?id=7 HTTP/1.1\" 503 2326 \"-\" "
                + "\"Mozilla/4.08 [en] (Win98; I ;Nav)\"";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("client", "10.1.2.3");
        fields.put("path", "/café/menu.php?id=7");
        fields.put("agent", "Mozilla/4.08 [en] (Win98; I ;Nav)");
        fields.put("method", "GET");
        fields.put("not_in_line", "a value the line does not hold");
        fields.put("status", 503L);
        Event e = new Event(1_128_977_736_000L, 0, "10/Oct/2005:13:55:36 -0700", "access_log", 12, "web1",
                EventKind.REQUEST, Level.ERROR, "GET /café/menu.php?id=7 HTTP/1.1 503", raw, "p3", fields);
        byte[] bytes = EventCodec.encode(e, 100_000);
        assertEquals(e, EventCodec.decode(bytes, 0, bytes.length));
        // the line once, plus little more than the parts that are not in it
        int notInLine = "GET /café/menu.php?id=7 HTTP/1.1 503".length() + "a value the line does not hold".length();
        assertTrue(bytes.length < raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + notInLine + 120,
                "record of " + bytes.length + " bytes");
    }
}
