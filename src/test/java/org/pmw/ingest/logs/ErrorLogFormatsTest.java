package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.Level;

/** apache_error, nginx_error and php_error. */
class ErrorLogFormatsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void apache22LinesUseTheSourceZoneAndTheBracketLevel() {
        String text = "[Mon Oct 10 14:02:11 2005] [notice] Apache/2.0.52 (CentOS) configured -- resuming normal operations\n"
                + "[Mon Oct 10 14:02:12 2005] [error] [client 10.0.0.5] PHP Fatal error:  Allowed memory size of 8388608 "
                + "bytes exhausted (tried to allocate 35 bytes) in /var/www/html/index.php on line 42, referer: http://www.example.com/\n"
                + "[Mon Oct 10 14:02:13 2005] [notice] child pid 4120 exit signal Segmentation fault (11)\n"
                + "[Mon Oct 10 14:02:14 2005] [error] server reached MaxClients setting, consider raising the MaxClients setting\n";
        ParseRun run = ParseRun.of(ParseRun.format("apache_error"), "error_log", text, NEW_YORK, 2005, null);
        assertEquals(4, run.events.size());
        Event first = run.event(0);
        assertEquals(Instant.parse("2005-10-10T18:02:11Z").toEpochMilli(), first.ts());
        assertEquals("Mon Oct 10 14:02:11 2005", first.tsText());
        assertEquals(Level.NOTICE, first.level());
        assertEquals("Apache/2.0.52 (CentOS) configured -- resuming normal operations", first.message());

        Event php = run.event(1);
        assertEquals(Level.ERROR, php.level());
        assertEquals("10.0.0.5", php.fields().get("client"));
        assertTrue(php.message().startsWith("PHP Fatal error:  Allowed memory size"));

