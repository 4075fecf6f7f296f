package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.Level;

/** docker_json and kubernetes_cri: a container's lines, stack traces joined per stream. */
class ContainerLogFormatsTest {

    private static String docker(String log, String stream, String time) {
        return "{\"log\":\"" + log.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                .replace("\n", "\\n") + "\",\"stream\":\"" + stream + "\",\"time\":\"" + time + "\"}\n";
    }

    /** A Spring Boot service in Docker whose pool ran dry: its stack trace on stdout, the JVM's warning on stderr. */
    static final String DOCKER_SPRING = docker("2024-03-12 10:00:01.123 ERROR 1 --- [nio-8080-exec-3] "
            + "c.e.shop.CheckoutController   : Payment failed for order 7731\n", "stdout", "2024-03-12T10:00:01.123456789Z")
            + docker("org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection\n",
                    "stdout", "2024-03-12T10:00:01.123501234Z")
            + docker("WARNING: An illegal reflective access operation has occurred\n", "stderr",
                    "2024-03-12T10:00:01.123600000Z")
            + docker("\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException"
                    + "(HibernateJpaDialect.java:277)\n", "stdout", "2024-03-12T10:00:01.123700000Z")
            + docker("\tat com.example.shop.CheckoutController.pay(CheckoutController.java:88)\n", "stdout",
                    "2024-03-12T10:00:01.123710000Z")
            + docker("Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, "
                    + "request timed out after 30000ms.\n", "stdout", "2024-03-12T10:00:01.123800000Z")
            + docker("\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n", "stdout",
                    "2024-03-12T10:00:01.123810000Z")
            + docker("\t... 48 more\n", "stdout", "2024-03-12T10:00:01.123820000Z")
            + docker("2024-03-12 10:00:02.001  INFO 1 --- [nio-8080-exec-4] c.e.shop.HealthController     : "
                    + "GET /health 200\n", "stdout", "2024-03-12T10:00:02.001234567Z");

    /** /var/log/containers' name for a pod's container log: pod_namespace_container-containerID.log. */
    static final String CRI_FILE_NAME = "checkout-7d9f8b6c5-x2x4k_shop_checkout-"
            + "3f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19.log";

    static final String CRI = "2024-03-12T10:00:01.123456789Z stdout F 2024-03-12 10:00:01.123 ERROR 1 --- "
            + "[nio-8080-exec-3] c.e.shop.CheckoutController   : Payment failed for order 7731\n"
            + "2024-03-12T10:00:01.123501234Z stdout F org.springframework.dao.DataAccessResourceFailureException: "
            + "Unable to acquire JDBC Connection\n"
            + "2024-03-12T10:00:01.124000000Z stderr F time=\"2024-03-12T10:00:01Z\" level=warning msg=\"sidecar: "
            + "upstream slow\" upstream=payments\n"
            + "2024-03-12T10:00:01.125000000Z stdout F \tat com.example.shop.CheckoutController.pay"
            + "(CheckoutController.java:88)\n"
            + "2024-03-12T10:00:02.000000000Z stdout P {\"level\":\"info\",\"msg\":\"catalog loaded\",\"items\":"
            + "[{\"sku\":\"A-1\"},\n"
            + "2024-03-12T10:00:02.000100000Z stderr F time=\"2024-03-12T10:00:02Z\" level=info msg=\"sidecar: ok\"\n"
            + "2024-03-12T10:00:02.000200000Z stdout F {\"sku\":\"B-2\"}]}\n"
            + "2024-03-12T10:00:03.000000000Z stdout F \n"
            + "\n"
            + "2024-03-12T10:00:04.000000000Z stdout F 2024-03-12 10:00:04.000  INFO 1 --- [main] "
            + "c.e.shop.Catalog : done\n"
            + "2024-03-12T10:00:05.1";

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static List<Event> byLine(ParseRun run) {
        return run.events.stream().sorted(Comparator.comparingLong(Event::line)).toList();
    }

