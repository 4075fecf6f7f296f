package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.Level;

/** mysql_error and postgresql. */
class DatabaseLogFormatsTest {

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void mysqlOldStyleWithSpacePaddedHourAndUntimedLines() {
        String text = "051010  9:02:11  mysqld started\n"
                + "051010  9:02:12  InnoDB: Started; log sequence number 0 43655\n"
                + "/usr/sbin/mysqld: ready for connections.\n"
                + "Version: '5.0.22-log'  socket: '/var/lib/mysql/mysql.sock'  port: 3306  Source distribution\n"
                + "051010 14:02:11 [Note] /usr/sbin/mysqld: Aborted connection 1234 to db: 'shop' user: 'web'\n"
                + "051010 14:02:12 [ERROR] /usr/sbin/mysqld: Too many connections\n"
                + "051010 14:02:13 [Warning] Aborted connection 1240 to db: 'shop' user: 'web' host: 'localhost'\n";
        ParseRun run = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log", text, ZoneId.of("America/New_York"), 2005, null);
        assertEquals(7, run.events.size());
        Event started = run.event(0);
        assertEquals(utc("2005-10-10T13:02:11Z"), started.ts());
        assertEquals("051010  9:02:11", started.tsText());
        assertEquals("mysqld started", started.message());
        Event untimed = run.event(2);
        assertEquals(run.event(1).ts(), untimed.ts());
        assertEquals("", untimed.tsText());
        assertEquals(3, untimed.line());
        assertEquals("/usr/sbin/mysqld: ready for connections.", untimed.message());
        assertEquals(Level.INFO, run.event(4).level());
        Event error = run.event(5);
        assertEquals(Level.ERROR, error.level());
        assertEquals("/usr/sbin/mysqld: Too many connections", error.message());
        assertEquals(utc("2005-10-10T18:02:12Z"), error.ts());
        assertEquals(Level.WARN, run.event(6).level());
    }

