package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.Level;

class SyslogFormatTest {

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void rfc3164HostProgramPidAndKeywordLevels() {
        String text = "Oct 10 14:02:11 dom0 kernel: httpd[4120]: segfault at 0000000000000010 rip 00002aaaab0f8e3c error 4\n"
                + "Oct  9 08:00:01 web1 crond(pam_unix)[2915]: session closed for user root\n"
                + "Oct 10 14:02:12 web1 sshd[3001]: Failed password for root from 10.0.0.66 port 4242 ssh2\n"
                + "Oct 10 14:02:13 web1 last message repeated 3 times\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("America/New_York"), 2005, null);
        assertEquals(4, run.events.size());
        Event kernel = run.event(0);
        assertEquals(utc("2005-10-10T18:02:11Z"), kernel.ts());
        assertEquals("Oct 10 14:02:11", kernel.tsText());
        assertEquals("dom0", kernel.host());
        assertEquals("kernel", kernel.fields().get("program"));
        assertEquals("httpd[4120]: segfault at 0000000000000010 rip 00002aaaab0f8e3c error 4", kernel.message());
        assertEquals(Level.ERROR, kernel.level());
        Event cron = run.event(1);
        assertEquals("crond(pam_unix)", cron.fields().get("program"));
        assertEquals(2915L, cron.fields().get("pid"));
        assertEquals(Level.INFO, cron.level());
        assertEquals(utc("2005-10-09T12:00:01Z"), cron.ts());
        assertEquals(Level.WARN, run.event(2).level());
        assertEquals("last message repeated 3 times", run.event(3).message());
        assertEquals("web1", run.event(3).host());
    }