    @Test
    void dockerStackTraceLinesAreJoinedPerStreamIntoTheFirstLinesEvent() {
        String text = DOCKER_SPRING + "\n" + "{\"log\":\"2024-03-12 10:00:03.5";
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "3f2a9c-json.log", text, ZoneId.of("Europe/Berlin"),
                2024, null);
        List<Event> events = byLine(run);
        assertEquals(3, events.size(), events.stream().map(Event::message).collect(Collectors.joining("\n--\n")));

        Event failure = events.get(0);
        assertEquals(1, failure.line());
        assertEquals(utc("2024-03-12T10:00:01.123Z"), failure.ts(), "the first line's time, in UTC whatever the zone");
        assertEquals(456, failure.micros());
        assertEquals("2024-03-12T10:00:01.123456789Z", failure.tsText());
        assertEquals(Level.ERROR, failure.level());
        assertEquals("stdout", failure.fields().get("stream"));
        assertEquals("2024-03-12 10:00:01.123 ERROR 1 --- [nio-8080-exec-3] c.e.shop.CheckoutController   : "
                + "Payment failed for order 7731\n"
                + "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection\n"
                + "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException"
                + "(HibernateJpaDialect.java:277)\n"
                + "\tat com.example.shop.CheckoutController.pay(CheckoutController.java:88)\n"
                + "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, "
                + "request timed out after 30000ms.\n"
                + "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
                + "\t... 48 more", failure.message());
        String[] lines = DOCKER_SPRING.split("\n");
        assertEquals(String.join("\n", lines[0], lines[1], lines[3], lines[4], lines[5], lines[6], lines[7]),
                failure.raw(), "the raw text of every line joined, the stderr line between them left out");

        Event warning = events.get(1);
        assertEquals(3, warning.line());
        assertEquals("stderr", warning.fields().get("stream"));
        assertEquals(Level.WARN, warning.level());
        assertEquals("WARNING: An illegal reflective access operation has occurred", warning.message());

        Event health = events.get(2);
        assertEquals(9, health.line());
        assertEquals(Level.INFO, health.level());

