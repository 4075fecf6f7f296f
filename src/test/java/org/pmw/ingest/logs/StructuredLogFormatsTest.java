package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.Level;

/** json_lines, log4j, xen and generic. */
class StructuredLogFormatsTest {

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void jsonLinesWithIsoEpochAndNestedFields() {
        String text = "{\"@timestamp\":\"2005-10-10T14:02:11.123456Z\",\"log\":{\"level\":\"error\"},\"message\":\"Too many connections\","
                + "\"host\":{\"name\":\"db1\"},\"http\":{\"status\":500,\"duration_ms\":2314.5},\"tags\":[\"a\",\"b\"],\"line\":7}\n"
                + "{\"time\":1128952931,\"level\":50,\"msg\":\"epoch seconds\",\"hostname\":\"web1\",\"pid\":4120}\n"
                + "{\"ts\":1128952931123,\"severity\":\"WARNING\",\"msg\":\"epoch millis\"}\n"
                + "{\"timestamp\":\"2005-10-10 14:02:11\",\"msg\":\"local time\",\"ok\":true,\"nothing\":null}\n"
                + "{\"time\":0.25,\"ts\":\"2005-10-10T14:02:15Z\",\"msg\":\"time is a duration here\"}\n"
                + "{\"msg\":\"no time here\"}\n"
                + "not json at all\n";
        ParseRun run = ParseRun.of(ParseRun.format("json_lines"), "app.jsonl", text, ZoneId.of("Europe/Berlin"), 2005, null);
        assertEquals(5, run.events.size());
        Event first = run.event(0);
        assertEquals(utc("2005-10-10T14:02:11.123Z"), first.ts());
        assertEquals(456, first.micros());
        assertEquals("2005-10-10T14:02:11.123456Z", first.tsText());
        assertEquals(Level.ERROR, first.level());
        assertEquals("Too many connections", first.message());
        assertEquals("db1", first.host());
        assertEquals(500L, first.fields().get("http.status"));
        assertEquals(2314.5, first.fields().get("http.duration_ms"));
        assertEquals("[\"a\",\"b\"]", first.fields().get("tags"));
        assertEquals(7L, first.fields().get("json_line"));
        assertFalse(first.fields().containsKey("log.level"));

        Event seconds = run.event(1);
        assertEquals(utc("2005-10-10T14:02:11Z"), seconds.ts());
        assertEquals(Level.ERROR, seconds.level());
        assertEquals("web1", seconds.host());
        assertEquals(4120L, seconds.fields().get("pid"));
        assertEquals(utc("2005-10-10T14:02:11.123Z"), run.event(2).ts());
        assertEquals(Level.WARN, run.event(2).level());
        Event local = run.event(3);
        assertEquals(utc("2005-10-10T12:02:11Z"), local.ts());
        assertEquals("true", local.fields().get("ok"));
        assertFalse(local.fields().containsKey("nothing"));
        Event duration = run.event(4);
        assertEquals(utc("2005-10-10T14:02:15Z"), duration.ts());
        assertEquals(0.25, duration.fields().get("time"));
        assertEquals(2, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).startsWith("line 6: expected a time key"));
        assertTrue(run.context.skipReasons().get(1).startsWith("line 7: expected a JSON object"));
    }

    @Test
    void epochMicrosAndNanosAreToldApartBySize() {
        ParseRun run = ParseRun.of(ParseRun.format("json_lines"), "app.jsonl",
                "{\"ts\":1128952933123456,\"level\":\"info\",\"msg\":\"micros\"}\n"
                + "{\"ts\":1128952933123456789,\"level\":\"info\",\"msg\":\"nanos, as Go and OpenTelemetry write\"}\n",
                ZoneId.of("UTC"), 2005, null);
        for (int i = 0; i < 2; i++) {
            assertEquals(utc("2005-10-10T14:02:13.123Z"), run.event(i).ts(), run.event(i).message());
            assertEquals(456, run.event(i).micros());
        }
    }

    @Test
    void dockersJsonFileLinesAreTheLineTheContainerWroteWithItsLevel() {
        ParseRun run = ParseRun.of(ParseRun.format("json_lines"), "0a1b2c-json.log",
                "{\"log\":\"2024-03-14 09:58:01.123 ERROR [main] com.shop.App - boom\\n\",\"stream\":\"stderr\","
                + "\"time\":\"2024-03-14T09:58:01.123456789Z\"}\n"
                + "{\"log\":\"GET /health 200\\r\\n\",\"stream\":\"stdout\",\"time\":\"2024-03-14T09:58:02Z\"}\n"
                + "{\"log\":\"no error here, just a word\\n\",\"level\":\"debug\",\"time\":\"2024-03-14T09:58:03Z\"}\n",
                ZoneId.of("UTC"), 2024, null);
        assertEquals("2024-03-14 09:58:01.123 ERROR [main] com.shop.App - boom", run.event(0).message(),
                "without the newline Docker adds to every line");
        assertEquals(Level.ERROR, run.event(0).level(), "the level the container's own line states");
        assertEquals("GET /health 200", run.event(1).message());
        assertEquals(Level.INFO, run.event(1).level());
        assertEquals(Level.DEBUG, run.event(2).level(), "a level key wins over the words of the line");
    }

    @Test
    void logfmtLinesAsGoProgramsWriteThem() {
        String text = "time=\"2024-03-14T09:58:01Z\" level=error msg=\"dial failed\" error=\"dial tcp 10.0.2.15:5432: "
                + "connect: connection refused\" attempt=3\n"
                + "time=2024-03-14T09:58:02.123+01:00 level=INFO msg=listening addr=:8080 ratio=0.93 ok=true\n"
                + "ts=2024-03-14T09:58:03Z caller=main.go:50 lvl=warn msg=\"said \\\"slow\\\"\" host=api-1 line=7\n"
                + "level=info msg=\"no time on this line\"\n";
        ParseRun run = ParseRun.of(ParseRun.format("logfmt"), "api.log", text, ZoneId.of("UTC"), 2024, null);
        assertEquals(3, run.events.size());
        assertEquals(1, run.context.skipped(), "the line without a time is counted, not lost silently");
        Event failed = run.event(0);
        assertEquals(utc("2024-03-14T09:58:01Z"), failed.ts());
        assertEquals("2024-03-14T09:58:01Z", failed.tsText());
        assertEquals(Level.ERROR, failed.level());
        assertEquals("dial failed", failed.message());
        assertEquals("dial tcp 10.0.2.15:5432: connect: connection refused", failed.fields().get("error"));
        assertEquals(3L, failed.fields().get("attempt"));
        Event listening = run.event(1);
        assertEquals(utc("2024-03-14T08:58:02.123Z"), listening.ts());
        assertEquals(Level.INFO, listening.level());
        assertEquals("listening", listening.message());
        assertEquals(":8080", listening.fields().get("addr"));
        assertEquals(0.93, (Double) listening.fields().get("ratio"), 1e-9);
        assertEquals("true", listening.fields().get("ok"));
        Event slow = run.event(2);
        assertEquals(Level.WARN, slow.level());
        assertEquals("said \"slow\"", slow.message());
        assertEquals("api-1", slow.host());
        assertEquals("main.go:50", slow.fields().get("caller"));
        assertEquals(7L, slow.fields().get("logfmt_line"), "a name the event has already is kept apart");
    }

    @Test
    void anEpochWithAFractionKeepsTheTextTheLogWrote() {
        ParseRun run = ParseRun.of(ParseRun.format("json_lines"), "app.jsonl",
                "{\"ts\":1128952933.5,\"level\":\"info\",\"msg\":\"half a second\"}\n", ZoneId.of("UTC"), 2005, null);
        assertEquals("1128952933.5", run.event(0).tsText());
        assertEquals(utc("2005-10-10T14:02:13.500Z"), run.event(0).ts());
    }

    @Test
    void log4jLayoutsAndStackTraces() {
        String text = "2005-10-10 14:02:11,123 ERROR [http-8080-3] com.example.shop.CartDao - Cannot get a connection\n"
                + "org.apache.commons.dbcp.SQLNestedException: Cannot get a connection, pool error Timeout waiting for idle object\n"
                + "\tat org.apache.commons.dbcp.PoolingDataSource.getConnection(PoolingDataSource.java:104)\n"
                + "\tat com.example.shop.CartDao.load(CartDao.java:42)\n"
                + "Caused by: java.util.NoSuchElementException: Timeout waiting for idle object\n"
                + "\tat org.apache.commons.pool.impl.GenericObjectPool.borrowObject(GenericObjectPool.java:825)\n"
                + "\t... 5 more\n"
                + "2005-10-10 14:02:12,007 [main] WARN  com.example.shop.Cache - cache miss storm\n"
                + "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster\n"
                + "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200\n";
        ParseRun run = ParseRun.of(ParseRun.format("log4j"), "catalina.out", text, ZoneId.of("UTC"), 2005, null);
        assertEquals(4, run.events.size());
        Event error = run.event(0);
        assertEquals(utc("2005-10-10T14:02:11.123Z"), error.ts());
        assertEquals("2005-10-10 14:02:11,123", error.tsText());
        assertEquals(Level.ERROR, error.level());
        assertEquals("http-8080-3", error.fields().get("thread"));
        assertEquals("com.example.shop.CartDao", error.fields().get("logger"));
        assertTrue(error.message().startsWith("Cannot get a connection\norg.apache.commons.dbcp.SQLNestedException"));
        assertTrue(error.message().endsWith("\tat org.apache.commons.pool.impl.GenericObjectPool.borrowObject(GenericObjectPool.java:825)\n\t... 5 more"));
        assertEquals(7, error.raw().split("\n").length);
        Event warn = run.event(1);
        assertEquals(Level.WARN, warn.level());
        assertEquals("main", warn.fields().get("thread"));
        assertEquals("com.example.shop.Cache", warn.fields().get("logger"));
        assertEquals("cache miss storm", warn.message());
        assertEquals(8, warn.line());
        assertEquals("org.apache.hadoop.mapreduce.v2.app.MRAppMaster", run.event(2).fields().get("logger"));
        assertEquals("Created MRAppMaster", run.event(2).message());
        Event zookeeper = run.event(3);
        assertEquals("QuorumPeer[myid=1", zookeeper.fields().get("thread").toString().substring(0, 17));
        assertEquals("Notification time out: 3200", zookeeper.message());
    }

    @Test
    void aLineOfAnotherLogIsSkippedAndNamedNotJoinedToTheEntryBeforeIt() {
        String text = "2005-10-10 14:59:58,000 INFO  [main] com.x.Y - log4j line\n"
                + "\tat com.x.Y.run(Y.java:12)\n"
                + "Oct 10 15:00:01 web1 app[12]: ERROR syslog style line\n"
                + "[10-Oct-2005 15:00:02] PHP Warning:  mysql_connect(): Too many connections in /a.php on line 1\n"
                + "PHP Stack trace:\n"
                + "2005-10-10 16:00:00,000 INFO  [main] com.x.Y - back to log4j\n";
        ParseRun run = ParseRun.of(ParseRun.format("log4j"), "app.log", text, ZoneId.of("UTC"), 2005, null);
        assertEquals(2, run.events.size());
        assertEquals("log4j line\n\tat com.x.Y.run(Y.java:12)", run.event(0).message(), "a stack line is still joined");
        assertEquals(3, run.context.skipped());
        assertEquals("line 5: continues the line of another log at line 4", run.context.skipReasons().get(2));
        assertTrue(run.context.skipReasons().get(0).startsWith("line 3: starts with a timestamp but is no log4j entry ("),
                run.context.skipReasons().toString());
        assertTrue(run.context.skipReasons().get(1).endsWith("; not joined to the entry of line 1"),
                run.context.skipReasons().toString());

        String apache = "[Mon Oct 10 15:00:00 2005] [error] [client 10.0.0.5] File does not exist: /var/www/html/x1\n"
                + "[10-Oct-2005 16:00:00] PHP Warning:  back to php in /a.php on line 1\n";
        ParseRun errors = ParseRun.of(ParseRun.format("apache_error"), "error_log", apache, ZoneId.of("UTC"), 2005, null);
        assertEquals(1, errors.events.size());
        assertEquals("File does not exist: /var/www/html/x1", errors.event(0).message());
        assertEquals(1, errors.context.skipped());
    }

    @Test
    void xendEntriesWithComponentPidAndTraceback() {
        String text = "[2005-10-10 14:02:11 xend 1234] INFO (SrvDaemon:332) Xend Daemon started\n"
                + "[2005-10-10 14:02:12 xend.XendDomainInfo 2345] DEBUG (XendDomainInfo:721) XendDomainInfo.destroy: domid=4\n"
                + "[2005-10-10 14:02:13 xend 1234] ERROR (xmlrpclib2:178) Internal error handling xend.domain.create\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python2.4/site-packages/xen/util/xmlrpclib2.py\", line 131, in _marshaled_dispatch\n"
                + "VmError: Out of memory\n"
                + "[2005-10-10 14:02:14 3433] WARNING (XendDomain:1180) old-style prefix without component\n";
        ParseRun run = ParseRun.of(ParseRun.format("xen"), "xend.log", text);
        assertEquals(4, run.events.size());
        Event started = run.event(0);
        assertEquals(utc("2005-10-10T14:02:11Z"), started.ts());
        assertEquals("2005-10-10 14:02:11", started.tsText());
        assertEquals("xend", started.fields().get("component"));
        assertEquals(1234L, started.fields().get("pid"));
        assertEquals("SrvDaemon:332", started.fields().get("module"));
        assertEquals("Xend Daemon started", started.message());
        assertEquals("xend.XendDomainInfo", run.event(1).fields().get("component"));
        assertEquals(Level.DEBUG, run.event(1).level());
        Event error = run.event(2);
        assertEquals(Level.ERROR, error.level());
        assertEquals("Internal error handling xend.domain.create\nTraceback (most recent call last):\n"
                + "  File \"/usr/lib/python2.4/site-packages/xen/util/xmlrpclib2.py\", line 131, in _marshaled_dispatch\n"
                + "VmError: Out of memory", error.message());
        Event old = run.event(3);
        assertFalse(old.fields().containsKey("component"));
        assertEquals(3433L, old.fields().get("pid"));
        assertEquals(Level.WARN, old.level());
        assertEquals(7, old.line());
    }

    @Test
    void genericReadsCommonTimestampsAndLevelWords() {
        String text = "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505\n"
                + "2005-10-10T14:02:11.5+02:00 worker ERROR job 17 failed\n"
                + "    detail line of the job failure\n"
                + "[2005/10/10 14:02:12] cache warm-up done\n"
                + "Oct 10 14:02:13 plain syslog-like line with a WARNING\n"
                + "10/Oct/2005:14:02:14 -0400 request finished\n"
                + "[10-Oct-2005 14:02:15 Europe/Berlin] PHP Warning:  mysql_connect(): Too many connections\n"
                + "[10-Oct-2005 14:02:16] PHP Notice:  Undefined index: id\n";
        ParseRun run = ParseRun.of(ParseRun.format("generic"), "service.log", text);
        assertEquals(7, run.events.size());
        assertEquals(utc("2005-10-10T12:02:15Z"), run.event(5).ts(), "the zone PHP names");
        assertEquals("PHP Warning:  mysql_connect(): Too many connections", run.event(5).message());
        assertEquals(Level.WARN, run.event(5).level());
        assertEquals(utc("2005-10-10T14:02:16Z"), run.event(6).ts());
        assertEquals(utc("2016-09-28T04:30:30Z"), run.event(0).ts());
        assertEquals("Info                  CBS    Loaded Servicing Stack v6.1.7601.23505", run.event(0).message());
        Event failed = run.event(1);
        assertEquals(utc("2005-10-10T12:02:11.500Z"), failed.ts());
        assertEquals(Level.ERROR, failed.level());
        assertEquals("worker ERROR job 17 failed\n    detail line of the job failure", failed.message());
        assertEquals(utc("2005-10-10T14:02:12Z"), run.event(2).ts());
        assertEquals("2005/10/10 14:02:12", run.event(2).tsText());
        assertEquals(Level.INFO, run.event(2).level());
        assertEquals(utc("2005-10-10T14:02:13Z"), run.event(3).ts());
        assertEquals(Level.WARN, run.event(3).level());
        assertEquals(utc("2005-10-10T18:02:14Z"), run.event(4).ts());
    }

    @Test
    void genericReadsTwoDigitYearTimestampsOfSparkAndHdfs() {
        String text = "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers\n"
                + "17/06/09 20:10:41,250 WARN spark.SecurityManager: Changing view acls to: yarn,curi\n"
                + "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating\n"
                + "081109 203807 222 ERROR dfs.DataNode: writeBlock blk_-69522958 received exception\n"
                + "17/13/09 20:10:40 not a date: month 13\n"
                + "081109 20:36:15 a MySQL 5.0 time is not the compact form\n";
        ParseRun run = ParseRun.of(ParseRun.format("generic"), "mixed.log", text);
        assertEquals(4, run.events.size());
        assertEquals(utc("2017-06-09T20:10:40Z"), run.event(0).ts());
        assertEquals("INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers", run.event(0).message());
        assertEquals(utc("2017-06-09T20:10:41.250Z"), run.event(1).ts());
        assertEquals(Level.WARN, run.event(1).level());
        assertEquals(utc("2008-11-09T20:36:15Z"), run.event(2).ts());
        assertEquals("081109 203615", run.event(2).tsText());
        assertEquals(Level.ERROR, run.event(3).level());
        // the last two lines open no entry: they are joined to the one before
        assertTrue(run.event(3).message().endsWith("month 13\n081109 20:36:15 a MySQL 5.0 time is not the compact form"),
                run.event(3).message());
    }

    @Test
    void springBootsDefaultLayoutGivesPidThreadAndLogger() {
        String text = """
                2024-06-12T13:00:00.123Z  INFO 12345 --- [shop] [           main] c.e.demo.DemoApplication                 : Started DemoApplication in 1.2 seconds
                2024-06-12T13:00:01.456Z ERROR 12345 --- [shop] [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception
                java.lang.IllegalStateException: boom
                	at com.example.demo.CartController.add(CartController.java:42)
                2024-06-12 13:00:02.000  WARN 12345 --- [nio-8080-exec-2] c.e.demo.CartService                     : slow cart 2300 ms
                """;
        ParseRun run = ParseRun.of(ParseRun.format("log4j"), "spring.log", text, ZoneId.of("UTC"), 2024, null);
        assertEquals(3, run.events.size(), run.events.toString());
        Event started = run.event(0);
        assertEquals(12345L, started.fields().get("pid"));
        assertEquals("main", started.fields().get("thread"));
        assertEquals("shop", started.fields().get("application"));
        assertEquals("c.e.demo.DemoApplication", started.fields().get("logger"));
        assertEquals("Started DemoApplication in 1.2 seconds", started.message());
        Event failed = run.event(1);
        assertEquals("o.a.c.c.C.[.[.[/].[dispatcherServlet]", failed.fields().get("logger"));
        assertTrue(failed.message().startsWith("Servlet.service() threw exception\njava.lang.IllegalStateException: boom"),
                failed.message());
        Event boot2 = run.event(2);
        assertEquals("nio-8080-exec-2", boot2.fields().get("thread"), "Boot 2 has no application name");
        assertEquals("c.e.demo.CartService", boot2.fields().get("logger"));
        assertEquals("slow cart 2300 ms", boot2.message());
    }

    @Test
    void logbacksMdcAfterTheThreadBecomesFields() {
        String text = """
                2024-06-12 13:00:00,000 ERROR [http-nio-8080-exec-1] [traceId=abc123 userId=7] c.e.Pay - payment failed
                2024-06-12 13:00:02,000 WARN  [main] [] c.e.Pay - retrying
                """;
        ParseRun run = ParseRun.of(ParseRun.format("log4j"), "app.log", text, ZoneId.of("UTC"), 2024, null);
        assertEquals(2, run.events.size());
        assertEquals("abc123", run.event(0).fields().get("traceId"));
        assertEquals("7", run.event(0).fields().get("userId"));
        assertEquals("c.e.Pay", run.event(0).fields().get("logger"));
        assertEquals("payment failed", run.event(0).message());
        assertEquals("retrying", run.event(1).message(), "an empty MDC is no part of the message");
    }
}
