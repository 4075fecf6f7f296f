package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.EventSearch;
import org.pmw.testing.TestProjects;

class CodeNamesTest {

    @Test
    void theClassInALoggerOrThreadIsFoundByABareWordAsGrepWouldFindIt(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("syslog.log");
        Files.writeString(log, String.join("\n",
                "2015-10-18T18:01:47Z info node1 Assigned container logger=org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator",
                "2015-10-18T18:01:48Z info node1 Notification time out thread=QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774",
                "2015-10-18T18:01:49Z info node1 RMContainerAllocator mentioned in the message itself",
                "2015-10-18T18:01:50Z info node1 nothing of either logger=org.apache.hadoop.ipc.Server",
                ""));
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            assertEquals(2, total(p, "RMContainerAllocator"));
            assertEquals(1, total(p, "FastLeaderElection"));
            assertEquals(1, total(p, "logger:\"org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator\""),
                    "the field still matches whole values");
            assertEquals(0, total(p, "\"container RMContainerAllocator\""),
                    "a phrase does not run from the message into the logger");
            assertEquals(1, total(p, "\"Assigned container\""));
        }
    }

    @Test
    void aMysqlErrorCodeTakenOutOfTheMessageIsFoundByABareWord(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("mysqld.err");
        Files.writeString(log, String.join("\n",
                "2024-03-14T09:58:03.500000Z 0 [ERROR] [MY-012592] [InnoDB] Operating system error number 28 in a file "
                + "operation.",
                "2024-03-14T09:58:04.000000Z 0 [ERROR] [MY-012596] [InnoDB] Error number 28 means 'No space left on device'",
                ""));
        Project.create(tmp.resolve("p"), "Disk full", java.time.ZoneId.of("UTC"), TestProjects.CLOCK);
        try (Project p = Project.open(tmp.resolve("p"), Progress.NONE)) {
            assertEquals("mysql_error", p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE).get(0)
                    .format());
            assertEquals(1, total(p, "MY-012592"), "pasted from the log or the manual, as grep finds it");
            assertEquals(1, total(p, "err_code:MY-012592"));
            assertEquals(2, total(p, "InnoDB"));
        }
    }

    @Test
    void aStackFramesClassAndMethodAndAnyRunOfAPackagePathFindIt(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("app.log");
        Files.writeString(log, String.join("\n",
                "2023-11-14 10:00:02,000 ERROR [http-nio-8080-exec-3] com.example.Api - Request failed",
                "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available",
                "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
                "\tat com.example.shop.CartDao.load(CartDao.java:41)",
                "2023-11-14 10:00:03,000 INFO [main] com.example.Api - rejected by pg_hba.conf entry",
                "2023-11-14 10:00:04,000 INFO [main] com.example.Api - served 1.1.0.2 from cache",
                "2023-11-14 10:00:05,000 WARN [main] org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity"
                + ".allocator.RegularContainerAllocator.assignContainer - skipped",
                ""));
        Project.create(tmp.resolve("p"), "Checkout errors", java.time.ZoneId.of("UTC"), TestProjects.CLOCK);
        try (Project p = Project.open(tmp.resolve("p"), Progress.NONE)) {
            assertEquals("log4j", p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE).get(0).format());
            for (String pasted : List.of("CartDao.load", "\"CartDao.load\"", "shop.CartDao", "CartDao",
                    "HikariPool.createTimeoutException", "hikari.pool.HikariPool", "sql.SQLTransientConnectionException",
                    "SQLTransientConnectionException")) {
                assertEquals(1, total(p, pasted), pasted);
            }
            for (String longName : List.of("assignContainer", "RegularContainerAllocator.assignContainer",
                    "capacity.allocator.RegularContainerAllocator.assignContainer", "org.apache.hadoop.yarn",
                    "scheduler.capacity")) {
                assertEquals(1, total(p, longName), "an 11-part name: " + longName);
            }
            assertEquals(1, total(p, "pg_hba"));
            assertEquals(1, total(p, "pg_hba.conf"));
            assertEquals(0, total(p, "shop.load"), "parts that are not next to each other are not a name");
            assertEquals(0, total(p, "1.0"), "a number is not split into runs");
        }
    }

    @Test
    void aThreadNameIsFoundByItsWordsAlsoWhereThreadWasFirstANumber(@TempDir Path tmp) throws Exception {
        Path mysql = tmp.resolve("mysql.log");
        Files.writeString(mysql, "2005-10-10T14:00:00Z error db1 Too many connections thread=1234\n");
        Path app = tmp.resolve("app.log");
        Files.writeString(app, "2005-10-10T14:00:01Z info app1 Cart saved thread=worker-1\n");
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(mysql), ImportOptions.defaults(), Progress.NONE);
            p.importFiles(List.of(app), ImportOptions.defaults(), Progress.NONE);
            assertEquals(1, total(p, "worker"));
            assertEquals(1, total(p, "thread_text:\"worker-1\""));
        }
    }

    @Test
    void hugeNumbersAreCountedAsTheNumbersTheyAre(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("big.log");
        Files.writeString(log, "2005-10-10T14:00:00Z info a one big=1.5e20\n2005-10-10T14:00:01Z info a two big=2.5e20\n"
                + "2005-10-10T14:00:02Z info a three big=2.5e20\n");
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            org.pmw.model.FieldValues big = p.fieldValues("big", "*", null, null, 10);
            assertEquals(List.of(new org.pmw.model.FieldValues.Value("250000000000000000000", 2),
                    new org.pmw.model.FieldValues.Value("150000000000000000000", 1)), big.top());
            assertEquals(2, total(p, org.pmw.app.QueryClauses.equalTo("big", big.top().get(0).value(), true)));
        }
    }

    private static long total(Project p, String query) throws Exception {
        return p.search(EventSearch.of(query).withLimit(0)).total();
    }
}