        assertEquals(1, run.context.skipped(), "the line cut off at the end of the file");
        assertTrue(run.context.skipReasons().get(0).startsWith("line 11: expected a Docker json-file line"),
                run.context.skipReasons().toString());
        assertTrue(run.context.notes().contains("1 blank line ignored"), run.context.notes().toString());
    }

    @Test
    void dockerPythonTracebackWithAChainedExceptionIsOneEvent() {
        String[] stderr = {
            "[2024-03-12 10:00:05 +0000] [7] [ERROR] Exception in worker process",
            "Traceback (most recent call last):",
            "  File \"/usr/local/lib/python3.11/site-packages/gunicorn/arbiter.py\", line 609, in spawn_worker",
            "    worker.init_process()",
            "  File \"/app/shop/db.py\", line 12, in connect",
            "    raise ConnectionError(\"db unreachable\")",
            "ConnectionError: db unreachable",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            "  File \"/app/shop/app.py\", line 3, in <module>",
            "RuntimeError: startup failed",
            "[2024-03-12 10:00:06 +0000] [7] [INFO] Worker exiting (pid: 7)",
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < stderr.length; i++) {
            text.append(docker(stderr[i] + "\n", "stderr", String.format("2024-03-12T10:00:05.%09dZ", i)));
        }
        text.append(docker("", "stdout", "2024-03-12T10:00:06.5Z").replace("\"log\":\"\"", "\"log\":\"\\n\""));
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "app-json.log", text.toString());
        assertEquals(2, run.events.size());
        Event crash = byLine(run).get(0);
        assertEquals(String.join("\n", java.util.Arrays.copyOf(stderr, 13)), crash.message());
        assertEquals(13, crash.raw().split("\n").length);
        assertEquals(Level.ERROR, crash.level());
        Event exiting = byLine(run).get(1);
        assertEquals(14, exiting.line());
        assertEquals(Level.INFO, exiting.level());
        assertTrue(run.context.notes().contains("1 blank line ignored"), "stdout's empty line: "
                + run.context.notes());
        assertEquals(0, run.context.skipped());
    }

    @Test
    void aTracebackOnItsOwnIsAnErrorAndUnrelatedLinesAreNotJoined() {
        String text = docker("Traceback (most recent call last):\n", "stderr", "2024-03-12T10:00:05Z")
                + docker("  File \"/app/worker.py\", line 40, in <module>\n", "stderr", "2024-03-12T10:00:05Z")
                + docker("KeyError: 'order_id'\n", "stderr", "2024-03-12T10:00:05Z")
                + docker("10.0.0.5 - - [12/Mar/2024:10:00:06 +0000] \"GET / HTTP/1.1\" 200 612\n", "stderr",
                        "2024-03-12T10:00:06Z")
                + docker("10.0.0.6 - - [12/Mar/2024:10:00:07 +0000] \"GET / HTTP/1.1\" 200 612\n", "stderr",
                        "2024-03-12T10:00:07Z");
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "app-json.log", text);
        assertEquals(3, run.events.size(), "lines without a timestamp of their own are not stack traces");
        assertEquals(Level.ERROR, run.event(0).level());
        assertEquals("Traceback (most recent call last):\n  File \"/app/worker.py\", line 40, in <module>\n"
                + "KeyError: 'order_id'", run.event(0).message());
    }

    @Test
    void aTracebackAfterAnInfoLineIsAnErrorOfItsOwnNotHiddenInTheInfoEvent() {
        // an uncaught exception's traceback, a second after the container's last access line on the same stream
        String cri = "2024-03-12T10:00:01.123456789Z stdout F 10.0.0.5 - - [12/Mar/2024:10:00:01 +0000] "
                + "\"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"\n"
                + "2024-03-12T10:00:02.100000000Z stdout F Traceback (most recent call last):\n"
                + "2024-03-12T10:00:02.100000100Z stdout F   File \"/app/worker.py\", line 3, in <module>\n"
                + "2024-03-12T10:00:02.100000200Z stdout F ZeroDivisionError: division by zero\n"
                + "2024-03-12T10:00:02.200000000Z stdout F ERROR:root:job 7731 failed\n"
                + "2024-03-12T10:00:02.200000100Z stdout F Traceback (most recent call last):\n"
                + "2024-03-12T10:00:02.200000200Z stdout F   File \"/app/worker.py\", line 9, in run\n"
                + "2024-03-12T10:00:02.200000300Z stdout F KeyError: 'order_id'\n"
                + "2024-03-12T10:00:03.000000000Z stdout F done\n";
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), "0.log", cri);
        List<Event> events = byLine(run);
        assertEquals(4, events.size(), events.stream().map(Event::message).collect(Collectors.joining("\n--\n")));
        assertEquals(Level.INFO, events.get(0).level());
        assertFalse(events.get(0).message().contains("Traceback"), events.get(0).message());
        Event crash = events.get(1);
        assertEquals(2, crash.line());
        assertEquals(Level.ERROR, crash.level());
        assertEquals("Traceback (most recent call last):\n  File \"/app/worker.py\", line 3, in <module>\n"
                + "ZeroDivisionError: division by zero", crash.message());
        Event logged = events.get(2);
        assertEquals(5, logged.line(), "a logger's error line keeps the traceback logged with it");
        assertEquals(Level.ERROR, logged.level());
        assertTrue(logged.message().endsWith("KeyError: 'order_id'"), logged.message());
        assertEquals("done", events.get(3).message());
    }

    @Test
    void aJavaExceptionAfterAnInfoLineIsAnErrorOfItsOwnAndALoggersErrorKeepsItsTrace() {
        // a Spring Boot service: an info line, a logged error with its trace, an exception printed by
        // printStackTrace after an info line, then the JVM's report of the exception that ended main
        String text = docker("2024-03-12 10:00:01.001  INFO 1 --- [nio-8080-exec-1] o.s.web.servlet.DispatcherServlet "
                + ": Completed initialization in 2 ms\n", "stdout", "2024-03-12T10:00:01.001234567Z")
                + docker("2024-03-12 10:00:01.500 ERROR 1 --- [nio-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] "
                + ": Servlet.service() for servlet [dispatcherServlet] threw exception\n", "stdout",
                        "2024-03-12T10:00:01.500100000Z")
                + docker("java.lang.NullPointerException: Cannot invoke \"com.example.shop.Cart.total()\" because "
                        + "\"cart\" is null\n", "stdout", "2024-03-12T10:00:01.500200000Z")
                + docker("\tat com.example.shop.CheckoutController.pay(CheckoutController.java:88)\n", "stdout",
                        "2024-03-12T10:00:01.500300000Z")
                + docker("2024-03-12 10:00:02.000  INFO 1 --- [   scheduling-1] c.e.shop.StockSync                "
                        + ": Syncing stock for 1203 items\n", "stdout", "2024-03-12T10:00:02.000100000Z")
                + docker("com.example.shop.StockSyncException: supplier feed returned 503\n", "stdout",
                        "2024-03-12T10:00:02.400100000Z")
                + docker("\tat com.example.shop.StockSync.run(StockSync.java:57)\n", "stdout",
                        "2024-03-12T10:00:02.400200000Z")
                + docker("2024-03-12 10:00:03.000  INFO 1 --- [           main] c.e.shop.Migrations                "
                        + ": Applying migration V42__orders\n", "stdout", "2024-03-12T10:00:03.000100000Z")
                + docker("Exception in thread \"main\" java.lang.IllegalStateException: migration V42__orders "
                        + "failed\n", "stdout", "2024-03-12T10:00:04.100100000Z")
                + docker("\tat com.example.shop.Migrations.apply(Migrations.java:31)\n", "stdout",
                        "2024-03-12T10:00:04.100200000Z")
                + docker("\tat com.example.shop.Application.main(Application.java:12)\n", "stdout",
                        "2024-03-12T10:00:04.100300000Z")
                + docker("Caused by: org.postgresql.util.PSQLException: ERROR: relation \"orders\" already exists\n",
                        "stdout", "2024-03-12T10:00:04.100400000Z")
                + docker("\t... 2 more\n", "stdout", "2024-03-12T10:00:04.100500000Z");
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "app-json.log", text);
        List<Event> events = byLine(run);
        assertEquals(6, events.size(), events.stream().map(Event::message).collect(Collectors.joining("\n--\n")));
        assertEquals(Level.INFO, events.get(0).level());

        Event logged = events.get(1);
        assertEquals(2, logged.line(), "a logger's error line keeps the exception logged with it");
        assertEquals(Level.ERROR, logged.level());
        assertTrue(logged.message().endsWith("is null\n\tat com.example.shop.CheckoutController.pay"
                + "(CheckoutController.java:88)"), logged.message());

        assertEquals("2024-03-12 10:00:02.000  INFO 1 --- [   scheduling-1] c.e.shop.StockSync                "
                + ": Syncing stock for 1203 items", events.get(2).message(), "the exception is not hidden in it");
        Event printed = events.get(3);
        assertEquals(6, printed.line());
        assertEquals(Level.ERROR, printed.level());
        assertEquals("com.example.shop.StockSyncException: supplier feed returned 503\n"
                + "\tat com.example.shop.StockSync.run(StockSync.java:57)", printed.message());

        assertEquals(Level.INFO, events.get(4).level());
        assertFalse(events.get(4).message().contains("Exception"), events.get(4).message());
        Event uncaught = events.get(5);
        assertEquals(9, uncaught.line());
        assertEquals(Level.ERROR, uncaught.level());
        assertEquals(utc("2024-03-12T10:00:04.100Z"), uncaught.ts());
        assertEquals("Exception in thread \"main\" java.lang.IllegalStateException: migration V42__orders failed\n"
                + "\tat com.example.shop.Migrations.apply(Migrations.java:31)\n"
                + "\tat com.example.shop.Application.main(Application.java:12)\n"
                + "Caused by: org.postgresql.util.PSQLException: ERROR: relation \"orders\" already exists\n"
                + "\t... 2 more", uncaught.message());
    }

    @Test
    void aGoPanicWithItsGoroutinesIsOneEvent() {
        // a Go service run with go run: its log on stdout, then the runtime's report of a nil pointer on stderr
        String cri = "2024-03-12T10:00:01.000000000Z stderr F 2024/03/12 10:00:01 listening on :8080\n"
                + "2024-03-12T10:00:04.512000000Z stderr F panic: runtime error: invalid memory address or nil pointer "
                + "dereference\n"
                + "2024-03-12T10:00:04.512000100Z stderr F [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 "
                + "pc=0x6a1f3c]\n"
                + "2024-03-12T10:00:04.512000200Z stdout F 2024/03/12 10:00:04 GET /orders/7731 started\n"
                + "2024-03-12T10:00:04.512000300Z stderr F \n"
                + "2024-03-12T10:00:04.512000400Z stderr F goroutine 1 [running]:\n"
                + "2024-03-12T10:00:04.512000500Z stderr F main.(*Store).Order(0x0, {0xc00001a0c8, 0x4})\n"
                + "2024-03-12T10:00:04.512000600Z stderr F \t/app/store.go:42 +0x1c\n"
                + "2024-03-12T10:00:04.512000700Z stderr F main.main()\n"
                + "2024-03-12T10:00:04.512000800Z stderr F \t/app/main.go:17 +0x45\n"
                + "2024-03-12T10:00:04.512000900Z stderr F \n"
                + "2024-03-12T10:00:04.512001000Z stderr F goroutine 18 [IO wait]:\n"
                + "2024-03-12T10:00:04.512001100Z stderr F internal/poll.runtime_pollWait(0x7f3a2c1e0e28, 0x72)\n"
                + "2024-03-12T10:00:04.512001200Z stderr F \t/usr/local/go/src/runtime/netpoll.go:345 +0x85\n"
                + "2024-03-12T10:00:04.512001300Z stderr F created by net/http.(*Server).Serve in goroutine 1\n"
                + "2024-03-12T10:00:04.512001400Z stderr F \t/usr/local/go/src/net/http/server.go:3285 +0x4b4\n"
                + "2024-03-12T10:00:04.530000000Z stderr F exit status 2\n"
                + "2024-03-12T10:00:05.000000000Z stderr F 2024/03/12 10:00:05 listening on :8080\n";
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), "0.log", cri);
        List<Event> events = byLine(run);
        assertEquals(4, events.size(), events.stream().map(Event::message).collect(Collectors.joining("\n--\n")));
        Event panic = events.get(1);
        assertEquals(2, panic.line());
        assertEquals(utc("2024-03-12T10:00:04.512Z"), panic.ts());
        assertEquals(Level.FATAL, panic.level(), "a panic ends the program");
        assertEquals("panic: runtime error: invalid memory address or nil pointer dereference\n"
                + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6a1f3c]\n"
                + "\n"
                + "goroutine 1 [running]:\n"
                + "main.(*Store).Order(0x0, {0xc00001a0c8, 0x4})\n"
                + "\t/app/store.go:42 +0x1c\n"
                + "main.main()\n"
                + "\t/app/main.go:17 +0x45\n"
                + "\n"
                + "goroutine 18 [IO wait]:\n"
                + "internal/poll.runtime_pollWait(0x7f3a2c1e0e28, 0x72)\n"
                + "\t/usr/local/go/src/runtime/netpoll.go:345 +0x85\n"
                + "created by net/http.(*Server).Serve in goroutine 1\n"
                + "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4\n"
                + "exit status 2", panic.message());
        assertEquals("2024/03/12 10:00:04 GET /orders/7731 started", events.get(2).message(), "stdout's line");
        assertEquals(18, events.get(3).line(), "the program's next start is not part of the panic");
        assertEquals(Level.INFO, events.get(3).level());
    }

    @Test
    void kubernetesComponentsStateTheirLevelInKlogsHeaderLetter() {
        // kube-apiserver, the controller manager, ingress-nginx and most Go components write klog's
        // Lmmdd hh:mm:ss.uuuuuu threadid file:line] message, L one of I, W, E, F
        String cri = "2024-03-12T10:00:04.000000000Z stderr F E0312 10:00:04.000000       1 reflector.go:138] "
                + "k8s.io/client-go/informers/factory.go:150: Failed to watch *v1.Pod: Unauthorized\n"
                + "2024-03-12T10:00:05.000000000Z stderr F W0312 10:00:05.123456       1 warnings.go:70] "
                + "v1 Endpoints is deprecated in v1.33+\n"
                + "2024-03-12T10:00:06.000000000Z stderr F I0312 10:00:06.000001       1 controller.go:42] "
                + "Starting controller, previous run failed\n"
                + "2024-03-12T10:00:07.000000000Z stderr F F0312 10:00:07.000000       1 server.go:12] "
                + "cannot bind :8443\n";
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), "0.log", cri);
        List<Event> events = byLine(run);
        assertEquals(List.of(Level.ERROR, Level.WARN, Level.INFO, Level.FATAL),
                events.stream().map(Event::level).toList());
    }

    @Test
    void aColouredLevelIsStillTheLevel() {
        // a container run with a terminal (docker run -t, compose's tty: true) colours its level words
        String text = "{\"log\":\"\\u001b[2m2024-03-12 10:00:01.123\\u001b[0;39m \\u001b[31mERROR\\u001b[0;39m "
                + "\\u001b[35m1\\u001b[0;39m --- [nio-8080-exec-3] c.e.shop.CheckoutController : Payment failed\\r\\n\","
                + "\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:01.123456789Z\"}\n"
                + "{\"log\":\"\\u001b[33mWARN\\u001b[39m[0004] slow upstream\\r\\n\",\"stream\":\"stdout\","
                + "\"time\":\"2024-03-12T10:00:02Z\"}\n";
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "app-json.log", text);
        List<Event> events = byLine(run);
        assertEquals(List.of(Level.ERROR, Level.WARN), events.stream().map(Event::level).toList());
    }

    @Test
    void aDockerLineSplitInPiecesIsPutBackTogetherAcrossTheOtherStream() {
        String text = "{\"log\":\"{\\\"level\\\":\\\"error\\\",\\\"msg\\\":\\\"cart\\\",\\\"items\\\":[1,\","
                + "\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:07.000000001Z\",\"attrs\":{\"tag\":\"shop/cart\"}}\n"
                + docker("listening on :8080\n", "stderr", "2024-03-12T10:00:07.000000002Z")
                + "{\"log\":\"2,3]}\\r\\n\",\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:07.000000003Z\","
                + "\"attrs\":{\"tag\":\"shop/cart\"}}\n";
        ParseRun run = ParseRun.of(ParseRun.format("docker_json"), "cart-json.log", text);
        List<Event> events = byLine(run);
        assertEquals(2, events.size());
        Event whole = events.get(0);
        assertEquals("{\"level\":\"error\",\"msg\":\"cart\",\"items\":[1,2,3]}", whole.message());
        assertEquals(Level.ERROR, whole.level());
        assertEquals(1, whole.line());
        assertEquals(String.join("\n", text.split("\n")[0], text.split("\n")[2]), whole.raw());
        assertEquals("shop/cart", whole.fields().get("attrs.tag"));
        assertEquals("listening on :8080", events.get(1).message());
    }

    @Test
    void criLinesArePutBackTogetherAndJoinedPerStream() {
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), CRI_FILE_NAME, CRI, ZoneId.of("America/New_York"),
                2024, null);
        List<Event> events = byLine(run);
        assertEquals(5, events.size(), events.stream().map(Event::message).collect(Collectors.joining("\n--\n")));
        String[] lines = CRI.split("\n");

        Event failure = events.get(0);
        assertEquals(1, failure.line());
        assertEquals(utc("2024-03-12T10:00:01.123Z"), failure.ts());
        assertEquals(456, failure.micros());
        assertEquals("2024-03-12T10:00:01.123456789Z", failure.tsText());
        assertEquals(Level.ERROR, failure.level(), "the level the container's own line states");
        assertEquals("2024-03-12 10:00:01.123 ERROR 1 --- [nio-8080-exec-3] c.e.shop.CheckoutController   : "
                + "Payment failed for order 7731\n"
                + "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection\n"
                + "\tat com.example.shop.CheckoutController.pay(CheckoutController.java:88)", failure.message());
        assertEquals(String.join("\n", lines[0], lines[1], lines[3]), failure.raw());
        assertEquals("stdout", failure.fields().get("stream"));
        assertEquals("checkout-7d9f8b6c5-x2x4k", failure.fields().get("pod"));
        assertEquals("shop", failure.fields().get("namespace"));
        assertEquals("checkout", failure.fields().get("container"));

        Event sidecar = events.get(1);
        assertEquals(3, sidecar.line());
        assertEquals("stderr", sidecar.fields().get("stream"));
        assertEquals(Level.WARN, sidecar.level());

        Event catalog = events.get(2);
        assertEquals(5, catalog.line(), "a line in pieces is placed at its first piece");
        assertEquals("{\"level\":\"info\",\"msg\":\"catalog loaded\",\"items\":[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]}",
                catalog.message());
        assertEquals(String.join("\n", lines[4], lines[6]), catalog.raw());
        assertEquals(Level.INFO, catalog.level());
        assertEquals(6, events.get(3).line());
        assertEquals(10, events.get(4).line());

        assertEquals(1, run.context.skipped(), "the cut last line");
        assertTrue(run.context.skipReasons().get(0).startsWith("line 11: expected 'yyyy-MM-ddTHH:mm:ss"),
                run.context.skipReasons().toString());
        assertTrue(run.context.notes().contains("2 blank lines ignored"), "the container's empty line and the "
                + "file's: " + run.context.notes());
    }

    @Test
    void aCriFileEndingInsideASplitLineKeepsWhatThereIs() {
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), "0.log",
                "2024-03-12T10:00:01.000000000Z stdout P first half, \n"
                        + "2024-03-12T10:00:01.100000000Z stdout P second half\n");
        assertEquals(1, run.events.size());
        assertEquals("first half, second half", run.event(0).message());
        assertNull(run.event(0).fields().get("pod"), "0.log, as in /var/log/pods, names no pod");
        assertTrue(run.context.notes().get(0).startsWith("the file ends inside a line the container had not finished"),
                run.context.notes().toString());
    }

    @Test
    void aLineSplitPastTheLongestEntryIsCutThereAndTheNextLineIsItsOwn() {
        StringBuilder text = new StringBuilder();
        String piece = "x".repeat(16 * 1024);
        int pieces = EntryAssembler.MAX_ENTRY_CHARS / piece.length() + 3;
        for (int i = 0; i < pieces; i++) {
            text.append("2024-03-12T10:00:01.000000000Z stdout P ").append(piece).append('\n');
        }
        text.append("2024-03-12T10:00:01.000000000Z stdout F end of the huge line\n");
        text.append("2024-03-12T10:00:02.000000000Z stdout F INFO next request\n");
        ParseRun run = ParseRun.of(ParseRun.format("kubernetes_cri"), "0.log", text.toString());
        assertEquals(2, run.events.size());
        List<Event> events = byLine(run);
        assertTrue(events.get(0).raw().length() <= EntryAssembler.MAX_ENTRY_CHARS);
        assertEquals("INFO next request", events.get(1).message());
        assertEquals(pieces + 2, events.get(1).line());
        assertTrue(run.context.skipped() >= 3, "the pieces past the limit are counted: " + run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).contains("is longer than"), run.context.skipReasons().toString());
    }

    @Test
    void aJavaExceptionsOwnLineAndPhpsStackTraceContinue() {
        StackTraceLines lines = new StackTraceLines();
        assertTrue(lines.continues("java.lang.IllegalStateException: closed"));
        assertTrue(lines.continues("Stack trace:"));
        assertTrue(lines.continues("#0 /var/www/html/index.php(5): Db->connect()"));
        assertTrue(lines.continues("#1 {main}"));
        assertFalse(lines.continues("GET /index.php 200"));
        assertFalse(lines.continues("#1 not in a trace any more"));
        assertFalse(lines.continues("ValueError: not after a traceback"));
    }
}
