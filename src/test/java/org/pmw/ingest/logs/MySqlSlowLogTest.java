package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.Level;

/** mysql_slow: the slow query log as mysqld 5.0 to 8.0 writes it. */
class MySqlSlowLogTest {

    /** 8.0 with log_timestamps=UTC: every entry has its # Time, the SQL may run over several lines. */
    static final String MYSQL_80 = """
            /usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
            Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
            Time                 Id Command    Argument
            # Time: 2024-03-14T09:58:02.123456Z
            # User@Host: shop[shop] @ web1.internal [10.0.0.5]  Id:    42
            # Query_time: 5.002345  Lock_time: 0.000120 Rows_sent: 1  Rows_examined: 1000000
            use shopdb;
            SET timestamp=1710410277;
            SELECT o.id, o.total
              FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE c.email LIKE '%@example.com';
            # Time: 2024-03-14T09:58:03.500000Z
            # User@Host: report[report] @  [10.0.0.9]  Id:    43
            # Query_time: 1.250000  Lock_time: 0.000050 Rows_sent: 0  Rows_examined: 250000
            SET timestamp=1710410282;
            UPDATE stock SET qty = qty - 1 WHERE sku = 'A-1';
            """;

    /** 5.0: yyMMdd times, left out when the next statement was logged within the same second; no Id. */
    static final String MYSQL_50 = """
            # Time: 051010 14:10:00
            # User@Host: web[web] @ localhost []
            # Query_time: 12  Lock_time: 0  Rows_sent: 1  Rows_examined: 4000000
            SET timestamp=1128967788;
            SELECT COUNT(*) FROM orders WHERE status = 'open';
            # User@Host: web[web] @ localhost []
            # Query_time: 3.000345  Lock_time: 2  Rows_sent: 0  Rows_examined: 1
            SET timestamp=1128967799;
            # administrator command: Quit;
            # Time: 051010  9:11:05
            # User@Host: root[root] @ localhost []
            # Query_time: 30  Lock_time: 0  Rows_sent: 0  Rows_examined: 0
            SET timestamp=1128949835;
            ALTER TABLE orders ADD INDEX (status);
            """;

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void eachStatementIsAnEventWithItsDurationAndRows() {
        ParseRun run = ParseRun.of(ParseRun.format("mysql_slow"), "mysql-slow.log", MYSQL_80);
        assertEquals(3, run.events.size(), run.events.toString());
        assertEquals(0, run.context.skipped(), run.context.skipReasons().toString());

        Event banner = run.event(0);
        assertEquals(1, banner.line());
        assertEquals(utc("2024-03-14T09:58:02.123Z"), banner.ts(), "no time of its own: the first statement's");
        assertTrue(banner.message().startsWith("/usr/sbin/mysqld, Version: 8.0.36"), banner.message());
        assertTrue(banner.message().contains("Tcp port: 3306"));

        Event select = run.event(1);
        assertEquals(4, select.line());
        assertEquals(utc("2024-03-14T09:58:02.123Z"), select.ts());
        assertEquals("2024-03-14T09:58:02.123456Z", select.tsText());
        assertEquals(Level.WARN, select.level());
        assertEquals("SELECT o.id, o.total\n  FROM orders o JOIN customers c ON c.id = o.customer_id\n"
                + " WHERE c.email LIKE '%@example.com';", select.message());
        assertEquals(5002.345, (Double) select.fields().get("duration_ms"), 1e-6);
        assertEquals(0.12, (Double) select.fields().get("lock_ms"), 1e-9);
        assertEquals(1L, select.fields().get("rows_sent"));
        assertEquals(1000000L, select.fields().get("rows_examined"));
        assertEquals("shop", select.fields().get("user"));
        assertEquals("web1.internal", select.fields().get("client_host"));
        assertEquals("10.0.0.5", select.fields().get("client"));
        assertEquals(42L, select.fields().get("thread"));
        assertEquals("shopdb", select.fields().get("db"));
        assertTrue(select.raw().startsWith("# Time: 2024-03-14T09:58:02.123456Z\n# User@Host:"), select.raw());
        assertTrue(select.raw().endsWith("'%@example.com';"));

        Event update = run.event(2);
        assertEquals(12, update.line());
        assertFalse(update.fields().containsKey("client_host"), "no host name, only the address");
        assertEquals("10.0.0.9", update.fields().get("client"));
        assertEquals("UPDATE stock SET qty = qty - 1 WHERE sku = 'A-1';", update.message());
    }

