package org.pmw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.Progress;
import org.pmw.app.Project;

/** The investigation recorded from the command line, on an Apache error log and an ab series. */
class InvestigationCommandsTest {

    @TempDir
    Path tmp;
    private Path project;

    private record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Result pmw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Pmw.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString().trim(), err.toString());
    }

    private static String ab(int c, double rps, long failed) {
        return """
                This is ApacheBench, Version 2.0.40-dev <$Revision: 1.141 $> apache-2.0
                Benchmarking staging.shop.example.com (be patient)

                Server Software:        Apache/2.0.52
                Server Hostname:        staging.shop.example.com
                Server Port:            80

                Document Path:          /index.php
                Document Length:        5120 bytes

                Concurrency Level:      %d
                Time taken for tests:   20.000 seconds
                Complete requests:      %d
                Failed requests:        0
                Write errors:           0
                Non-2xx responses:      %d
                Total transferred:      %d bytes
                HTML transferred:       %d bytes
                Requests per second:    %.2f [#/sec] (mean)
                Time per request:       %.3f [ms] (mean)
                Time per request:       %.3f [ms] (mean, across all concurrent requests)
                Transfer rate:          250.00 [Kbytes/sec] received

                Percentage of the requests served within a certain time (ms)
                  50%%    %d
                  66%%    %d
                  75%%    %d
                  80%%    %d
                  90%%    %d
                  95%%    %d
                  98%%    %d
                  99%%    %d
                 100%%    %d (longest request)
                """.formatted(c, (long) (rps * 20), failed, (long) (rps * 20) * 5300, (long) (rps * 20) * 5120, rps,
                1000.0 * c / rps, 1000.0 / rps, (int) (1000 * c / rps), (int) (1100 * c / rps), (int) (1200 * c / rps),
                (int) (1250 * c / rps), (int) (1400 * c / rps), (int) (1600 * c / rps), (int) (1800 * c / rps),
                (int) (2000 * c / rps), (int) (2500 * c / rps));
    }

    @BeforeEach
    void build() throws Exception {
        project = tmp.resolve("incident");
        pmw("init", project.toString(), "--zone", "America/New_York");
        StringBuilder error = new StringBuilder();
        // 30 segfaults in the hour before 18:00, none in the hour after; notices all along
        for (int m = 0; m < 120; m++) {
            String time = String.format("[Mon Oct 10 %02d:%02d:00 2005]", 17 + m / 60, m % 60);
            error.append(time).append(" [notice] Apache/2.0.52 (CentOS) configured -- resuming normal operations\n");
            if (m < 60 && m % 2 == 0) {
                error.append(time.replace(":00 2005", ":30 2005"))
                        .append(" [notice] child pid ").append(4000 + m).append(" exit signal Segmentation fault (11)\n");
            }
        }
        Path logs = Files.createDirectories(tmp.resolve("web1"));
        Files.writeString(logs.resolve("error_log"), error.toString());
        Path series = Files.createDirectories(tmp.resolve("loadtest/run1"));
        int[] levels = {10, 20, 40, 60, 80, 100};
        double[] rps = {150, 235, 307, 328, 206, 170};
        long[] failed = {0, 0, 0, 0, 700, 1900};
        for (int i = 0; i < levels.length; i++) {
            Files.writeString(series.resolve("ab-c" + levels[i] + ".txt"), ab(levels[i], rps[i], failed[i]));
        }
        assertEquals(0, pmw("import", project.toString(), logs.toString(), tmp.resolve("loadtest").toString()).status());
    }

    @Test
    void aHypothesisIsDecidedWithEvidenceAndItsHistoryIsKept() throws Exception {
        assertEquals("H1", pmw("hypothesis", "add", project.toString(), "Concurrency overwhelms the web tier").out());
        assertEquals(0, pmw("hypothesis", "set-status", project.toString(), "H1", "testing", "--reason",
                "load test at increasing -c", "--at", "2005-10-10 13:00").status());
        assertEquals(0, pmw("hypothesis", "evidence", project.toString(), "H1", "--for", "web1_error_log:2",
                "--note", "first segfault").status());
        assertEquals(0, pmw("hypothesis", "set-status", project.toString(), "H1", "supported", "--reason",
                "chokes past 60 users").status());
        JsonNode h = pmw("hypothesis", "show", project.toString(), "H1", "--json").json();
        assertEquals("supported", h.get("status").asText());
        assertEquals("web1_error_log:2", h.get("evidenceFor").get(0).get("event").asText());
        assertEquals(2, h.get("history").size());
        assertEquals("2005-10-10T17:00:00Z", h.get("history").get(0).get("at").asText());
    }

    @Test
    void aVerdictLoggedAtTheWrongTimeIsReDated() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurrency overwhelms the web tier");
        pmw("hypothesis", "set-status", dir, "H1", "testing", "--reason", "load test", "--at", "2005-10-10 13:00");
        // written down after the evening: dated when it was typed, not when the load test showed it
        pmw("hypothesis", "set-status", dir, "H1", "supported", "--reason", "chokes past 60 users");
        assertEquals(0, pmw("hypothesis", "redate", dir, "H1", "supported", "--at", "2005-10-10 15:30").status());
        JsonNode h = pmw("hypothesis", "show", dir, "H1", "--json").json();
        assertEquals("2005-10-10T19:30:00Z", h.get("history").get(1).get("at").asText());
        assertEquals("chokes past 60 users", h.get("history").get(1).get("reason").asText());
        assertTrue(pmw("hypothesis", "show", dir, "H1").out().contains(
                "  move 2  2005-10-10T19:30:00Z  testing -> supported: chokes past 60 users"));
        assertEquals(0, pmw("hypothesis", "redate", dir, "H1", "1", "--at", "2005-10-10 12:45").status());

        byte[] before = Files.readAllBytes(project.resolve("incident.json"));
        Result early = pmw("hypothesis", "redate", dir, "H1", "supported", "--at", "2005-10-10 12:00");
        assertEquals(1, early.status());
        assertTrue(early.err().contains("H1's move 2 (testing → supported) cannot be dated 2005-10-10T16:00:00Z: it"
                + " would come before move 1 (open → testing, at 2005-10-10T16:45:00Z)"), early.err());
        assertEquals(1, pmw("hypothesis", "redate", dir, "H1", "refuted", "--at", "2005-10-10 15:00").status());
        assertEquals(2, pmw("hypothesis", "redate", dir, "H1", "disproven", "--at", "2005-10-10 15:00").status());
        assertEquals(2, pmw("hypothesis", "redate", dir, "H1", "2", "--at", "tea time").status());
        Result huge = pmw("hypothesis", "redate", dir, "H1", "99999999999", "--at", "2005-10-10 15:00");
        assertEquals(1, huge.status());
        assertEquals("pmw: H1 has no move 99999999999 (its moves are 1 to 2)", huge.err().trim());
        Result negative = pmw("hypothesis", "redate", dir, "H1", "-1", "--at", "2005-10-10 15:00");
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("or a move's number as hypothesis show lists them"), negative.err());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("incident.json")), "refused: nothing saved");
    }

    @Test
    void aTimeOrFormatThatCannotBeReadIsAUsageErrorEverywhere() throws Exception {
        String dir = project.toString();
        assertEquals(2, pmw("outcome", "add", dir, "--title", "x", "--query", "segmentation", "--before",
                "2005-10-10 16:00..", "--after", "2005-10-10 18:00..2005-10-10 19:00").status());
        assertEquals(2, pmw("experiment", "add", dir, "t", "--window", "2005-10-10 16:00..").status());
        assertEquals(2, pmw("search-save", dir, "n", "level:error", "--from", "2005-10-10 18:00", "--to",
                "2005-10-10 17:00").status(), "a window that ends before it starts");
        Result docx = pmw("report", dir, "--format", "docx");
        assertEquals(2, docx.status());
        assertEquals("pmw: unknown report format 'docx' (md, html or pdf)", docx.err().trim());
    }

    @Test
    void whatWasRecordedWrongIsCorrectedFromTheCommandLine() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "A VM misbehaves");
        assertEquals(0, pmw("hypothesis", "evidence", dir, "H1", "--for", "web1_error_log:2").status());
        Result both = pmw("hypothesis", "evidence", dir, "H1", "--against", "web1_error_log:2");
        assertTrue(both.err().contains("--for web1_error_log:2 --remove"), "says how to take it off: " + both.err());
        assertEquals(0, pmw("hypothesis", "evidence", dir, "H1", "--for", "web1_error_log:2", "--remove").status());
        assertEquals(0, pmw("hypothesis", "evidence", dir, "H1", "--against", "web1_error_log:2").status());
        JsonNode h = pmw("hypothesis", "show", dir, "H1", "--json").json();
        assertEquals(0, h.get("evidenceFor").size());
        assertEquals("web1_error_log:2", h.get("evidenceAgainst").get(0).get("event").asText());

        pmw("experiment", "add", dir, "ab at rising -c", "--verdict", "pending", "--hypothesis", "H1");
        assertEquals(0, pmw("experiment", "set", dir, "E1", "--verdict", "refutes", "--observed", "all VMs alike").status());
        JsonNode e = pmw("experiment", "list", dir, "--json").json().get(0);
        assertEquals("refutes", e.get("verdict").asText());
        assertEquals("all VMs alike", e.get("observed").asText());
        assertEquals("H1", e.get("hypothesis").asText(), "what was not given stays");
        assertEquals(2, pmw("experiment", "set", dir, "E1", "--verdict", "maybe").status());

        pmw("action", "add", dir, "Alert on segfaults");
        assertEquals(0, pmw("action", "set", dir, "A1", "--status", "done", "--owner", "ops").status());
        assertTrue(pmw("action", "list", dir).out().matches("A1\\s+prevent\\s+done\\s+ops\\s+Alert on segfaults"),
                pmw("action", "list", dir).out());

        assertEquals(0, pmw("link", dir, "E1", "tests", "H1").status());
        assertEquals(0, pmw("link", dir, "E1", "tests", "H1", "--remove").status());
        assertFalse(Files.readString(project.resolve("incident.json")).contains("\"tests\""));

        assertEquals(0, pmw("marker", dir, "outage_begins", "2005-10-10 17:00").status());
        assertEquals(0, pmw("marker", dir, "outage_begins", "--remove").status());
        assertFalse(Files.readString(project.resolve("incident.json")).contains("outage_begins"));
        assertEquals(2, pmw("marker", dir, "detected").status(), "a marker needs its time");
    }

    @Test
    void unknownIdsAndBadMovesAreRefusedAndNothingIsSaved() throws Exception {
        pmw("hypothesis", "add", project.toString(), "A VM misbehaves");
        byte[] before = Files.readAllBytes(project.resolve("incident.json"));
        Result unknown = pmw("hypothesis", "set-status", project.toString(), "H7", "refuted", "--reason", "x");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("no hypothesis H7 (known: H1)"), unknown.err());
        Result badRef = pmw("hypothesis", "evidence", project.toString(), "H1", "--for", "nosuch_log:3");
        assertEquals(1, badRef.status());
        Result badLink = pmw("link", project.toString(), "H1", "addresses", "C99");
        assertEquals(1, badLink.status());
        // a word the record does not know is a usage error, like any option value the command cannot use
        Result status = pmw("hypothesis", "set-status", project.toString(), "H1", "disproven", "--reason", "x");
        assertEquals(2, status.status());
        assertTrue(status.err().contains("unknown hypothesis status 'disproven' (expected open, testing"), status.err());
        Result kind = pmw("change", "add", project.toString(), "Raise MaxClients", "--kind", "hotfix", "--at",
                "2005-10-10 18:00");
        assertEquals(2, kind.status());
        assertTrue(kind.err().contains("--kind: unknown change kind 'hotfix' (expected code, config"), kind.err());
        assertEquals(2, pmw("experiment", "add", project.toString(), "Load test", "--verdict", "maybe").status());
        assertEquals(2, pmw("action", "add", project.toString(), "Alert on MaxClients", "--type", "fix").status());
        assertEquals(2, pmw("link", project.toString(), "H1", "proves", "H1").status());
        assertEquals(2, pmw("marker", project.toString(), "resolved", "2005-10-10 18:00").status());
        assertEquals(0, pmw("change", "add", project.toString(), "Flag off", "--kind", "Feature-Flag", "--at",
                "2005-10-10 18:00").status(), "written as a person would, it is still known");
        assertTrue(Files.readString(project.resolve("incident.json")).contains("\"feature_flag\""));
    }

    @Test
    void anExperimentUsesTheLoadTestRunAndTheRunFindsTheThreshold() throws Exception {
        JsonNode runs = pmw("loadtest", project.toString(), "--json").json().get("runs");
        assertEquals(1, runs.size());
        JsonNode run = runs.get(0);
        assertEquals("R1", run.get("id").asText());
        assertEquals(6, run.get("steps").size());
        assertEquals(60, run.get("steps").get(3).get("concurrency").asInt());
        assertEquals(328.0, run.get("steps").get(3).get("throughput").asDouble(), 0.01);
        assertTrue(run.get("steps").get(0).has("p99_ms") && run.get("steps").get(0).has("error_rate"));
        assertEquals(80, run.get("saturation").get("errors_start_concurrency").asInt());
        assertTrue(run.get("saturation").has("usl"));
        pmw("hypothesis", "add", project.toString(), "Concurrency overwhelms the web tier");
        assertEquals("E1", pmw("experiment", "add", project.toString(), "Load test", "--hypothesis", "H1", "--run", "R1",
                "--verdict", "supports").out());
        assertEquals(1, pmw("experiment", "add", project.toString(), "Load test", "--run", "R9").status());
        JsonNode experiments = pmw("experiment", "list", project.toString(), "--json").json();
        assertEquals("R1", experiments.get(0).get("loadTestRuns").get(0).asText());
    }

    @Test
    void aRunBesideCompareIsRefusedRatherThanDropped() throws Exception {
        Result both = pmw("loadtest", project.toString(), "R1", "--compare", "R1", "R1");
        assertEquals(2, both.status(), both.out());
        assertTrue(both.err().contains("give the runs once, after --compare"), both.err());
        assertEquals("", both.out());
        assertEquals(0, pmw("loadtest", project.toString(), "--compare", "R1", "R1").status());
    }

    @Test
    void anOutcomeIsMeasuredOnKnownCounts() throws Exception {
        String changeId = pmw("change", "add", project.toString(), "Apache MPM: fewer threads per child", "--kind",
                "config", "--at", "2005-10-10T18:00:00-04:00").out();
        assertEquals("C1", changeId);
        Result added = pmw("outcome", "add", project.toString(), "--title", "Segfaults after the push", "--change", "C1",
                "--query", "\"segmentation fault\"", "--before", "2005-10-10T17:00..2005-10-10T18:00", "--after",
                "2005-10-10T18:00..2005-10-10T19:00");
        assertEquals("O1  significant decrease", added.out(), added.err());
        JsonNode o = pmw("outcome", "show", project.toString(), "O1", "--json").json();
        assertEquals(30, o.get("before").get("count").asLong());
        assertEquals(60.0, o.get("before").get("minutes").asDouble());
        assertEquals(0.5, o.get("before").get("rate_per_min").asDouble(), 1e-9);
        assertEquals(0, o.get("after").get("count").asLong());
        assertEquals(-100.0, o.get("change_pct").asDouble(), 1e-9);
        // 30 events against 0 in equal windows: P = 2 * (1/2)^30
        assertEquals(2 * Math.pow(0.5, 30), o.get("p_value").asDouble(), 1e-12);
        assertEquals("significant decrease", o.get("verdict").asText());
        assertEquals("2005-10-10T21:00:00Z", o.get("before_window").get("from").asText());
    }

    @Test
    void anOutcomeIsCorrectedAndMeasuredAgain() throws Exception {
        String dir = project.toString();
        pmw("change", "add", dir, "Apache MPM: fewer threads per child", "--at", "2005-10-10 18:00");
        pmw("change", "add", dir, "Xen guests: more memory", "--at", "2005-10-10 18:00");
        // the windows entered the wrong way round in time: both in the hour of the segfaults
        assertEquals("O1  no significant change", pmw("outcome", "add", dir, "--title", "Segfaults", "--change", "C1",
                "--query", "\"segmentation fault\"", "--before", "2005-10-10 17:00..2005-10-10 17:30", "--after",
                "2005-10-10 17:30..2005-10-10 18:00").out());
        Result set = pmw("outcome", "set", dir, "O1", "--before", "2005-10-10 17:00..2005-10-10 18:00", "--after",
                "2005-10-10 18:00..2005-10-10 19:00", "--change", "C2");
        assertEquals(0, set.status(), set.err());
        assertEquals("O1  significant decrease", set.out());
        JsonNode o = pmw("outcome", "list", dir, "--json").json().get(0);
        assertEquals("significant decrease", o.get("verdict").asText(), "the stored verdict is measured again");
        assertEquals("Segfaults", o.get("title").asText(), "what was not given stays");
        assertEquals("\"segmentation fault\"", o.get("query").asText());
        assertEquals("2005-10-10T22:00:00Z", o.get("after").get("start").asText());
        assertEquals(List.of("C2"), List.of(o.get("changes").get(0).asText()));
        assertEquals(1, o.get("changes").size());
        JsonNode links = new ObjectMapper().readTree(project.resolve("incident.json").toFile()).get("links");
        assertEquals("[{\"from\":\"O1\",\"type\":\"evaluates\",\"to\":\"C2\"}]", links.toString(),
                "the change taken off is no longer linked, the one put on is");
        assertTrue(pmw("timeline", dir, "--json").out().contains("O1"), "still on the timeline");
        Result share = pmw("outcome", "set", dir, "O1", "--ratio-of", "knd:log");
        assertTrue(share.err().contains("pmw: no field knd in this project"), share.err());
        assertEquals(2, pmw("outcome", "set", dir, "O1", "--after", "2005-10-10 18:00..").status());
        Result reversed = pmw("outcome", "set", dir, "O1", "--before", "2005-10-10 18:30..2005-10-10 19:00");
        assertEquals(1, reversed.status(), "a before window ending after the after window starts: " + reversed.err());
        Result missing = pmw("outcome", "set", dir, "O7", "--title", "x");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("O7"), missing.err());
        Result incomplete = pmw("outcome", "add", dir, "--title", "x", "--query", "segmentation");
        assertEquals(2, incomplete.status());
        assertTrue(incomplete.err().contains("missing --before, --after"), incomplete.err());
    }

    @Test
    void aStoredQueryNamingNoFieldOfTheProjectSaysSo() throws Exception {
        // "stauts" for "status": kept, as pmw search keeps answering, but not silently measured as nothing
        Result outcome = pmw("outcome", "add", project.toString(), "--title", "5xx after the push", "--query",
                "stauts:[500 TO 599]", "--before", "2005-10-10T17:00..2005-10-10T18:00", "--after",
                "2005-10-10T18:00..2005-10-10T19:00");
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals("O1  insufficient data", outcome.out());
        assertTrue(outcome.err().contains("pmw: no field stauts in this project"), outcome.err());
        Result ratio = pmw("outcome", "add", project.toString(), "--title", "share", "--query", "\"segmentation fault\"",
                "--ratio-of", "knd:log", "--before", "2005-10-10T17:00..2005-10-10T18:00", "--after",
                "2005-10-10T18:00..2005-10-10T19:00");
        assertTrue(ratio.err().contains("pmw: no field knd in this project"), ratio.err());
        Result saved = pmw("search-save", project.toString(), "Crashes on web1", "hots:web1 AND \"segmentation fault\"");
        assertEquals("S1", saved.out());
        assertTrue(saved.err().contains("pmw: no field hots in this project"), saved.err());
        Result fine = pmw("search-save", project.toString(), "Crashes", "\"segmentation fault\" AND level:notice");
        assertEquals("", fine.err(), "a query the project can answer gets no note");
    }

    @Test
    void aTitleWrittenOnTwoLinesIsListedOnOne() throws Exception {
        // pasted from a chat: the listings stay one record a line, as the timeline already prints them
        pmw("hypothesis", "add", project.toString(), "Connection leak in MySQL\nafter the 5.0 upgrade");
        pmw("action", "add", project.toString(), "Alert on segfaults\r\nand on the 5xx rate", "--owner", "ops");
        pmw("change", "add", project.toString(), "Apache MPM:\nfewer threads", "--at", "2005-10-10 18:00");
        pmw("bookmark", "add", project.toString(), "web1_error_log:2", "--comment", "first crash\nof the burst");
        assertEquals("H1   open         Connection leak in MySQL after the 5.0 upgrade (for 0, against 0)",
                pmw("hypothesis", "list", project.toString()).out());
        assertEquals("A1   prevent   open        ops        Alert on segfaults and on the 5xx rate",
                pmw("action", "list", project.toString()).out());
        assertEquals(1, pmw("change", "list", project.toString()).out().lines().count());
        assertEquals(1, pmw("bookmark", "list", project.toString()).out().lines().count());
        assertTrue(pmw("hypothesis", "list", project.toString(), "--json").out()
                .contains("Connection leak in MySQL\\nafter the 5.0 upgrade"), "the record keeps what was written");
    }

    @Test
    void aChangeLogExportedAgainAddsOnlyItsNewRecords() throws Exception {
        // the change system's export at noon, then again in the evening with one more record
        String noon = """
                id,kind,title,started_at,service,actor
                CHG-415,deploy,Thread-safety refactor of the shop application,2005-10-10T18:00:00-04:00,shop,dan
                CHG-416,config,Apache worker MPM: fewer threads per child,2005-10-10T18:00:20-04:00,apache,dan
                """;
        Files.writeString(tmp.resolve("changes-1200.csv"), noon);
        Files.writeString(tmp.resolve("changes-2000.csv"), noon
                + "CHG-417,config,MySQL max_connections 100 to 300,2005-10-10T18:05:00-04:00,mysql,dba\n");
        assertEquals(0, pmw("import", project.toString(), tmp.resolve("changes-1200.csv").toString()).status());
        Result again = pmw("import", project.toString(), tmp.resolve("changes-2000.csv").toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("CHG-415 is already recorded as C1 (changes-1200.csv:2)"), again.out());
        List<String> changes = pmw("change", "list", project.toString()).out().lines().toList();
        assertEquals(3, changes.size(), String.join("\n", changes));
        assertTrue(changes.get(2).startsWith("C3 ") && changes.get(2).contains("MySQL max_connections"), changes.get(2));
        // a record whose start the system has since moved is still the same change: the project's record stays
        Files.writeString(tmp.resolve("changes-2100.csv"), noon.replace("18:00:20", "18:30:00"));
        Result moved = pmw("import", project.toString(), tmp.resolve("changes-2100.csv").toString());
        assertTrue(moved.out().contains("CHG-416 is already recorded as C2 (changes-1200.csv:3), starting "
                + "2005-10-10 18:00:20; this file says 2005-10-10 18:30: the project's record is kept"), moved.out());
        assertEquals(3, pmw("change", "list", project.toString()).out().lines().count());
    }

    @Test
    void aChangeWhoseStartWasCorrectedIsNotAddedAgainByTheNextExport() throws Exception {
        String noon = """
                id,source,kind,title,started_at,service,actor
                CHG-415,jira,deploy,Thread-safety refactor of the shop application,2005-10-10T18:00:00-04:00,shop,dan
                """;
        Files.writeString(tmp.resolve("changes-1200.csv"), noon);
        Files.writeString(tmp.resolve("changes-2000.csv"), noon
                + "CHG-415,servicenow,config,MySQL max_connections 100 to 300,2005-10-10T18:05:00-04:00,mysql,dba\n");
        assertEquals(0, pmw("import", project.toString(), tmp.resolve("changes-1200.csv").toString()).status());
        // the change log had the deploy's time wrong: it ran at 14:05
        assertEquals(0, pmw("change", "set", project.toString(), "C1", "--at", "2005-10-10 14:05").status());
        Result again = pmw("import", project.toString(), tmp.resolve("changes-2000.csv").toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("CHG-415 is already recorded as C1 (changes-1200.csv:2), starting "
                + "2005-10-10 14:05; this file says 2005-10-10 18:00: the project's record is kept"), again.out());
        List<String> changes = pmw("change", "list", project.toString()).out().lines().toList();
        assertEquals(2, changes.size(), "the same id in another change system is another change\n"
                + String.join("\n", changes));
        assertTrue(changes.get(1).startsWith("C2 ") && changes.get(1).contains("MySQL max_connections"),
                changes.get(1));
    }

    @Test
    void thePostmortemsProseIsWrittenFromTheCommandLine() throws Exception {
        Result summary = pmw("write", project.toString(), "summary",
                "The shop was down in bursts whenever concurrency passed about 70.");
        assertEquals(0, summary.status(), summary.err());
        Path wrong = tmp.resolve("went-wrong.md");
        Files.writeString(wrong, "- Hours went to checking each VM\n- Nothing alerted on segfaults\n");
        assertEquals(0, pmw("write", project.toString(), "went_wrong", "--file", wrong.toString()).status());
        String md = pmw("report", project.toString(), "--format", "md").out();
        assertTrue(md.contains("## Summary\n\nThe shop was down in bursts whenever concurrency passed about 70.\n"), md);
        assertTrue(md.contains("### What went wrong\n\n- Hours went to checking each VM\n- Nothing alerted on segfaults"),
                md);
        Result notFinal = pmw("report", project.toString(), "--format", "md", "--final");
        assertEquals(1, notFinal.status());
        assertFalse(notFinal.err().contains("Summary,"), notFinal.err());
        assertTrue(notFinal.err().contains("Impact") && notFinal.err().contains("pmw write"), notFinal.err());
        assertEquals(0, pmw("write", project.toString(), "summary", "").status(), "an empty text clears a section");
        assertTrue(pmw("report", project.toString()).out().contains("> **TO WRITE (Summary):**"));
        Result unknown = pmw("write", project.toString(), "conclusion", "x");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("summary, impact, root_causes"), unknown.err());
    }

    @Test
    void aFolderGivenAsTheProsesFileIsNamedAsNotATextFile() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("notes"));
        Result wrong = pmw("write", project.toString(), "summary", "--file", folder.toString());
        Result missing = pmw("write", project.toString(), "summary", "--file", tmp.resolve("absent.md").toString());
        assertEquals(missing.status(), wrong.status(), "an unreadable file, as a missing one is");
        assertEquals(1, wrong.status());
        assertEquals("pmw: " + folder + ": is a folder; --file expects a text file (UTF-8) holding the text\n",
                wrong.err());
    }

    @Test
    void theReportsAuthorsAndStatusAreWrittenFromTheCommandLine() throws Exception {
        String dir = project.toString();
        assertTrue(pmw("report", dir).out().contains("| Authors | — |"));
        assertEquals(0, pmw("write", dir, "authors", "Dan Ortiz, Eve Kim").status());
        assertEquals(0, pmw("write", dir, "status", "Reviewed").status());
        String md = pmw("report", dir).out();
        assertTrue(md.contains("| Authors | Dan Ortiz, Eve Kim |"), md);
        assertTrue(md.contains("| Status | reviewed |"), md);
        Result unknown = pmw("write", dir, "status", "approved");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown report status 'approved' (expected draft, reviewed, final)"),
                unknown.err());
        Path authors = tmp.resolve("authors.txt");
        Files.writeString(authors, "Dan Ortiz\nEve Kim\nFrank Lee\n");
        assertEquals(0, pmw("write", dir, "authors", "--file", authors.toString()).status());
        assertTrue(pmw("report", dir).out().contains("| Authors | Dan Ortiz, Eve Kim, Frank Lee |"));
        assertEquals(0, pmw("write", dir, "authors", "").status());
        assertTrue(pmw("report", dir).out().contains("| Authors | — |"), "an empty TEXT clears them");
    }

    @Test
    void aReportWhoseStatusIsFinalIsExportedAsFinal() throws Exception {
        String dir = project.toString();
        assertEquals(0, pmw("write", dir, "status", "final").status());
        Result unwritten = pmw("report", dir, "--format", "md");
        assertEquals(1, unwritten.status(), "as the Report tab refuses it: " + unwritten.out());
        assertTrue(unwritten.err().contains("Summary") && unwritten.err().contains("pmw write"), unwritten.err());
        assertEquals(0, pmw("write", dir, "status", "reviewed").status());
        assertEquals(0, pmw("report", dir, "--format", "md").status(), "a draft or reviewed report shows placeholders");
    }

    @Test
    void deletingARecordSaysWhatElseItTookAway() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurrency overwhelms the web tier");
        pmw("search-save", dir, "Segfaults", "\"segmentation fault\"");
        pmw("hypothesis", "evidence", dir, "H1", "--for", "S1", "--note", "bursts at peaks");
        pmw("experiment", "add", dir, "Compare the VMs' logs", "--search", "S1", "--hypothesis", "H1");
        Result deleted = pmw("hypothesis", "delete", dir, "S1");
        assertEquals(0, deleted.status(), deleted.err());
        assertTrue(deleted.out().contains("removed S1 from the evidence of H1"), deleted.out());
        assertTrue(deleted.out().contains("removed S1 from experiment E1"), deleted.out());
        assertTrue(pmw("hypothesis", "show", dir, "H1").out().lines().noneMatch(l -> l.contains("S1")));
    }

    @Test
    void aChangeIsCorrectedFromTheCommandLine() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurrency overwhelms the web tier");
        // entered at 16:00 by mistake, without what it addresses
        assertEquals("C1", pmw("change", "add", dir, "Apache MPM: fewer threads per child", "--kind", "config",
                "--at", "2005-10-10 16:00", "--actor", "dan").out());
        Result set = pmw("change", "set", dir, "C1", "--at", "2005-10-10 18:00", "--end", "2005-10-10 18:08",
                "--hypothesis", "H1", "--title", "Apache worker MPM: 8 threads per child");
        assertEquals(0, set.status(), set.err());
        JsonNode c = pmw("change", "list", dir, "--json").json().get(0);
        assertEquals("2005-10-10T22:00:00Z", c.get("startedAt").asText());
        assertEquals("2005-10-10T22:08:00Z", c.get("endedAt").asText());
        assertEquals("Apache worker MPM: 8 threads per child", c.get("title").asText());
        assertEquals("config", c.get("kind").asText(), "what was not given stays");
        assertEquals("dan", c.get("actor").asText());
        assertEquals("manual", c.get("origin").asText());
        assertTrue(pmw("hypothesis", "show", dir, "H1").out().contains("link: C1 addresses H1"));
        Result missing = pmw("change", "set", dir, "C9", "--title", "x");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("C9"), missing.err());
        Result reversed = pmw("change", "set", dir, "C1", "--end", "2005-10-10 17:00");
        assertEquals(1, reversed.status(), "an end before the start is refused: " + reversed.err());
        assertEquals("2005-10-10T22:08:00Z", pmw("change", "list", dir, "--json").json().get(0).get("endedAt").asText());
    }

    @Test
    void aChangeSetToAnotherHypothesisNoLongerAddressesTheFirst() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurrency overwhelms the web tier");
        pmw("hypothesis", "add", dir, "MySQL runs out of connections");
        pmw("change", "add", dir, "max_connections 100 to 300", "--at", "2005-10-10 18:05");
        assertEquals(0, pmw("change", "set", dir, "C1", "--hypothesis", "H1").status());
        assertEquals(0, pmw("change", "set", dir, "C1", "--hypothesis", "H2").status());
        assertTrue(pmw("hypothesis", "show", dir, "H2").out().contains("link: C1 addresses H2"));
        String first = pmw("hypothesis", "show", dir, "H1").out();
        assertFalse(first.contains("C1 addresses"), first);
    }

    @Test
    void anExperimentLinkedToAHypothesisIsShownAsTestingIt() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurrency overwhelms the web tier");
        pmw("experiment", "add", dir, "ab at rising -c", "--hypothesis", "H1", "--verdict", "supports");
        pmw("experiment", "add", dir, "Compare the VMs' logs", "--verdict", "inconclusive");
        pmw("experiment", "add", dir, "MySQL status snapshot");
        assertEquals(0, pmw("link", dir, "E2", "tests", "H1").status());
        assertEquals(0, pmw("link", dir, "E3", "refutes", "H1").status());
        List<String> lines = pmw("hypothesis", "show", dir, "H1").out().lines().toList();
        assertTrue(lines.contains("  tested by E1 ab at rising -c (supports)"), String.join("\n", lines));
        assertTrue(lines.contains("  tested by E2 Compare the VMs' logs (inconclusive)"), String.join("\n", lines));
        assertTrue(lines.contains("  tested by E3 MySQL status snapshot (refutes)"), "the link's verdict: " + lines);
        assertTrue(lines.contains("  link: E2 tests H1"), String.join("\n", lines));
    }

    @Test
    void aHypothesisIsCorrectedFromTheCommandLine() throws Exception {
        String dir = project.toString();
        pmw("hypothesis", "add", dir, "Concurency overwhelms the web tier", "--notes", "seen at peaks");
        pmw("hypothesis", "set-status", dir, "H1", "testing", "--reason", "load test");
        Result set = pmw("hypothesis", "set", dir, "H1", "--statement", "Concurrency overwhelms the web tier");
        assertEquals(0, set.status(), set.err());
        JsonNode h = pmw("hypothesis", "show", dir, "H1", "--json").json();
        assertEquals("Concurrency overwhelms the web tier", h.get("statement").asText());
        assertEquals("seen at peaks", h.get("notes").asText(), "what was not given stays");
        assertEquals("testing", h.get("status").asText());
        assertEquals(1, h.get("history").size());
        assertEquals(0, pmw("hypothesis", "set", dir, "H1", "--notes", "").status());
        assertFalse(pmw("hypothesis", "show", dir, "H1", "--json").json().hasNonNull("notes"), "an empty value clears");
        assertEquals(1, pmw("hypothesis", "set", dir, "H1", "--statement", " ").status(), "a statement is needed");
        Result missing = pmw("hypothesis", "set", dir, "H9", "--statement", "x");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no hypothesis H9 (known: H1)"), missing.err());
        assertEquals(2, pmw("hypothesis", "set", dir, "H1").status(), "nothing to change");
    }

    @Test
    void aChangeDatedFarFromTheEvidenceIsKeptWithAWarning() throws Exception {
        String dir = project.toString();
        // the evidence runs from 17:00 to 18:59 in New York on 10 October 2005
        Result typo = pmw("change", "add", dir, "Apache MPM: fewer threads", "--at", "1999-01-01 00:00");
        assertEquals(0, typo.status(), typo.err());
        assertEquals("C1", typo.out());
        assertEquals("pmw: warning: C1 starts 1999-01-01 00:00, 2474 days before the first evidence (2005-10-10 17:00);"
                + " if that is wrong, pmw change set " + dir + " C1 --at TIME", typo.err().trim());
        Result fixed = pmw("change", "set", dir, "C1", "--at", "2005-10-10 18:00");
        assertEquals("", fixed.err(), "a time among the evidence gets no warning");
        Result day = pmw("change", "add", dir, "Deploy the day before", "--at", "2005-10-09 18:00");
        assertEquals("", day.err(), "a day before the evidence may well be the cause");
        Result late = pmw("change", "set", dir, "C1", "--end", "2005-11-10 18:00");
        assertEquals(0, late.status(), late.err());
        assertTrue(late.err().contains("C1 ends 2005-11-10 18:00, 31 days after the last evidence (2005-10-10 18:59)"),
                late.err());
        assertEquals("", pmw("change", "set", dir, "C1", "--title", "Apache MPM: 8 threads").err(),
                "only a time given is checked");
    }

    @Test
    void bookmarksMarkersAndTheTimelineRoundTrip() throws Exception {
        assertEquals(0, pmw("bookmark", "add", project.toString(), "web1_error_log:2", "--star", "--tag", "burst",
                "--comment", "first crash").status());
        JsonNode bookmarks = pmw("bookmark", "list", project.toString(), "--json").json();
        assertTrue(bookmarks.get(0).get("starred").asBoolean());
        assertEquals(0, pmw("bookmark", "untag", project.toString(), "web1_error_log:2", "burst").status());
        bookmarks = pmw("bookmark", "list", project.toString(), "--json").json();
        assertEquals(0, bookmarks.get(0).get("tags").size());
        assertEquals("first crash", bookmarks.get(0).get("comment").asText());
        assertEquals(0, pmw("marker", project.toString(), "mitigated", "2005-10-10 18:00").status());
        pmw("change", "add", project.toString(), "Xen guests: more memory", "--kind", "infra", "--at", "2005-10-10 17:59");
        JsonNode timeline = pmw("timeline", project.toString(), "--json").json();
        String previous = "";
        for (JsonNode entry : timeline) {
            assertTrue(entry.get("at").asText().compareTo(previous) >= 0, "timeline in time order");
            previous = entry.get("at").asText();
        }
        assertTrue(timeline.toString().contains("\"kind\":\"bookmark\""), timeline.toString());
        assertTrue(pmw("timeline", project.toString()).out().lines()
                .anyMatch(l -> l.matches("2005-10-10 17:59:00\\.000 +change +C\\d+ +Xen guests: more memory")),
                "the text is on the incident's clock, as search prints it");
        assertEquals(0, pmw("bookmark", "remove", project.toString(), "web1_error_log:2").status());
        assertEquals("S1", pmw("search-save", project.toString(), "errors", "level:error").out().trim());
        assertEquals("S1", pmw("search-save", project.toString(), "web2 errors", "level:error AND host:web2",
                "--replace", "S1").out().trim());
        String saved = java.nio.file.Files.readString(project.resolve("incident.json"));
        assertTrue(saved.contains("level:error AND host:web2") && !saved.contains("\"S2\""), saved);
        assertEquals(0, pmw("bookmark", "list", project.toString(), "--json").json().size());
    }

    @Test
    void evidenceMustExistAndASavedQueryMustParse() throws Exception {
        pmw("hypothesis", "add", project.toString(), "Too few Apache workers");
        byte[] before = java.nio.file.Files.readAllBytes(project.resolve("incident.json"));
        Result noSuchLine = pmw("hypothesis", "evidence", project.toString(), "H1", "--for", "web1_error_log:999999");
        assertEquals(1, noSuchLine.status());
        assertTrue(noSuchLine.err().contains("no event at web1_error_log:999999"), noSuchLine.err());
        Result bookmark = pmw("bookmark", "add", project.toString(), "web1_error_log:999999", "--star");
        assertEquals(1, bookmark.status());
        Result badQuery = pmw("search-save", project.toString(), "broken", "status:[500 TO");
        assertEquals(1, badQuery.status());
        assertTrue(badQuery.err().contains("status:[500 TO"), badQuery.err());
        assertEquals(new String(before), java.nio.file.Files.readString(project.resolve("incident.json")),
                "nothing was saved");
        assertEquals(0, pmw("hypothesis", "evidence", project.toString(), "H1", "--for", "web1_error_log:2").status());
    }

    @Test
    void aSecondWriterIsRefusedWithALockMessage() throws Exception {
        try (Project open = Project.open(project, Progress.NONE)) {
            Result refused = pmw("hypothesis", "add", project.toString(), "Something");
            assertEquals(1, refused.status());
            assertTrue(refused.err().contains("open in another pmw process"), refused.err());
            // reading is still possible while the window holds the project
            assertEquals(0, pmw("search", project.toString(), "segmentation").status());
        }
    }
}
