package org.pmw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, import, search, histogram, show and formats on log files written here, through the real parsers. */
class CoreCommandsTest {

    @TempDir
    Path tmp;

    private record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Result pmw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Pmw.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private Path logs() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs/web1"));
        StringBuilder access = new StringBuilder();
        StringBuilder error = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            String time = String.format("10/Oct/2005:14:%02d:%02d -0400", i / 10, i % 10 * 6);
            int status = i % 20 == 0 ? 503 : 200;
            access.append(String.format("10.1.%d.%d - - [%s] \"GET /product.php?id=%d HTTP/1.1\" %d %d \"-\" "
                    + "\"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)\"%n", i % 200, i % 250, time, i, status,
                    status == 200 ? 4000 + i : 512));
            if (i % 20 == 0) {
                error.append(String.format("[Mon Oct 10 14:%02d:%02d 2005] [notice] child pid %d exit signal "
                        + "Segmentation fault (11)%n", i / 10, i % 10 * 6, 4000 + i));
            }
        }
        Files.writeString(dir.resolve("access_log"), access.toString());
        Files.writeString(dir.resolve("error_log"), error.toString());
        return dir;
    }

    @Test
    void aLogImportedInTheWrongZoneIsRetimedKeepingItsSourceAndLines() throws Exception {
        Path project = tmp.resolve("retime");
        Result created = pmw("init", project.toString(), "--zone", "UTC");
        assertEquals(0, created.status(), created.err());
        Path dir = logs();
        Result imported = pmw("import", project.toString(), dir.toString());
        assertEquals(0, imported.status(), imported.err());
        JsonNode before = pmw("search", project.toString(), "segmentation fault", "--json", "--limit", "1").json();
        assertEquals("2005-10-10T14:00:00Z", before.get("events").get(0).get("ts").asText(), "read as UTC");

        Result again = pmw("import", project.toString(), dir.resolve("error_log").toString(), "--zone",
                "America/New_York");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("error_log: already in the project as web1_error_log; not imported again\n"
                + "  to read its times with other options: pmw retime " + project + " web1_error_log --zone "
                + "America/New_York\n"), again.out());
        Result retimed = pmw("retime", project.toString(), "web1_error_log", "--zone", "America/New_York");
        assertEquals(0, retimed.status(), retimed.err());
        assertTrue(retimed.out().startsWith("web1_error_log: zone America/New_York, clock offset +0 ms; 30 event(s),"
                + " 2005-10-10T18:00:00Z .. 2005-10-10T18:58:00Z"), retimed.out());
        JsonNode after = pmw("search", project.toString(), "segmentation fault", "--json", "--limit", "1").json();
        assertEquals(30, after.get("total").asLong());
        assertEquals("2005-10-10T18:00:00Z", after.get("events").get(0).get("ts").asText(), "four hours on");
        assertEquals("web1_error_log", after.get("events").get(0).get("source").asText());
        assertTrue(pmw("show", project.toString(), "web1_error_log:2").out().contains("Segmentation fault"),
                "source:line still points at the same event");
        Result byFileName = pmw("show", project.toString(), "error_log:2");
        assertEquals(1, byFileName.status());
        assertEquals("pmw: no source 'error_log' in the project; did you mean web1_error_log:2?",
                byFileName.err().trim(), "a file of a folder is named with the folder");
        assertTrue(Files.readString(project.resolve("incident.json")).contains("\"zone\" : \"America/New_York\""));

        Result offset = pmw("retime", project.toString(), "web1_error_log", "--clock-offset", "-90s");
        assertEquals(0, offset.status(), offset.err());
        assertEquals("2005-10-10T17:58:30Z", pmw("search", project.toString(), "segmentation fault", "--json",
                "--limit", "1").json().get("events").get(0).get("ts").asText(), "the zone it was given stays");

        Result none = pmw("retime", project.toString(), "web1_error_log", "--clock-offset", "0");
        assertEquals(0, none.status(), "0 removes an offset: " + none.err());
        assertEquals("2005-10-10T18:00:00Z", pmw("search", project.toString(), "segmentation fault", "--json",
                "--limit", "1").json().get("events").get(0).get("ts").asText());
        assertEquals(2, pmw("retime", project.toString(), "web1_error_log", "--year", "-5").status());
        Result dated = pmw("retime", project.toString(), "web1_error_log", "--year", "1999");
        assertEquals(2, dated.status());
        assertTrue(dated.err().contains("whose dates carry their year"), dated.err());

        assertEquals(2, pmw("retime", project.toString(), "web9_error_log", "--zone", "UTC").status());
        assertTrue(pmw("retime", project.toString(), "web9_error_log", "--zone", "UTC").err()
                .contains("no source 'web9_error_log' in this project (sources: web1_access_log, web1_error_log)"));
        assertEquals(2, pmw("retime", project.toString(), "web1_error_log").status(), "nothing to change");
    }

    @Test
    void aRetimeThatWouldLoseEventsIsRefusedAndChangesNothing() throws Exception {
        Path project = tmp.resolve("leap");
        assertEquals(0, pmw("init", project.toString(), "--zone", "UTC").status());
        Path log = Files.createDirectories(tmp.resolve("leap-logs")).resolve("syslog_leap");
        Files.writeString(log, "Feb 28 23:59:00 web1 cron[1]: a\nFeb 29 00:00:01 web1 cron[2]: b\n"
                + "Feb 29 12:00:00 web1 cron[3]: c\nMar  1 00:10:00 web1 cron[4]: d\n");
        assertEquals(0, pmw("import", project.toString(), log.toString(), "--year", "2004").status());
        String manifest = Files.readString(project.resolve("incident.json"));

        Result refused = pmw("retime", project.toString(), "syslog_leap", "--year", "2005");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("keeps 2 of its 4 events") && refused.err().contains("nothing changed"),
                refused.err());
        assertEquals(manifest, Files.readString(project.resolve("incident.json")));
        assertEquals(4, pmw("search", project.toString(), "*", "--json").json().get("total").asLong());
        assertTrue(pmw("show", project.toString(), "syslog_leap:2").out().contains("Feb 29 00:00:01"),
                "the index is as it was");
    }

    @Test
    void initImportSearchHistogramShowGiveExactCounts() throws Exception {
        Path project = tmp.resolve("incident");
        assertEquals(0, pmw("init", project.toString(), "--title", "Checkout outage", "--zone", "America/New_York").status());
        assertTrue(Files.isRegularFile(project.resolve("incident.json")));

        Result imported = pmw("import", project.toString(), logs().toString(), "--json");
        assertEquals(0, imported.status(), imported.err());
        JsonNode files = imported.json();
        assertEquals(2, files.size());
        assertEquals("apache_access", files.get(0).get("format").asText());
        assertEquals(600, files.get(0).get("events").asLong());
        assertEquals(0, files.get(0).get("skipped").asLong());
        assertEquals("2005-10-10T18:00:00Z", files.get(0).get("first").asText());
        assertEquals("apache_error", files.get(1).get("format").asText());
        assertEquals(30, files.get(1).get("events").asLong());

        JsonNode hits = pmw("search", project.toString(), "segmentation fault", "--json", "--limit", "2").json();
        assertEquals(30, hits.get("total").asLong());
        assertEquals("web1_error_log", hits.get("events").get(0).get("source").asText());
        assertEquals(1, hits.get("events").get(0).get("line").asLong());
        assertEquals(30, pmw("search", project.toString(), "status:[500 TO 599]", "--json").json().get("total").asLong());
        assertEquals(30, pmw("search", project.toString(), "status:503 AND bytes:<1000", "--json").json()
                .get("total").asLong());
        // 60 requests and 3 segfaults in those six minutes
        assertEquals(63, pmw("search", project.toString(), "*", "--from", "2005-10-10 14:10", "--to",
                "2005-10-10T18:16:00Z", "--json").json().get("total").asLong());
        assertTrue(pmw("search", project.toString(), "*", "--from", "2005-10-10 14:10", "--to", "2005-10-10T18:16:00Z",
                "--limit", "0").out().startsWith("63 event(s) match (60 requests, 3 log events); 0 shown"),
                "a total of several kinds says which");
        assertTrue(pmw("search", project.toString(), "segmentation fault", "--limit", "0").out()
                .startsWith("30 event(s) match; 0 shown"), "one kind needs no breakdown");

        Result typo = pmw("search", project.toString(), "stauts:503", "--json");
        assertEquals(0, typo.json().get("total").asLong());
        assertTrue(typo.err().startsWith("pmw: no field stauts in this project (fields: "), typo.err());
        assertEquals("", pmw("search", project.toString(), "\"stauts:503\"", "--json").err(),
                "text in quotes names no field");
        Result noSource = pmw("search", project.toString(), "source:access_log", "--limit", "0");
        assertEquals("pmw: no source access_log; did you mean source:web1_access_log?", noSource.err().trim(),
                "a file named without its folder's prefix");

        JsonNode histogram = pmw("histogram", project.toString(), "level:error OR status:503", "--bucket", "10m",
                "--json").json();
        assertEquals(6, histogram.get("buckets").size());
        assertEquals(5, histogram.get("buckets").get(0).get("count").asLong());
        assertEquals("2005-10-10T18:00:00Z", histogram.get("buckets").get(0).get("start").asText());
        JsonNode days = pmw("histogram", project.toString(), "*", "--bucket", "1d", "--json").json();
        assertEquals(1, days.get("buckets").size());
        assertEquals("2005-10-10T04:00:00Z", days.get("buckets").get(0).get("start").asText(),
                "midnight in New York");

        JsonNode segfaults = pmw("patterns", project.toString(), "segmentation fault", "--json").json()
                .get("patterns").get(0);
        assertEquals(30, segfaults.get("count").asLong());
        assertEquals("2005-10-10T18:00:00Z", segfaults.get("first_seen").asText(), "the first event, not its bucket");
        assertEquals("2005-10-10T18:58:00Z", segfaults.get("last_seen").asText());
        String firstOnly = pmw("patterns", project.toString(), "*", "--limit", "1").out();
        assertTrue(firstOnly.lines().anyMatch(l -> l.matches("\\d+ pattern\\(s\\); the 1 most frequent shown .*")),
                "the footer says how many of them are shown: " + firstOnly);

        JsonNode top = pmw("top", project.toString(), "status", "source:web1_access_log", "--json").json();
        assertEquals(600, top.get("matching").asLong());
        assertEquals(2, top.get("distinct").asLong());
        assertEquals("200", top.get("values").get(0).get("value").asText());
        assertEquals(570, top.get("values").get(0).get("count").asLong());
        assertEquals(30, top.get("values").get(1).get("count").asLong());
        JsonNode bytes = pmw("top", project.toString(), "bytes", "status:503", "--json").json();
        assertEquals("512", bytes.get("values").get(0).get("value").asText());
        assertEquals(30, bytes.get("values").get(0).get("count").asLong());
        Result topText = pmw("top", project.toString(), "source", "--from", "2005-10-10 14:00", "--to", "2005-10-10 14:10");
        assertTrue(topText.out().matches("(?s)web1_access_log +100   95.2%.*"), topText.out());
        assertTrue(topText.out().contains("105 of 105 matching event(s) have a source; 2 different value(s)"),
                topText.out());
        Result noSuchField = pmw("top", project.toString(), "satus");
        assertEquals(2, noSuchField.status());
        assertTrue(noSuchField.err().contains("no field 'satus' in this project (fields: source, host, level, kind,"
                + " pattern, agent"), noSuchField.err());

        JsonNode show = pmw("show", project.toString(), "web1_access_log:21", "--context", "2", "--json").json();
        assertEquals(21, show.get("event").get("line").asLong());
        assertEquals(5, show.get("context").size());

        // the same files again are recognised and not indexed twice
        JsonNode again = pmw("import", project.toString(), tmp.resolve("logs/web1").toString(), "--json").json();
        assertEquals("duplicate", again.get(0).get("status").asText());
        assertEquals(630, pmw("search", project.toString(), "*", "--json", "--limit", "0").json().get("total").asLong());
    }

    @Test
    void errorsGoToStderrWithAnExitStatusAndSayWhatToDo() throws Exception {
        Path project = tmp.resolve("incident");
        pmw("init", project.toString());
        Result badQuery = pmw("search", project.toString(), "status:[500 TO");
        assertEquals(1, badQuery.status());
        assertTrue(badQuery.err().startsWith("pmw: cannot understand the query"), badQuery.err());
        assertEquals(1, badQuery.err().strip().lines().count());

        Files.writeString(tmp.resolve("notes.txt"), "The site was down.\nWe restarted Apache.\n");
        Result refused = pmw("import", project.toString(), tmp.resolve("notes.txt").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("no format recognises this file"), refused.err());
        assertTrue(refused.err().contains("no format reads any of its first lines, which start 'The site was down.'"),
                "formats that all scored nothing are not listed as the best: " + refused.err());
        Result forced = pmw("import", project.toString(), tmp.resolve("notes.txt").toString(), "--format", "apache_access");
        assertEquals(1, forced.status());
        assertTrue(forced.err().startsWith("pmw: " + tmp.resolve("notes.txt") + ": line 1: expected"), forced.err());
        assertTrue(forced.out().contains("notes.txt: refused: line 1: expected"), "the file is named once: " + forced.out());

        Result notAProject = pmw("search", tmp.resolve("nothing").toString(), "x");
        assertEquals(1, notAProject.status());
        assertTrue(notAProject.err().contains("pmw init"), notAProject.err());

        Result badTime = pmw("search", project.toString(), "*", "--from", "yesterday");
        assertEquals(2, badTime.status(), "a usage error, as the README says");
        assertTrue(badTime.err().contains("ISO-8601"), badTime.err());

        assertEquals(2, pmw("search").status());
    }

    @Test
    void formatsListsEveryFormatWithAnExample() throws Exception {
        JsonNode formats = pmw("formats", "--json").json();
        assertTrue(formats.size() >= 25, "formats: " + formats.size());
        for (JsonNode f : formats) {
            assertTrue(!f.get("example").asText().isBlank(), f.get("name").asText());
        }
    }

    @Test
    void loadtestCompareIsATableAndJsonOnlyWhenAsked() throws Exception {
        Path project = tmp.resolve("bench");
        pmw("init", project.toString());
        Path ab = Files.copy(Path.of("src/test/resources/loadtest/ab-c50.txt"), tmp.resolve("ab-c50.txt"));
        Path wrk = Files.copy(Path.of("src/test/resources/loadtest/wrk.txt"), tmp.resolve("wrk.txt"));
        assertEquals(0, pmw("import", project.toString(), ab.toString(), wrk.toString()).status());
        Result table = pmw("loadtest", project.toString(), "--compare", "R1", "R2");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().startsWith("R1 before, R2 after\n"), table.out());
        assertTrue(table.out().contains("Only in R1: N=50") && table.out().contains("Only in R2: N=100"), table.out());
        JsonNode json = pmw("loadtest", project.toString(), "--compare", "R1", "R2", "--json").json();
        assertEquals("R1", json.get("before").asText());
        assertEquals(50, json.get("only_before").get(0).asInt());
    }

    @Test
    void loadtestOfASingleStepRunSaysOnceWhyItHasNoFit() throws Exception {
        Path project = tmp.resolve("single");
        pmw("init", project.toString());
        Path ab = Files.copy(Path.of("src/test/resources/loadtest/ab-c50.txt"), tmp.resolve("ab-c50.txt"));
        assertEquals(0, pmw("import", project.toString(), ab.toString()).status());
        Result text = pmw("loadtest", project.toString());
        assertEquals(0, text.status(), text.err());
        assertEquals(1, text.out().split("No USL fit", -1).length - 1, text.out());
    }

    @Test
    void syslogWithoutAYearTakesTheYearOfTheEvidenceAlreadyThere() throws Exception {
        Path project = tmp.resolve("years");
        pmw("init", project.toString(), "--zone", "America/New_York");
        assertEquals(0, pmw("import", project.toString(), logs().resolve("access_log").toString()).status());
        Path messages = tmp.resolve("messages");
        Files.writeString(messages, "Oct 10 14:30:00 web1 kernel: httpd[4021]: segfault at 0 ip 00007f error 4\n");
        Result imported = pmw("import", project.toString(), messages.toString(), "--json");
        assertEquals(0, imported.status(), imported.err());
        assertEquals("2005-10-10T18:30:00Z", imported.json().get(0).get("first").asText());
    }

    @Test
    void syslogAcrossNewYearLandsBesideTheAccessLogOfTheSameBatchAndStaysThereOnReindex() throws Exception {
        Path project = tmp.resolve("newyear");
        pmw("init", project.toString(), "--zone", "UTC");
        Path access = tmp.resolve("ny/access_log");
        Files.createDirectories(access.getParent());
        Files.writeString(access, "10.0.0.5 - - [01/Jan/2006:00:00:05 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"-\"\n"
                + "10.0.0.5 - - [01/Jan/2006:00:04:05 +0000] \"GET / HTTP/1.1\" 500 10 \"-\" \"-\"\n");
        Path messages = tmp.resolve("ny/messages");
        Files.writeString(messages, "Dec 31 23:59:59 web1 kernel: httpd[4120]: segfault at 10 ip 00002aaaab0f8e3c\n"
                + "Jan  1 00:00:01 web1 sshd[2222]: Accepted publickey for root from 10.0.0.9 port 50000 ssh2\n");
        Result imported = pmw("import", project.toString(), access.toString(), messages.toString(), "--json");
        assertEquals(0, imported.status(), imported.err());
        JsonNode syslog = imported.json().get(1);
        assertEquals("2005-12-31T23:59:59Z", syslog.get("first").asText(), "nearest the access log before it");
        assertEquals("2006-01-01T00:00:01Z", syslog.get("last").asText());
        assertTrue(syslog.get("notes").get(0).asText().startsWith("syslog timestamps have no year; took 2005"),
                syslog.get("notes").toString());
        assertTrue(Files.readString(project.resolve("incident.json")).contains("\"year\" : 2005"),
                "the year taken is kept, so a rebuild takes it again");
        assertEquals(0, pmw("reindex", project.toString()).status());
        assertEquals(1, pmw("search", project.toString(), "segfault", "--from", "2005-12-31T23:00:00Z", "--to",
                "2006-01-01T00:00:00Z", "--json").json().get("total").asLong());
    }

    @Test
    void everySyslogFileOfABatchFallsBesideTheDatedEvidenceWhateverTheOrder() throws Exception {
        Path project = tmp.resolve("order");
        pmw("init", project.toString(), "--zone", "America/New_York");
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Files.writeString(batch.resolve("auth.log"), "Oct 10 14:30:00 web1 sshd[2222]: Accepted publickey for dan\n");
        Files.copy(logs().resolve("access_log"), batch.resolve("httpd_access_log"));
        Files.writeString(batch.resolve("zz_syslog"), "Oct 10 14:31:00 web1 kernel: httpd[4021]: segfault at 0\n");
        JsonNode files = pmw("import", project.toString(), batch.toString(), "--json").json();
        assertEquals(List.of("auth.log", "httpd_access_log", "zz_syslog"), java.util.stream.StreamSupport
                .stream(files.spliterator(), false).map(f -> Path.of(f.get("file").asText()).getFileName().toString())
                .toList(), "reported in the order given");
        assertEquals("2005-10-10T18:30:00Z", files.get(0).get("first").asText());
        assertEquals("2005-10-10T18:31:00Z", files.get(2).get("first").asText());
    }

    @Test
    void aMissingFileIsNamedAsMissingNotJustByItsPath() throws Exception {
        Result missing = pmw("patterns", "--assign", tmp.resolve("no-such.log").toString());
        assertEquals(1, missing.status());
        assertEquals("pmw: no such file or folder: " + tmp.resolve("no-such.log"), missing.err().trim());
    }

    @Test
    void anOptionThatCannotBeUsedIsAUsageErrorWithStatusTwo() throws Exception {
        Path project = tmp.resolve("usage");
        pmw("init", project.toString());
        Result sort = pmw("search", project.toString(), "*", "--sort", "foo");
        assertEquals(2, sort.status());
        assertEquals("pmw: --sort must be 'time' or 'relevance', not 'foo'", sort.err().trim());
        assertEquals(2, pmw("search", project.toString(), "*", "--limit", "-1").status());
        Result from = pmw("search", project.toString(), "*", "--from", "yesterday");
        assertEquals(2, from.status());
        assertTrue(from.err().startsWith("pmw: --from: cannot read the time 'yesterday'"), from.err());
        assertEquals(2, pmw("histogram", project.toString(), "*", "--bucket", "7q").status());
        assertEquals(1, pmw("search", project.toString(), "status:[500 TO").status(), "a query the parser refuses "
                + "is the command failing, as before");
        Result backwards = pmw("search", project.toString(), "*", "--from", "2005-10-11", "--to", "2005-10-10");
        assertEquals(2, backwards.status());
        assertTrue(backwards.err().contains("must be before --to"), backwards.err());
        assertEquals(2, pmw("histogram", project.toString(), "*", "--from", "2005-10-11", "--to", "2005-10-11").status());
        Result tooMany = pmw("histogram", project.toString(), "*", "--bucket", "1m", "--from", "2000-01-01", "--to",
                "2016-01-01");
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().contains("would be more than 100,000; choose a wider bucket"), tooMany.err());
        Path log = logs().resolve("access_log");
        Result format = pmw("import", project.toString(), log.toString(), "--format", "nosuch");
        assertEquals(2, format.status());
        assertTrue(format.err().contains("--format: unknown format 'nosuch'"), format.err());
        assertEquals(2, pmw("import", project.toString(), log.toString(), "--clock-offset", "xyz").status());
        assertEquals(2, pmw("show", project.toString(), "access_log:0").status());
        assertEquals(2, pmw("show", project.toString(), "access_log").status());
        assertEquals(2, pmw("show", project.toString(), "access_log:1", "--context", "-1").status());
        assertTrue(Files.readString(project.resolve("incident.json")).contains("\"sources\" : [ ]"),
                "nothing was imported by the refused commands");
    }
}