    @Test
    void mysqlUntimedLinesBeforeAnyTimestampAreSkipped() {
        String text = "InnoDB: The first specified data file ./ibdata1 did not exist:\n"
                + "051010 14:02:11 [Note] /usr/sbin/mysqld: Normal shutdown\n";
        ParseRun run = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log", text);
        assertEquals(1, run.events.size());
        assertEquals(1, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).contains("no earlier timestamp"), run.context.skipReasons().toString());
    }

    @Test
    void mysql56MariaDbAnd57Forms() {
        String text = "2015-10-10 14:02:11 1234 [Warning] Aborted connection 1234 to db: 'shop' user: 'web' host: 'localhost'\n"
                + "2017-10-10T14:02:11.123456Z 0 [Note] InnoDB: Buffer pool(s) load completed at 171010 14:02:11\n"
                + "2018-10-10T14:02:11.123456+02:00 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.12) starting as process 1\n";
        ParseRun run = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log", text, ZoneId.of("Europe/Berlin"), 2005, null);
        assertEquals(3, run.events.size());
        Event mariadb = run.event(0);
        assertEquals(utc("2015-10-10T12:02:11Z"), mariadb.ts());
        assertEquals(1234L, mariadb.fields().get("thread"));
        assertEquals(Level.WARN, mariadb.level());
        Event iso = run.event(1);
        assertEquals(utc("2017-10-10T14:02:11.123Z"), iso.ts());
        assertEquals(456, iso.micros());
        assertEquals(0L, iso.fields().get("thread"));
        assertEquals("InnoDB: Buffer pool(s) load completed at 171010 14:02:11", iso.message());
        Event mysql8 = run.event(2);
        assertEquals(utc("2018-10-10T12:02:11.123Z"), mysql8.ts());
        assertEquals("MY-010116", mysql8.fields().get("err_code"));
        assertEquals("Server", mysql8.fields().get("subsystem"));
        assertEquals(Level.INFO, mysql8.level());
    }

    @Test
    void mysql56InnoDbLinesWithAHexThreadKeepTheirOwnTime() {
        String text = "2014-03-01 09:00:01 1234 [Note] /usr/sbin/mysqld: ready for connections.\n"
                + "2014-03-01 17:45:12 7f3b2c5e9700 InnoDB: Error: Table \"mysql\".\"innodb_table_stats\" not found.\n"
                + "2014-03-01 17:45:13 7f3b2c5e9700 InnoDB: Recalculation of persistent statistics requested for table"
                + " \"shop\".\"orders\" but the required persistent statistics storage is not present or is corrupted.\n"
                + "2014-03-01 18:00:00 1234 [ERROR] Too many connections\n";
        ParseRun run = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log", text, ZoneId.of("UTC"), null, null);
        assertEquals(4, run.events.size());
        assertEquals(0, run.context.skipped());
        Event innodb = run.event(1);
        assertEquals(utc("2014-03-01T17:45:12Z"), innodb.ts());
        assertEquals("2014-03-01 17:45:12", innodb.tsText());
        assertEquals("7f3b2c5e9700", innodb.fields().get("os_thread"));
        assertEquals(Level.ERROR, innodb.level());
        assertEquals("InnoDB: Error: Table \"mysql\".\"innodb_table_stats\" not found.", innodb.message());
        assertEquals(utc("2014-03-01T17:45:13Z"), run.event(2).ts());
        // a connection id too long for a number is no thread, and the line is read all the same
        ParseRun odd = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log",
                "2014-03-01 09:00:01 1234567890123456789 [Note] odd\n"
                + "2017-10-10T14:02:11.6NZ mysqld_safe Starting mysqld daemon with databases from /var/lib/mysql\n"
                + "2017-10-10T14:02:11.000000Z mysqld_safe Logging to '/var/log/mysqld.log'.\n",
                ZoneId.of("UTC"), null, null);
        assertEquals(utc("2017-10-10T14:02:11Z"), odd.event(odd.events.size() - 1).ts(),
                "5.7's mysqld_safe lines carry their own time");
        assertEquals(Level.INFO, run.event(2).level());
    }

    @Test
    void mysql57InnoDbAssertionWithA0xThreadKeepsItsTimeAndIsAnError() {
        String text = "2023-03-26T01:00:02.000000Z 0 [ERROR] InnoDB: Cannot allocate memory for the buffer pool\n"
                + "2023-03-26 03:00:03 0x7f1234567 InnoDB: Assertion failure in thread 139 in file ut0ut.cc line 918\n"
                + "InnoDB: We intentionally generate a memory trap.\n";
        ParseRun run = ParseRun.of(ParseRun.format("mysql_error"), "mysqld.log", text, ZoneId.of("UTC"), null, null);
        Event crash = run.event(1);
        assertEquals(utc("2023-03-26T03:00:03Z"), crash.ts());
        assertEquals("0x7f1234567", crash.fields().get("os_thread"));
        assertEquals(Level.ERROR, crash.level());
        assertEquals("InnoDB: Assertion failure in thread 139 in file ut0ut.cc line 918", crash.message());
        assertEquals(utc("2023-03-26T03:00:03Z"), run.event(2).ts(), "the line after it carries its time");
    }

    @Test
    void postgresqlJoinsDetailLinesOfTheSameBackend() {
        String text = "2021-10-10 14:02:11.123 UTC [1234] LOG:  connection received: host=10.0.0.5 port=51234\n"
                + "2021-10-10 14:02:12.001 UTC [1235] ERROR:  duplicate key value violates unique constraint \"orders_pkey\"\n"
                + "2021-10-10 14:02:12.001 UTC [1235] DETAIL:  Key (id)=(42) already exists.\n"
                + "2021-10-10 14:02:12.001 UTC [1235] STATEMENT:  INSERT INTO orders (id, total)\n"
                + "\tVALUES (42, 10.5);\n"
                + "2021-10-10 14:02:13.500 CEST [1236] FATAL:  sorry, too many clients already\n"
                + "2021-10-10 14:02:14 +02 [1237] PANIC:  could not write to file \"pg_wal/xlogtemp.1237\": No space left on device\n"
                + "2021-10-10 14:02:15.000 UTC [1238] WARNING:  there is no transaction in progress\n";
        ParseRun run = ParseRun.of(ParseRun.format("postgresql"), "postgresql-2021-10-10.log", text);
        assertEquals(5, run.events.size(), run.events.toString());
        Event log = run.event(0);
        assertEquals(utc("2021-10-10T14:02:11.123Z"), log.ts());
        assertEquals("2021-10-10 14:02:11.123 UTC", log.tsText());
        assertEquals(Level.INFO, log.level());
        assertEquals(1234L, log.fields().get("pid"));
        assertEquals("connection received: host=10.0.0.5 port=51234", log.message());
        Event error = run.event(1);
        assertEquals(Level.ERROR, error.level());
        assertEquals("duplicate key value violates unique constraint \"orders_pkey\"\nDETAIL:  Key (id)=(42) already exists.\n"
                + "STATEMENT:  INSERT INTO orders (id, total)\n\tVALUES (42, 10.5);", error.message());
        assertEquals(4, error.raw().split("\n").length);
        Event fatal = run.event(2);
        assertEquals(Level.FATAL, fatal.level());
        assertEquals(utc("2021-10-10T12:02:13.500Z"), fatal.ts());
        assertEquals(6, fatal.line());
        assertEquals(utc("2021-10-10T12:02:14Z"), run.event(3).ts());
        assertEquals(Level.FATAL, run.event(3).level());
        assertEquals(Level.WARN, run.event(4).level());
    }

    @Test
    void postgresqlDetailOfAnotherBackendIsItsOwnEvent() {
        String text = "2021-10-10 14:02:12.001 UTC [1235] ERROR:  canceling statement due to lock timeout\n"
                + "2021-10-10 14:02:12.002 UTC [2000] DETAIL:  Process holding the lock: 1235.\n";
        ParseRun run = ParseRun.of(ParseRun.format("postgresql"), "pg.log", text);
        assertEquals(2, run.events.size());
        assertEquals("DETAIL", run.event(1).fields().get("severity"));
        assertFalse(run.event(0).message().contains("DETAIL"));
    }

    @Test
    void postgresqlWithDebiansDefaultPrefixNamesUserAndDatabase() {
        // log_line_prefix = '%m [%p] %q%u@%d ' (Debian, Ubuntu); a background process has no user@db
        String text = "2024-06-12 13:00:00.000 EDT [101] app@shop ERROR:  canceling statement due to statement timeout\n"
                + "2024-06-12 13:00:01.000 EDT [102] report@warehouse LOG:  duration: 2314.5 ms\n"
                + "2024-06-12 13:00:02.000 EDT [103] [unknown]@[unknown] LOG:  connection received: host=10.0.0.5\n"
                + "2024-06-12 13:00:03.000 EDT [55] LOG:  checkpoint starting: time\n";
        ParseRun run = ParseRun.of(ParseRun.format("postgresql"), "postgresql-16-main.log", text);
        assertEquals(4, run.events.size(), run.events.toString());
        assertEquals("app", run.event(0).fields().get("user"));
        assertEquals("shop", run.event(0).fields().get("db"));
        assertEquals("canceling statement due to statement timeout", run.event(0).message());
        assertEquals("warehouse", run.event(1).fields().get("db"));
        assertFalse(run.event(2).fields().containsKey("user"), "an unknown user is no user");
        assertFalse(run.event(3).fields().containsKey("db"));
    }

    @Test
    void postgresqlSlowStatementsKeepTheirDuration() {
        // log_min_duration_statement = 1000: the slow queries of an outage, with how long each took
        String text = "2024-03-14 09:58:06.000 UTC [3322] shop@shopdb LOG:  duration: 5012.345 ms  statement: SELECT *\n"
                + "\tFROM orders\n"
                + "2024-03-14 09:58:07.000 UTC [3323] LOG:  duration: 1200 ms  execute <unnamed>: UPDATE stock SET qty = 0\n"
                + "2024-03-14 09:58:08.000 UTC [3324] LOG:  checkpoint complete: wrote 12 buffers; duration: 3.5 ms\n";
        ParseRun run = ParseRun.of(ParseRun.format("postgresql"), "postgresql.log", text);
        assertEquals(3, run.events.size());
        assertEquals(5012.345, (Double) run.event(0).fields().get("duration_ms"), 1e-9);
        assertEquals("duration: 5012.345 ms  statement: SELECT *\n\tFROM orders", run.event(0).message());
        assertEquals(1200.0, (Double) run.event(1).fields().get("duration_ms"), 1e-9);
        assertFalse(run.event(2).fields().containsKey("duration_ms"), "only a statement's duration, said first");
    }
}