    @Test
    void rsyslogsHighPrecisionFormatHasItsHostProgramAndPid() {
        String text = "2023-11-05T01:30:00.123456-04:00 web1 sshd[101]: Failed password for root from 10.0.0.9 port 5000 ssh2\n"
                + "2023-11-05T01:10:00.000001-05:00 web1 kernel: [ 1.23] Out of memory: Killed process 42 (java)\n"
                + "2023-11-05T06:40:00+0000 web2 CRON[7]: (root) CMD (x)\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("UTC"), null, null);
        assertEquals(3, run.events.size(), run.context.skipReasons().toString());
        Event sshd = run.event(0);
        assertEquals(Instant.parse("2023-11-05T05:30:00.123Z").toEpochMilli(), sshd.ts());
        assertEquals("web1", sshd.host());
        assertEquals("sshd", sshd.fields().get("program"));
        assertEquals(101L, sshd.fields().get("pid"));
        assertEquals("Failed password for root from 10.0.0.9 port 5000 ssh2", sshd.message());
        assertEquals(Instant.parse("2023-11-05T06:10:00Z").toEpochMilli(), run.event(1).ts());
        assertEquals("kernel", run.event(1).fields().get("program"));
        assertEquals("web2", run.event(2).host());
        assertEquals(Instant.parse("2023-11-05T06:40:00Z").toEpochMilli(), run.event(2).ts());
        // a log4j line that starts with an ISO time has no syslog tag, and is not read as syslog
        org.pmw.ingest.FormatException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.pmw.ingest.FormatException.class, () -> ParseRun.of(ParseRun.format("syslog"), "app.log",
                        "2023-11-14T10:00:02.123+01:00 ERROR [main] com.example.Api - Request failed\n",
                        ZoneId.of("UTC"), null, null));
        assertTrue(refused.getMessage().contains("'yyyy-MM-ddTHH:mm:ss host tag:'"), refused.getMessage());
    }

    @Test
    void theHourRepeatedWhenClocksGoBackIsReadInTheOrderTheLogWroteIt() {
        String text = "Nov  5 01:40:00 db1 postgres[77]: [1-1] LOG:  checkpoint starting\n"
                + "Nov  5 01:55:00 db1 kernel: eth0: link down\n"
                + "Nov  5 01:54:58 db1 kernel: eth0: a line written a moment late\n"
                + "Nov  5 01:05:00 db1 kernel: eth0: link up\n"
                + "Nov  5 01:20:00 db1 app[9]: connection restored\n"
                + "Nov  5 02:10:00 db1 app[9]: after the repeated hour\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("America/New_York"), 2023,
                null);
        List<Instant> times = run.events.stream().map(e -> Instant.ofEpochMilli(e.ts())).toList();
        assertEquals(List.of(Instant.parse("2023-11-05T05:40:00Z"), Instant.parse("2023-11-05T05:55:00Z"),
                Instant.parse("2023-11-05T05:54:58Z"), Instant.parse("2023-11-05T06:05:00Z"),
                Instant.parse("2023-11-05T06:20:00Z"), Instant.parse("2023-11-05T07:10:00Z")), times,
                "summer time until the clock goes back, then winter time; a line two seconds late is not the clock");
        // once past the change, a line written a quarter of an hour late stays in winter time, and so do the rest
        ParseRun late = ParseRun.of(ParseRun.format("syslog"), "messages", "Nov  5 01:30:00 db1 app: a\n"
                + "Nov  5 01:50:00 db1 app: b\nNov  5 01:10:00 db1 app: c\nNov  5 01:40:00 db1 app: d\n"
                + "Nov  5 01:25:00 db1 app: late\nNov  5 01:42:00 db1 app: e\n", ZoneId.of("America/New_York"),
                2023, null);
        assertEquals(List.of("05:30", "05:50", "06:10", "06:40", "06:25", "06:42"), late.events.stream()
                .map(e -> Instant.ofEpochMilli(e.ts()).toString().substring(11, 16)).toList());
    }

    @Test
    void yearRollsOverAtNewYear() {
        String text = "Dec 31 23:59:58 dom0 xend: saving domain state\n"
                + "Jan  1 00:00:02 dom0 xend: domain restored\n"
                + "Jan  1 00:00:03 dom0 ntpd[880]: synchronized to 10.0.0.1, stratum 2\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("UTC"), 2005, null);
        assertEquals(utc("2005-12-31T23:59:58Z"), run.event(0).ts());
        assertEquals(utc("2006-01-01T00:00:02Z"), run.event(1).ts());
        assertEquals(utc("2006-01-01T00:00:03Z"), run.event(2).ts());
        assertTrue(run.context.notes().isEmpty(), run.context.notes().toString());
    }

    private static final String NEW_YEAR = "Dec 31 23:58:01 web1 CRON[1234]: (root) CMD (run-parts /etc/cron.hourly)\n"
            + "Dec 31 23:59:59 web1 kernel: httpd[4120]: segfault at 10 ip 00002aaaab0f8e3c error 4 in libphp5.so\n"
            + "Jan  1 00:00:01 web1 sshd[2222]: Accepted publickey for root from 10.0.0.9 port 50000 ssh2\n"
            + "Jan 10 08:00:00 web1 kernel: Out of memory: Kill process 4120 (httpd) score 900\n";

    @Test
    void withoutAYearTheDatesFallNearestTheOtherEvidence() {
        // the access log beside it runs from just after midnight on 1 January 2006
        long[] accessLog = {utc("2006-01-01T00:00:05Z"), utc("2006-01-01T00:04:05Z")};
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), NEW_YEAR, ZoneId.of("UTC"), accessLog,
                "2026-11-29T05:00:00Z");
        assertEquals(utc("2005-12-31T23:58:01Z"), run.event(0).ts());
        assertEquals(utc("2006-01-01T00:00:01Z"), run.event(2).ts());
        assertEquals(utc("2006-01-10T08:00:00Z"), run.event(3).ts());
        assertEquals(2005, run.context.assumedYear());
        assertTrue(run.context.notes().get(0).startsWith("syslog timestamps have no year; took 2005, the year that"
                + " puts them nearest"), run.context.notes().toString());
        // a file that starts two days after the evidence ends is that year, not the year before
        ParseRun later = ParseRun.of(ParseRun.format("syslog"), "Jan  3 10:00:00 web1 kernel: hello\n",
                ZoneId.of("UTC"), accessLog, "2026-11-29T05:00:00Z");
        assertEquals(utc("2006-01-03T10:00:00Z"), later.event(0).ts());
    }

    @Test
    void withNothingToGoByTheDatesAreNotPutInTheFuture() {
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), NEW_YEAR, ZoneId.of("UTC"), null, "2026-11-29T05:00:00Z");
        assertEquals(utc("2025-12-31T23:58:01Z"), run.event(0).ts(), "31 December 2026 has not happened yet");
        assertEquals(utc("2026-01-10T08:00:00Z"), run.event(3).ts());
        assertTrue(run.context.notes().get(0).contains("took 2025, the latest year that does not put them in the"
                + " future; give --year if that is wrong"), run.context.notes().toString());
        ParseRun thisYear = ParseRun.of(ParseRun.format("syslog"), "Nov 28 10:00:00 web1 kernel: hello\n",
                ZoneId.of("UTC"), null, "2026-11-29T05:00:00Z");
        assertEquals(utc("2026-11-28T10:00:00Z"), thisYear.event(0).ts());
    }

    @Test
    void aClockResetAtBootDoesNotMoveTheRestOfTheFileAYear() {
        String text = "Oct 10 14:00:00 web1 kernel: going down for reboot\n"
                + "Jan  1 00:00:05 web1 kernel: Linux version 2.6.11 (clock not set yet)\n"
                + "Jan  1 00:00:09 web1 ntpd[880]: time reset +24236391 s\n"
                + "Oct 10 14:05:00 web1 httpd: started\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("UTC"), 2005, null);
        assertEquals(utc("2005-01-01T00:00:05Z"), run.event(1).ts());
        assertEquals(utc("2005-10-10T14:05:00Z"), run.event(3).ts());
    }

    @Test
    void the29thOfFebruaryTakesTheLatestLeapYearAndAFileTimeIsAReference() {
        ParseRun leap = ParseRun.of(ParseRun.format("syslog"), "Feb 29 10:00:00 web1 kernel: leap day\nMar  1 10:00:00 web1 kernel: next\n",
                ZoneId.of("UTC"), null, "2026-11-29T05:00:00Z");
        assertEquals(2, leap.events.size());
        assertEquals(utc("2024-02-29T10:00:00Z"), leap.event(0).ts());
        assertEquals(utc("2024-03-01T10:00:00Z"), leap.event(1).ts());
        // written up to 3 January: the file starts in the November before
        ParseRun byFileTime = ParseRun.of(ParseRun.format("syslog"),
                "Nov 20 10:00:00 web1 kernel: one\nDec 31 10:00:00 web1 kernel: two\nJan  3 10:00:00 web1 kernel: three\n",
                new org.pmw.ingest.ParseContext("src-1", "messages", ZoneId.of("UTC"), null, null, null,
                        utc("2026-11-29T05:00:00Z")).withFileTime(utc("2006-01-03T12:00:00Z")));
        assertEquals(utc("2005-11-20T10:00:00Z"), byFileTime.event(0).ts());
        assertEquals(utc("2006-01-03T10:00:00Z"), byFileTime.event(2).ts());
        assertTrue(byFileTime.context.notes().get(0).contains("took 2005, the year that puts them nearest the time the file"
                + " was last written"), byFileTime.context.notes().toString());
    }

    @Test
    void theYearGoesUpWhereTheDatesGoBackNotForLinesAFewHoursLate() {
        String text = "Dec 30 10:00:00 h p: one\n"
                + "Dec 30 09:59:00 h p: logged a minute late\n"
                + "Feb  2 10:00:00 h p: two after a gap\n"
                + "Mar  1 10:00:00 h p: three\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("UTC"), 2005, null);
        assertEquals(utc("2005-12-30T09:59:00Z"), run.event(1).ts());
        assertEquals(utc("2006-02-02T10:00:00Z"), run.event(2).ts());
        assertEquals(utc("2006-03-01T10:00:00Z"), run.event(3).ts());
        assertTrue(run.context.notes().isEmpty(), "the year was given");
    }

    @Test
    void aLevelTheMessageStartsWithIsItsLevel() {
        String text = "Jan  1 00:00:02 mx1 postfix/smtpd[3333]: warning: hostname unknown\n"
                + "Jan  1 00:00:03 app1 billing[12]: ERROR export failed for batch 7\n"
                + "Jan  1 00:00:04 app1 billing[12]: [crit] ledger out of balance\n"
                + "Jan  1 00:00:05 app1 billing[12]: Information about the run: 3 errors retried\n"
                + "Jan  1 00:00:06 web1 kernel: httpd[4120]: segfault at 10 ip 00002aaaab0f8e3c error 4\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text, ZoneId.of("UTC"), 2006, null);
        assertEquals(Level.WARN, run.event(0).level());
        assertEquals(Level.ERROR, run.event(1).level());
        assertEquals(Level.CRIT, run.event(2).level());
        assertEquals(Level.WARN, run.event(3).level(), "'Information' is no level word; 'errors' is a keyword");
        assertEquals(Level.ERROR, run.event(4).level());
    }

    @Test
    void priGivesTheLevel() {
        String text = "<11>Oct 10 14:02:11 web1 httpd[4120]: all fine really\n"
                + "<14>Oct 10 14:02:12 web1 httpd[4120]: an error word but PRI says info\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "remote.log", text);
        assertEquals(Level.ERROR, run.event(0).level());
        assertEquals(1L, run.event(0).fields().get("facility"));
        assertEquals(Level.INFO, run.event(1).level());
    }

    @Test
    void rfc5424() {
        String text = "<34>1 2005-10-10T14:02:11.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8\n"
                + "<165>1 2005-10-10T22:14:15.003456-07:00 192.0.2.1 myproc 8710 - [exampleSDID@32473 iut=\"3\" "
                + "eventSource=\"Application\" note=\"a \\\"] in quotes\"] \uFEFFAn application event log entry...\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "rfc5424.log", text);
        assertEquals(2, run.events.size(), run.context.skipReasons().toString());
        Event su = run.event(0);
        assertEquals(utc("2005-10-10T14:02:11.003Z"), su.ts());
        assertEquals("2005-10-10T14:02:11.003Z", su.tsText());
        assertEquals("mymachine.example.com", su.host());
        assertEquals("su", su.fields().get("program"));
        assertEquals("ID47", su.fields().get("msgid"));
        assertEquals(Level.CRIT, su.level());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", su.message());
        Event app = run.event(1);
        assertEquals(utc("2005-10-11T05:14:15.003Z"), app.ts());
        assertEquals(456, app.micros());
        assertEquals(8710L, app.fields().get("pid"));
        assertEquals(Level.NOTICE, app.level());
        assertTrue(((String) app.fields().get("sd")).startsWith("[exampleSDID@32473 iut=\"3\""));
        assertEquals("An application event log entry...", app.message());
    }

    @Test
    void rfc5424StructuredDataParametersAreFields() {
        String text = "<165>1 2024-06-12T13:00:00.000Z web1 shop 4242 ID47 [origin@32473 backend=\"checkout\""
                + " ip=\"10.0.0.5\" note=\"a \\\"quoted\\\" word\"][meta sequenceId=\"7\"] payment failed\n";
        ParseRun run = ParseRun.of(ParseRun.format("syslog"), "messages", text);
        assertEquals(1, run.events.size());
        var fields = run.event(0).fields();
        assertEquals("checkout", fields.get("backend"));
        assertEquals("10.0.0.5", fields.get("ip"));
        assertEquals("a \"quoted\" word", fields.get("note"), "escapes undone");
        assertEquals("7", fields.get("sequenceId"), "from the second element too");
        assertEquals("payment failed", run.event(0).message());
    }
}