    @Test
    void oldLogsTakeTheirZoneAndCarryTheSecondMysqldLeftOut() {
        ParseRun run = ParseRun.of(ParseRun.format("mysql_slow"), "slow.log", MYSQL_50,
                ZoneId.of("America/New_York"), null, null);
        assertEquals(3, run.events.size(), run.events.toString());
        Event count = run.event(0);
        assertEquals(utc("2005-10-10T18:10:00Z"), count.ts());
        assertEquals(12000.0, (Double) count.fields().get("duration_ms"), 1e-9);
        assertEquals(4000000L, count.fields().get("rows_examined"));
        assertFalse(count.fields().containsKey("client"), "an empty [] is no address");
        assertEquals("localhost", count.fields().get("client_host"));

        // no # Time of its own: SET timestamp (its start, 14:09:59 in New York) plus its 3 s, not the 14:10:00 before
        Event quit = run.event(1);
        assertEquals(6, quit.line());
        assertEquals(utc("2005-10-10T18:10:02Z"), quit.ts());
        assertEquals(3000.345, quit.fields().get("duration_ms"), "to the microsecond, without float noise");
        assertEquals("# administrator command: Quit;", quit.message());
        assertEquals(2000.0, (Double) quit.fields().get("lock_ms"), 1e-9);

        Event alter = run.event(2);
        assertEquals(utc("2005-10-10T13:11:05Z"), alter.ts(), "the hour padded with a space");
        assertEquals("051010  9:11:05", alter.tsText());
    }

    @Test
    void mariaDbAndPerconaHeadersWithAnEmptySchema() {
        String text = """
                # Time: 240314  9:58:02
                # User@Host: web[web] @ localhost []
                # Thread_id: 8  Schema:   QC_hit: No
                # Query_time: 2.000100  Lock_time: 0.000000  Rows_sent: 0  Rows_examined: 0
                # Rows_affected: 0  Bytes_sent: 11
                SET timestamp=1710410280;
                SELECT SLEEP(2);
                # User@Host: web[web] @ localhost []
                # Query_time: 1  Lock_time: 0  Rows_sent: 0  Rows_examined: 0
                SET timestamp=99999999999999999999;
                SELECT 1;
                # Time: 2024-03-14T09:58:09.000001Z
                # User@Host: web[web] @ localhost []  Id:    10
                # Query_time: 0.000193  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0 Thread_id: 10 Errno: 1146 Killed: 0 Bytes_received: 0
                SET timestamp=1710410289;
                SELECT * FROM missing_table;
                """;
        ParseRun run = ParseRun.of(ParseRun.format("mysql_slow"), "slow.log", text);
        assertEquals(3, run.events.size(), run.events.toString());
        assertEquals(Level.ERROR, run.event(2).level(), "MySQL 8's Errno: the statement failed");
        assertEquals(Level.WARN, run.event(0).level());
        Event sleep = run.event(0);
        assertFalse(sleep.fields().containsKey("db"), "an empty Schema names no database: " + sleep.fields());
        assertEquals("No", sleep.fields().get("qc_hit"));
        assertEquals(8L, sleep.fields().get("thread_id"));
        assertEquals(11L, sleep.fields().get("bytes_sent"));
        assertEquals(2000.1, sleep.fields().get("duration_ms"));
        // a SET timestamp no clock could show is not the statement's time: it has the time of the one before
        Event select = run.event(1);
        assertEquals(sleep.ts(), select.ts());
        assertTrue(select.message().contains("SET timestamp=99999999999999999999;"), select.message());
    }

    @Test
    void linesBeforeTheFirstEntryAreSkippedAndCounted() {
        String text = "garbage before the log\n" + MYSQL_50;
        ParseRun run = ParseRun.of(ParseRun.format("mysql_slow"), "slow.log", text);
        assertEquals(3, run.events.size());
        assertEquals(1, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).contains("line 1"), run.context.skipReasons().toString());
        assertTrue(run.context.skipReasons().get(0).contains("'# User@Host:'"), run.context.skipReasons().toString());
    }

    @Test
    void anEntryWithNoTimeAtAllIsSkippedNamingItsLine() {
        String text = """
                # User@Host: web[web] @ localhost []
                # Query_time: 3  Lock_time: 0  Rows_sent: 0  Rows_examined: 1
                SELECT 1;
                # Time: 051010 14:10:00
                # User@Host: web[web] @ localhost []
                # Query_time: 12  Lock_time: 0  Rows_sent: 1  Rows_examined: 4000000
                SELECT 2;
                """;
        ParseRun run = ParseRun.of(ParseRun.format("mysql_slow"), "slow.log", text);
        assertEquals(1, run.events.size());
        assertEquals("SELECT 2;", run.event(0).message());
        assertEquals(1, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).contains("no time"), run.context.skipReasons().toString());
    }

    @Test
    void aFileThatIsNoSlowLogIsRefusedNamingALine() {
        FormatException e = assertThrows(FormatException.class, () -> ParseRun.of(ParseRun.format("mysql_slow"),
                "access_log", "10.0.0.5 - - [10/Oct/2005:14:02:11 -0400] \"GET / HTTP/1.1\" 200 5120\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
