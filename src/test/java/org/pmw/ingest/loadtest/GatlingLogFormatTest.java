package org.pmw.ingest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.InMemoryInput;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

class GatlingLogFormatTest {

    @Test
    void requestsAreSamplesAtTheNumberOfActiveUsers() {
        Parsed p = Parsed.parse(new GatlingLogFormat(), "simulation.log", Parsed.resource("simulation.log"));
        List<Event> requests = p.events.stream().filter(e -> e.kind() == EventKind.SAMPLE
                && !e.fields().containsKey("record")).toList();
        assertEquals(3, requests.size());
        Event first = requests.get(0);
        assertEquals(4, first.line());
        assertEquals(1128967330300L, first.ts());
        assertEquals("GET /index.php", first.fields().get("label"));
        assertEquals(118L, first.fields().get("duration_ms"));
        assertEquals(2L, first.fields().get("threads"));
        assertEquals("true", first.fields().get("success"));
        Event ko = requests.get(1);
        assertEquals(Level.ERROR, ko.level());
        assertEquals("Checkout", ko.fields().get("group"));
        assertTrue(ko.message().startsWith("POST /checkout.php KO 5012 ms: status.find.in("), ko.message());
        assertEquals(1L, requests.get(2).fields().get("threads"), "one user ended before the third request");
        assertEquals(2, p.step(2).requests());
        assertEquals(0.5, p.step(2).errorRate());
        assertTrue(p.run().notes().contains("Gatling simulation computerdatabase.BasicSimulation (Gatling 3.9.5)"),
                p.run().notes().toString());
    }

    @Test
    void groupAndErrorRecordsAreEventsButNotSamplesOfTheSteps() {
        Parsed p = Parsed.parse(new GatlingLogFormat(), "simulation.log", Parsed.resource("simulation.log"));
        Event group = p.events.stream().filter(e -> "group".equals(e.fields().get("record"))).findFirst().orElseThrow();
        assertEquals("Checkout", group.fields().get("label"));
        assertEquals(5012L, group.fields().get("duration_ms"));
        Event error = p.events.stream().filter(e -> e.kind() == EventKind.LOG).findFirst().orElseThrow();
        assertEquals(Level.ERROR, error.level());
        assertEquals(1128967335512L, error.ts());
        assertEquals(3, p.run().steps().stream().mapToLong(s -> s.requests()).sum());
    }

    @Test
    void impossibleAndForeignLinesAreSkipped() {
        Parsed p = Parsed.parse(new GatlingLogFormat(), "simulation.log", Parsed.resource("simulation.log"));
        assertEquals(2, p.ctx.skipped());
        assertTrue(p.ctx.skipReasons().get(0).startsWith("line 10: REQUEST ends"), p.ctx.skipReasons().toString());
        assertTrue(p.ctx.skipReasons().get(1).startsWith("line 11: expected a RUN, USER"), p.ctx.skipReasons().toString());
    }

    @Test
    void readsTheOlderLayoutWithAUserIdColumn() {
        String log = "RUN\tcomputerdatabase.BasicSimulation\tbasicsimulation\t1128967330000\t \t3.2.1\n"
                + "USER\tUsers\t1\tSTART\t1128967330100\t1128967330100\n"
                + "REQUEST\t1\t\tGET /index.php\t1128967330300\t1128967330418\tOK\t \n";
        Parsed p = Parsed.parse(new GatlingLogFormat(), "simulation.log", log);
        assertEquals("GET /index.php", p.events.get(0).fields().get("label"));
        assertEquals(1L, p.events.get(0).fields().get("threads"));
    }

    @Test
    void binaryLogOfNewerGatlingIsRecognisedAndRefusedWithTheSupportedVersions() {
        byte[] binary = new byte[600];
        binary[0] = 0;
        byte[] text = "3.13.1computerdatabase.BasicSimulation".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, binary, 5, text.length);
        InMemoryInput input = new InMemoryInput("simulation.log", binary);
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        assertEquals("gatling_log", detector.detect(input.sample(200)).orElseThrow().name());
        FormatException e = assertThrows(FormatException.class, () -> Parsed.parse(new GatlingLogFormat(), input));
        assertTrue(e.getMessage().contains("only the text simulation.log written by Gatling up to 3.12"),
                e.getMessage());
    }

    @Test
    void aFileWithNoGatlingRecordIsRefusedNamingItsFirstLine() {
        String jtl = "timeStamp,elapsed,label,responseCode,success,allThreads\n"
                + "1128967200000,100,GET /,200,true,10\n1128967200100,100,GET /,200,true,10\n";
        FormatException e = assertThrows(FormatException.class,
                () -> Parsed.parse(new GatlingLogFormat(), "results.jtl", jtl));
        assertTrue(e.getMessage().startsWith("results.jtl: line 1: expected a RUN, USER, REQUEST, GROUP or ERROR"
                + " record, found 'timeStamp,elapsed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(no gatling_log record in the first 3 non-blank lines)"), e.getMessage());
    }
}