        Event segfault = run.event(2);
        assertEquals(Level.NOTICE, segfault.level());
        assertEquals("child pid 4120 exit signal Segmentation fault (11)", segfault.message());
        assertEquals(3, segfault.line());
        assertEquals(Level.ERROR, run.event(3).level());
    }

    @Test
    void apache24KeepsMicrosModulePidTidAndClientWithoutPort() {
        String line = "[Mon Oct 10 14:02:11.123456 2005] [core:error] [pid 1234:tid 140245093189376] "
                + "[client 10.0.0.5:51234] AH00037: Symbolic link not allowed or link target not accessible: /var/www/html/x";
        ParseRun run = ParseRun.of(ParseRun.format("apache_error"), "error_log", line);
        Event e = run.event(0);
        assertEquals(Instant.parse("2005-10-10T14:02:11.123Z").toEpochMilli(), e.ts());
        assertEquals(456, e.micros());
        assertEquals("Mon Oct 10 14:02:11.123456 2005", e.tsText());
        assertEquals("core", e.fields().get("module"));
        assertEquals(1234L, e.fields().get("pid"));
        assertEquals(140245093189376L, e.fields().get("tid"));
        assertEquals("10.0.0.5", e.fields().get("client"));
        assertEquals(Level.ERROR, e.level());
        assertTrue(e.message().startsWith("AH00037: Symbolic link"));
    }

    @Test
    void apache24ReadsTheClientAfterAnAprError() {
        String line = "[Sun Oct 29 02:30:00.500000 2023] [proxy_fcgi:error] [pid 1241:tid 140241] (70007)The timeout"
                + " specified has expired: [client 10.0.0.6:51235] AH01075: Error dispatching request to : (polling)";
        Event e = ParseRun.of(ParseRun.format("apache_error"), "error_log", line).event(0);
        assertEquals("10.0.0.6", e.fields().get("client"));
        assertEquals(70007L, e.fields().get("apr_status"));
        assertEquals("(70007)The timeout specified has expired: AH01075: Error dispatching request to : (polling)",
                e.message());
    }

    @Test
    void apacheLinesWithoutTimestampJoinTheEntryBefore() {
        String text = "PHP Warning:  orphan line before any entry\n"
                + "[Mon Oct 10 14:02:11 2005] [error] [client 10.0.0.5] PHP Fatal error:  Uncaught exception 'Exception'\n"
                + "Stack trace:\n"
                + "#0 /var/www/html/db.php(12): connect()\n"
                + "#1 {main}\n"
                + "[Mon Oct 10 14:02:12 2005] [notice] caught SIGTERM, shutting down\n";
        ParseRun run = ParseRun.of(ParseRun.format("apache_error"), "error_log", text);
        assertEquals(2, run.events.size());
        Event e = run.event(0);
        assertEquals(2, e.line());
        assertEquals("PHP Fatal error:  Uncaught exception 'Exception'\nStack trace:\n#0 /var/www/html/db.php(12): "
                + "connect()\n#1 {main}", e.message());
        assertTrue(e.raw().startsWith("[Mon Oct 10 14:02:11 2005] [error]"));
        assertTrue(e.raw().endsWith("\n#1 {main}"));
        assertEquals(1, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).startsWith("line 1: continuation line before the first entry"));
    }

    @Test
    void nginxErrorFieldsAndContext() {
        String line = "2005/10/10 14:02:11 [error] 1234#0: *5 connect() failed (111: Connection refused) while connecting "
                + "to upstream, client: 10.0.0.5, server: www.example.com, request: \"GET /index.php HTTP/1.1\", "
                + "upstream: \"fastcgi://127.0.0.1:9000\", host: \"www.example.com\"";
        ParseRun run = ParseRun.of(ParseRun.format("nginx_error"), "error.log", line + "\n", NEW_YORK, 2005, null);
        Event e = run.event(0);
        assertEquals(Instant.parse("2005-10-10T18:02:11Z").toEpochMilli(), e.ts());
        assertEquals("2005/10/10 14:02:11", e.tsText());
        assertEquals(Level.ERROR, e.level());
        assertEquals(1234L, e.fields().get("pid"));
        assertEquals(0L, e.fields().get("tid"));
        assertEquals(5L, e.fields().get("connection"));
        assertEquals("10.0.0.5", e.fields().get("client"));
        assertEquals("GET /index.php HTTP/1.1", e.fields().get("request"));
        assertEquals("fastcgi://127.0.0.1:9000", e.fields().get("upstream"));
        assertTrue(e.message().startsWith("connect() failed (111"));
    }

    @Test
    void phpLevelsFileLineAndZoneNames() {
        String text = "[10-Oct-2005 14:02:11] PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line 12\n"
                + "[10-Oct-2005 14:02:12 America/New_York] PHP Notice:  Undefined index: id in /var/www/html/item.php on line 7\n"
                + "[10-Oct-2005 18:02:13 UTC] PHP Parse error:  syntax error, unexpected '}' in /var/www/html/cart.php on line 88\n"
                + "[10-Oct-2005 14:02:14] PHP Deprecated:  Function split() is deprecated in /var/www/html/a.php on line 3\n"
                + "[10-Oct-2005 14:02:15] PHP Strict Standards:  Non-static method Db::get() should not be called statically in /var/www/html/b.php on line 9\n"
                + "[10-Oct-2005 14:02:16] plain message from error_log()\n";
        ParseRun run = ParseRun.of(ParseRun.format("php_error"), "php_errors.log", text, ZoneId.of("Europe/Berlin"), 2005, null);
        assertEquals(6, run.events.size());
        Event warning = run.event(0);
        assertEquals(Level.WARN, warning.level());
        assertEquals(Instant.parse("2005-10-10T12:02:11Z").toEpochMilli(), warning.ts());
        assertEquals("Warning", warning.fields().get("php_level"));
        assertEquals("/var/www/html/db.php", warning.fields().get("file"));
        assertEquals(12L, warning.fields().get("php_line"));
        assertEquals("PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line 12", warning.message());

        Event notice = run.event(1);
        assertEquals(Level.NOTICE, notice.level());
        assertEquals(Instant.parse("2005-10-10T18:02:12Z").toEpochMilli(), notice.ts());
        assertEquals("10-Oct-2005 14:02:12 America/New_York", notice.tsText());

        assertEquals(Instant.parse("2005-10-10T18:02:13Z").toEpochMilli(), run.event(2).ts());
        assertEquals(Level.ERROR, run.event(2).level());
        assertEquals(Level.NOTICE, run.event(3).level());
        assertEquals(Level.NOTICE, run.event(4).level());
        assertEquals(Level.INFO, run.event(5).level());
        assertFalse(run.event(5).fields().containsKey("php_level"));
    }

    @Test
    void aPhpZoneSetAsAnAbbreviationIsThatOffset() {
        // date.timezone = EST: Java knows no zone of that name, PHP prints it all the same
        ParseRun run = ParseRun.of(ParseRun.format("php_error"), "php_errors.log",
                "[14-Nov-2023 10:00:02 EST] PHP Warning:  mysqli_connect(): (HY000/1040): Too many connections in"
                + " /var/www/db.php on line 8\n", ZoneId.of("Asia/Tokyo"), 2023, null);
        assertEquals(Instant.parse("2023-11-14T15:00:02Z").toEpochMilli(), run.event(0).ts());
        assertTrue(run.context.notes().isEmpty(), run.context.notes().toString());
    }

    @Test
    void phpStackTracesAreOneEvent() {
        String text = "[10-Oct-2005 14:02:11] PHP Fatal error:  Uncaught exception 'DbException' with message 'Too many connections' in /var/www/html/db.php:12\n"
                + "Stack trace:\n"
                + "#0 /var/www/html/index.php(5): Db->connect()\n"
                + "#1 {main}\n"
                + "  thrown in /var/www/html/db.php on line 12\n"
                + "[10-Oct-2005 14:02:11] PHP Stack trace:\n"
                + "[10-Oct-2005 14:02:11] PHP   1. {main}() /var/www/html/index.php:0\n"
                + "[10-Oct-2005 14:02:11] PHP   2. Db->connect() /var/www/html/index.php:5\n"
                + "[10-Oct-2005 14:02:20] PHP Warning:  next entry in /var/www/html/x.php on line 1\n";
        ParseRun run = ParseRun.of(ParseRun.format("php_error"), "php_errors.log", text);
        assertEquals(2, run.events.size());
        Event fatal = run.event(0);
        assertEquals(Level.FATAL, fatal.level());
        assertEquals("/var/www/html/db.php", fatal.fields().get("file"));
        assertEquals(12L, fatal.fields().get("php_line"));
        assertEquals(8, fatal.raw().split("\n").length);
        assertTrue(fatal.message().contains("\n#1 {main}\n  thrown in /var/www/html/db.php on line 12\nPHP Stack trace:\n"
                + "PHP   1. {main}() /var/www/html/index.php:0\n"), fatal.message());
        assertEquals(9, run.event(1).line());
    }

    /** php-fpm's slow log (request_slowlog_timeout): a head line, the script, then the stack it was stuck in. */
    static final String FPM_SLOW_LOG = """

            [14-Mar-2024 09:58:02]  [pool www] pid 4021
            script_filename = /var/www/html/index.php
            [0x00007f8b3c0130d0] curl_exec() /var/www/lib/Http.php:44
            [0x00007f8b3c012f40] request() /var/www/lib/Api.php:12
            [0x00007f8b3c012e10] {main}() /var/www/html/index.php:7

            [14-Mar-2024 09:58:09]  [pool api] pid 4022
            script_filename = /var/www/api/pay.php
            [0x00007f8b3c0130d0] mysql_query() /var/www/lib/Db.php:88
            [0x00007f8b3c012e10] +++ dump failed
            """;

    @Test
    void phpFpmSlowLogEntriesAreOneEventEachWithTheirStack() {
        ParseRun run = ParseRun.of(ParseRun.format("php_error"), "www-slow.log", FPM_SLOW_LOG);
        assertEquals(2, run.events.size(), run.events.toString());
        assertEquals(0, run.context.skipped(), run.context.skipReasons().toString());
        Event stuck = run.event(0);
        assertEquals(Level.WARN, stuck.level(), "a request slower than request_slowlog_timeout");
        assertEquals("www", stuck.fields().get("pool"));
        assertEquals(4021L, stuck.fields().get("pid"));
        assertTrue(stuck.message().startsWith("[pool www] pid 4021\nscript_filename = /var/www/html/index.php\n"
                + "[0x00007f8b3c0130d0] curl_exec() /var/www/lib/Http.php:44"), stuck.message());
        assertEquals(5, stuck.raw().split("\n").length);
        assertEquals("api", run.event(1).fields().get("pool"));
    }

    @Test
    void phpFpmLinesTakeTheLevelTheyStartWithAndThePool() {
        String text = "[14-Mar-2024 09:57:00] NOTICE: fpm is running, pid 812\n"
                + "[14-Mar-2024 09:58:01] WARNING: [pool www] server reached pm.max_children setting (50), consider "
                + "raising it\n"
                + "[14-Mar-2024 09:58:04] ERROR: [pool www] child 4023 exited on signal 11 (SIGSEGV - core dumped) "
                + "after 1234.567890 seconds from start\n"
                + "[14-Mar-2024 09:58:05] ALERT: [pool api] unable to allocate shared memory segment\n"
                + "[14-Mar-2024 09:58:06] PHP Warning:  still a PHP line in /var/www/x.php on line 2\n";
        ParseRun run = ParseRun.of(ParseRun.format("php_error"), "php-fpm.log", text);
        assertEquals(5, run.events.size());
        assertEquals(Level.NOTICE, run.event(0).level());
        assertFalse(run.event(0).fields().containsKey("pool"));
        assertEquals(Level.WARN, run.event(1).level());
        assertEquals("www", run.event(1).fields().get("pool"));
        assertEquals(Level.ERROR, run.event(2).level());
        assertEquals("ERROR: [pool www] child 4023 exited on signal 11 (SIGSEGV - core dumped) after 1234.567890 "
                + "seconds from start", run.event(2).message());
        assertEquals(Level.CRIT, run.event(3).level());
        assertEquals("api", run.event(3).fields().get("pool"));
        assertEquals(Level.WARN, run.event(4).level());
        assertFalse(run.event(4).fields().containsKey("pool"));
    }

    @Test
    void entriesStopGrowingAtTheLimitAndTheRestIsCounted() {
        StringBuilder text = new StringBuilder("[Mon Oct 10 14:02:11 2005] [error] start of a runaway entry\n");
        String filler = "x".repeat(999) + "\n";
        int fillerLines = EntryAssembler.MAX_ENTRY_CHARS / 1000 + 50;
        for (int i = 0; i < fillerLines; i++) {
            text.append(filler);
        }
        text.append("[Mon Oct 10 14:02:12 2005] [notice] next entry\n");
        ParseRun run = ParseRun.of(ParseRun.format("apache_error"), "error_log", text.toString());
        assertEquals(2, run.events.size());
        assertTrue(run.event(0).raw().length() <= EntryAssembler.MAX_ENTRY_CHARS);
        assertTrue(run.context.skipped() >= 50, "skipped " + run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).contains("entry of line 1 is longer than"));
        assertEquals("next entry", run.event(1).message());
    }
}
