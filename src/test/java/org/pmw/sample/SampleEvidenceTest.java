package org.pmw.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the sample once at scale 1, then checks each file against the real tool's format and
 * re-counts the facts from the files with plain regular expressions, independently of the generator.
 */
class SampleEvidenceTest {

    private static final List<String> VMS = List.of("web1", "web2", "web3");
    private static final ZoneOffset EDT = ZoneOffset.ofHours(-4);
    private static final long PUSH_UTC = OffsetDateTime.parse("2005-10-10T22:00:00Z").toEpochSecond();

    private static final Pattern ACCESS = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3}) - - "
            + "\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) (-0400)\\] \"(GET|POST) (\\S+) HTTP/1\\.[01]\" "
            + "(\\d{3}) (\\d+|-) \"([^\"]*)\" \"([^\"]+)\"$");
    private static final Pattern ERROR_LOG = Pattern.compile(
            "^\\[((?:Sun|Mon) Oct (?:09|10) \\d{2}:\\d{2}:\\d{2} 2005)\\] \\[(notice|error|warn)\\] (.+)$");
    private static final Pattern PHP = Pattern.compile(
            "^\\[((?:09|10)-Oct-2005 \\d{2}:\\d{2}:\\d{2})\\] PHP (Warning|Notice):  (.+) in /var/www/html/\\S+\\.php on line \\d+$");
    private static final Pattern MYSQL_ABORTED = Pattern.compile("^(\\d{6} [ \\d]\\d:\\d{2}:\\d{2}) \\[Warning\\] Aborted "
            + "connection \\d+ to db: 'shop' user: 'shopweb' host: `web[123]' \\(Got (?:an error|timeout) reading "
            + "communication packets\\)$");
    private static final Pattern SYSLOG = Pattern.compile(
            "^Oct [ \\d]\\d \\d{2}:\\d{2}:\\d{2} (dom0|web1|web2|web3|db1) [\\w()/.-]+(\\[\\d+\\])?: .+$|"
                    + "^Oct [ \\d]\\d \\d{2}:\\d{2}:\\d{2} (dom0|web1|web2|web3|db1) (syslogd 1\\.4\\.1: restart\\.|exiting on signal 15)$");
    private static final Pattern XEND = Pattern.compile(
            "^\\[2005-10-\\d{2} \\d{2}:\\d{2}:\\d{2} xend 2345\\] (DEBUG|INFO|WARNING|ERROR) \\((\\w+):\\d+\\) .+$");
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.US);
    private static final DateTimeFormatter ERROR_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.US);

    @TempDir
    static Path out;
    static SampleFacts facts;
    /** Epoch seconds (UTC) of each access-log request and of each 5xx, read back from the files. */
    static final List<Long> requestTimes = new ArrayList<>();
    static final List<Long> errorTimes = new ArrayList<>();
    static final Map<String, Long> statusCounts = new TreeMap<>();
    static final Map<String, Long> requestsPerVm = new TreeMap<>();
    static final List<Long> segfaultTimes = new ArrayList<>();
    static final Map<String, Map<String, Long>> segfaultsPerHourPerVm = new TreeMap<>();

    @BeforeAll
    static void generateAndReadBack() throws IOException {
        SampleFacts returned = SampleIncidentGenerator.generate(out, SampleIncidentGenerator.DEFAULT_SEED, 1.0);
        facts = SampleIncidentGenerator.mapper().readValue(out.resolve("facts.json").toFile(), SampleFacts.class);
        assertEquals(returned, facts, "facts.json must hold exactly the returned facts");
        String lastStamp = "";
        long lastEpoch = 0;
        for (String vm : VMS) {
            for (String line : lines(out.resolve(vm + "/access_log.gz"))) {
                Matcher m = ACCESS.matcher(line);
                assertTrue(m.matches(), vm + "/access_log.gz: not Apache combined: " + line);
                if (!m.group(2).equals(lastStamp)) { // most lines share their second with the line before
                    lastStamp = m.group(2);
                    lastEpoch = LocalDateTime.parse(lastStamp, ACCESS_TIME).toEpochSecond(EDT);
                }
                long t = lastEpoch;
                requestTimes.add(t);
                statusCounts.merge(m.group(6), 1L, Long::sum);
                requestsPerVm.merge(vm, 1L, Long::sum);
                if (m.group(6).startsWith("5")) {
                    errorTimes.add(t);
                }
            }
            for (String line : lines(out.resolve(vm + "/error_log"))) {
                Matcher m = ERROR_LOG.matcher(line);
                assertTrue(m.matches(), vm + "/error_log: not an Apache 2.0 error log line: " + line);
                if (m.group(3).matches("child pid \\d+ exit signal Segmentation fault \\(11\\)")) {
                    assertEquals("notice", m.group(2));
                    long t = LocalDateTime.parse(m.group(1), ERROR_TIME).toEpochSecond(EDT);
                    segfaultTimes.add(t);
                    String hour = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(t - t % 3600), EDT)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx"));
                    segfaultsPerHourPerVm.computeIfAbsent(vm, k -> new TreeMap<>()).merge(hour, 1L, Long::sum);
                }
            }
        }
        Collections.sort(requestTimes);
        Collections.sort(errorTimes);
        Collections.sort(segfaultTimes);
    }

    // ---- formats ----

    @Test
    void phpErrorLogsAreInPhp5Format() throws IOException {
        for (String vm : VMS) {
            List<String> lines = lines(out.resolve(vm + "/php_error.log"));
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                assertTrue(PHP.matcher(line).matches(), vm + "/php_error.log: " + line);
            }
        }
        assertTrue(lines(out.resolve("web1/php_error.log")).contains(
                lines(out.resolve("web1/php_error.log")).stream()
                        .filter(l -> l.endsWith("PHP Warning:  mysql_connect(): Too many connections in "
                                + "/var/www/html/inc/db.php on line 12")).findFirst().orElseThrow()));
    }

    @Test
    void mysqlLogIsInMysql41FormatWithSpacePaddedHours() throws IOException {
        List<String> lines = lines(out.resolve("db1/mysqld.log"));
        assertEquals("051003 08:14:19  mysqld started", lines.get(0));
        assertTrue(lines.get(1).startsWith("051003  8:14:20  InnoDB: Started"), lines.get(1));
        List<String> warnings = lines.stream().filter(l -> l.contains("[Warning]")).toList();
        assertFalse(warnings.isEmpty());
        for (String line : warnings) {
            assertTrue(MYSQL_ABORTED.matcher(line).matches(), "db1/mysqld.log: " + line);
        }
        assertTrue(warnings.stream().anyMatch(l -> l.matches("^051010  \\d:.*")),
                "a morning warning must have its hour padded with a space");
    }

    @Test
    void dom0LogsAreSyslogAndXendAndShowNoMisbehavingVm() throws IOException {
        List<String> messages = lines(out.resolve("dom0/messages"));
        for (String line : messages) {
            assertTrue(SYSLOG.matcher(line).matches(), "dom0/messages: " + line);
        }
        assertTrue(messages.get(0).startsWith("Oct  9 04:02:01 dom0 syslogd 1.4.1: restart."), messages.get(0));
        for (String host : List.of("dom0", "web1", "web2", "web3", "db1")) {
            assertTrue(messages.stream().anyMatch(l -> l.substring(16).startsWith(host + " ")), host);
        }
        List<String> xend = lines(out.resolve("dom0/xend.log"));
        for (String line : xend) {
            Matcher m = XEND.matcher(line);
            assertTrue(m.matches(), "dom0/xend.log: " + line);
            assertFalse(m.group(1).equals("ERROR") || m.group(1).equals("WARNING"), line);
            assertFalse(line.contains("'crashed': 1") || line.contains("has crashed"), line);
        }
        // H1: before the push no domain changed state at all on the days of the outage
        assertTrue(xend.stream().filter(l -> l.startsWith("[2005-10-09") || l.startsWith("[2005-10-10"))
                .allMatch(l -> l.compareTo("[2005-10-10 18:00") > 0));
        assertEquals(3, xend.stream().filter(l -> l.contains("Domain has shutdown")).count());
    }

    @Test
    void mysqlSnapshotShowsMemoryHeadroom() throws IOException {
        String text = Files.readString(out.resolve("db1/" + MysqlLogWriter.SNAPSHOT_FILE));
        Matcher free = Pattern.compile("(?m)^-/\\+ buffers/cache:\\s+(\\d+)\\s+(\\d+)$").matcher(text);
        assertTrue(free.find(), text);
        assertTrue(Long.parseLong(free.group(2)) > Long.parseLong(free.group(1)), "more free than used");
        Matcher max = Pattern.compile("\\| max_connections\\s+\\| (\\d+)\\s+\\|").matcher(text);
        assertTrue(max.find());
        assertEquals("100", max.group(1));
        assertTrue(text.contains("| Uptime                     | "));
    }

    @Test
    void changeRecordsHaveTheSchemaAndTheThreeChangesAtTheirTimes() throws IOException {
        try (CSVParser csv = CSVParser.parse(out.resolve("changes/changes.csv"), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().build())) {
            assertEquals(List.of(ChangeRecordWriter.COLUMNS), csv.getHeaderNames());
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(4, rows.size());
            for (CSVRecord row : rows) {
                OffsetDateTime started = OffsetDateTime.parse(row.get("started_at"));
                assertTrue(!OffsetDateTime.parse(row.get("ended_at")).isBefore(started), row.toString());
            }
            List<CSVRecord> pushed = rows.stream().filter(r -> r.get("tags").contains("h3")).toList();
            assertEquals(List.of("code", "infra", "config"), pushed.stream().map(r -> r.get("kind")).toList());
            for (CSVRecord r : pushed) {
                OffsetDateTime started = OffsetDateTime.parse(r.get("started_at"));
                assertEquals(22, started.withOffsetSameInstant(ZoneOffset.UTC).getHour(), r.toString());
            }
        }
        List<String> git = lines(out.resolve("changes/app-git.log"));
        assertTrue(git.get(0).matches("^commit [0-9a-f]{40}$"), git.get(0));
        assertTrue(git.get(1).matches("^Author:     .+ <.+@.+>$"), git.get(1));
        assertTrue(git.get(2).matches("^AuthorDate: \\w{3} \\w{3} \\d{1,2} \\d{2}:\\d{2}:\\d{2} 2005 -0400$"), git.get(2));
        assertTrue(git.get(3).startsWith("Commit:     "));
        assertTrue(git.get(4).startsWith("CommitDate: "));
        assertTrue(git.stream().anyMatch(l -> l.equals("    Make shared request state thread-safe under the worker MPM")));
    }

    // ---- facts, re-counted from the files ----

    @Test
    void requestAndStatusCountsMatchTheFacts() {
        assertEquals(facts.totalRequests(), requestTimes.size());
        assertEquals(facts.requestsPerVm(), requestsPerVm);
        assertEquals(facts.requestsPerStatus(), statusCounts);
        assertEquals(facts.responses5xx(), errorTimes.size());
        assertEquals(facts.responses500(), statusCounts.getOrDefault("500", 0L));
        assertEquals(facts.responses503(), statusCounts.getOrDefault("503", 0L));
        assertTrue(facts.totalRequests() > 200_000, "scale 1 is a realistic day of traffic");
    }

    @Test
    void segfaultsPerHourMatchTheFactsAndStopAtThePush() {
        assertEquals(facts.segfaults(), segfaultTimes.size());
        assertEquals(facts.segfaultsPerHourPerVm(), segfaultsPerHourPerVm);
        Map<String, Long> total = new TreeMap<>();
        segfaultsPerHourPerVm.values().forEach(m -> m.forEach((h, n) -> total.merge(h, n, Long::sum)));
        assertEquals(facts.segfaultsPerHour(), total);
        assertTrue(facts.segfaults() > 100);
        assertTrue(segfaultTimes.get(segfaultTimes.size() - 1) < PUSH_UTC, "no segfault after 22:00 UTC");
        assertTrue(errorTimes.get(errorTimes.size() - 1) < PUSH_UTC, "no 5xx after 22:00 UTC");
        assertEquals(0, facts.afterPush().segfaults());
        assertEquals(0, facts.afterPush().responses5xx());
    }

    @Test
    void connectionErrorsMatchTheFactsAndStopAtThePush() throws IOException {
        long tooMany = 0;
        long lost = 0;
        long lastConnectionError = 0;
        for (String vm : VMS) {
            for (String line : lines(out.resolve(vm + "/php_error.log"))) {
                Matcher m = PHP.matcher(line);
                assertTrue(m.matches());
                boolean isTooMany = m.group(3).equals("mysql_connect(): Too many connections");
                boolean isLost = m.group(3).equals("mysql_query(): Lost connection to MySQL server during query");
                if (isTooMany || isLost) {
                    lastConnectionError = Math.max(lastConnectionError, LocalDateTime.parse(m.group(1),
                            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.US)).toEpochSecond(EDT));
                }
                tooMany += isTooMany ? 1 : 0;
                lost += isLost ? 1 : 0;
            }
        }
        assertEquals(facts.tooManyConnectionsWarnings(), tooMany);
        assertEquals(facts.lostConnectionWarnings(), lost);
        assertEquals(facts.responses503(), tooMany, "each refused connection is a 503 page");
        assertTrue(lastConnectionError < PUSH_UTC);
        assertEquals(0, facts.afterPush().connectionErrors());
        long aborted = lines(out.resolve("db1/mysqld.log")).stream().filter(l -> l.contains("Aborted connection")).count();
        assertEquals(facts.mysqlAbortedConnections(), aborted);
        long maxClients = 0;
        for (String vm : VMS) {
            maxClients += lines(out.resolve(vm + "/error_log")).stream()
                    .filter(l -> l.endsWith("[error] server reached MaxClients setting, consider raising the MaxClients setting"))
                    .count();
        }
        assertEquals(facts.maxClientsReached(), maxClients);
    }

    @Test
    void trafficContinuesNormallyAfterThePush() {
        long after = requestTimes.stream().filter(t -> t >= PUSH_UTC).count();
        assertEquals(facts.afterPush().requests(), after);
        assertEquals(150, facts.afterPush().minutes());
        assertEquals(after / 150.0, facts.afterPush().requestsPerMinute(), 0.01);
        // every minute of the evening has traffic, and the evening peak is as busy as the bursts were
        for (long minute = PUSH_UTC; minute < PUSH_UTC + 150 * 60; minute += 60) {
            long m = minute;
            assertTrue(requestTimes.stream().anyMatch(t -> t >= m && t < m + 60), "no request in minute " + m);
        }
        assertTrue(facts.thresholds().peakConcurrencyAfterPush() > facts.thresholds().before());
        assertTrue(facts.thresholds().peakConcurrencyAfterPush() < facts.thresholds().afterChange3());
    }

    @Test
    void burstWindowsFollowFromTheFilesAndLineUpWithTrafficPeaks() {
        List<Long> failures = new ArrayList<>(errorTimes);
        failures.addAll(segfaultTimes);
        Collections.sort(failures);
        List<long[]> windows = new ArrayList<>();
        for (long t : failures) {
            if (windows.isEmpty() || t - windows.get(windows.size() - 1)[1] > 600) {
                windows.add(new long[]{t, t});
            } else {
                windows.get(windows.size() - 1)[1] = t;
            }
        }
        assertEquals(facts.bursts().size(), windows.size());
        for (int i = 0; i < windows.size(); i++) {
            SampleFacts.Burst b = facts.bursts().get(i);
            assertEquals(windows.get(i)[0], OffsetDateTime.parse(b.startUtc()).toEpochSecond());
            assertEquals(windows.get(i)[1], OffsetDateTime.parse(b.endUtc()).toEpochSecond());
            assertEquals(OffsetDateTime.parse(b.startUtc()).toEpochSecond(),
                    OffsetDateTime.parse(b.startLocal()).toEpochSecond());
            long from = windows.get(i)[0];
            long to = windows.get(i)[1];
            assertEquals(b.responses5xx(), errorTimes.stream().filter(t -> t >= from && t <= to).count());
            assertEquals(b.segfaults(), segfaultTimes.stream().filter(t -> t >= from && t <= to).count());
        }
        // the long bursts: Sunday evening, Monday late morning and early afternoon
        long longBursts = facts.bursts().stream().filter(b -> OffsetDateTime.parse(b.endUtc()).toEpochSecond()
                - OffsetDateTime.parse(b.startUtc()).toEpochSecond() > 3600).count();
        assertTrue(longBursts >= 3, facts.bursts().toString());
        // bursts come with traffic: requests per minute inside them well above the rest of the day before the push
        long inside = 0;
        long insideSeconds = 0;
        for (long[] w : windows) {
            inside += requestTimes.stream().filter(t -> t >= w[0] && t <= w[1]).count();
            insideSeconds += w[1] - w[0] + 1;
        }
        long start = requestTimes.get(0);
        long before = requestTimes.stream().filter(t -> t < PUSH_UTC).count();
        double rateInside = (double) inside / insideSeconds;
        double rateOutside = (double) (before - inside) / (PUSH_UTC - start - insideSeconds);
        assertTrue(rateInside > 1.5 * rateOutside, "inside " + rateInside + "/s, outside " + rateOutside + "/s");
    }

    @Test
    void apacheBenchRunsShowTheThresholdMoving() throws IOException {
        Map<String, Integer> thresholds = Map.of("run1-before", facts.thresholds().before(),
                "run2-after-changes-1-2", facts.thresholds().afterChanges12(),
                "run3-after-change-3", facts.thresholds().afterChange3());
        Pattern level = Pattern.compile("(?m)^Concurrency Level:      (\\d+)$");
        Pattern failed = Pattern.compile("(?m)^Failed requests:        (\\d+)$");
        Pattern rps = Pattern.compile("(?m)^Requests per second:    ([\\d.]+) \\[#/sec\\] \\(mean\\)$");
        int checked = 0;
        for (Map.Entry<String, Integer> run : thresholds.entrySet()) {
            List<SampleFacts.LoadTestLevel> levels = facts.loadTests().stream()
                    .filter(l -> l.run().equals(run.getKey())).toList();
            assertTrue(levels.size() >= 8);
            int lastClean = 0;
            int firstFailing = Integer.MAX_VALUE;
            int bestLevel = 0;
            double bestRps = 0;
            for (SampleFacts.LoadTestLevel l : levels) {
                String text = Files.readString(out.resolve(l.file()));
                assertTrue(text.startsWith("This is ApacheBench, Version 2.0.40-dev <$Revision: 1.141 $> apache-2.0\n"));
                assertTrue(text.contains("Benchmarking staging.shop.example.com (be patient)\n"));
                if (text.contains("apr_recv: Connection reset by peer (104)")) {
                    assertTrue(l.aborted());
                    firstFailing = Math.min(firstFailing, l.concurrency());
                    checked++;
                    continue;
                }
                Matcher c = level.matcher(text);
                Matcher f = failed.matcher(text);
                Matcher r = rps.matcher(text);
                assertTrue(c.find() && f.find() && r.find(), l.file());
                assertEquals(l.concurrency(), Integer.parseInt(c.group(1)));
                assertEquals(l.failed(), Long.parseLong(f.group(1)));
                assertEquals(l.requestsPerSecond(), Double.parseDouble(r.group(1)), 0.0051);
                assertTrue(text.contains("Percentage of the requests served within a certain time (ms)\n"));
                if (l.failed() == 0) {
                    lastClean = Math.max(lastClean, l.concurrency());
                } else {
                    firstFailing = Math.min(firstFailing, l.concurrency());
                }
                if (Double.parseDouble(r.group(1)) > bestRps) {
                    bestRps = Double.parseDouble(r.group(1));
                    bestLevel = l.concurrency();
                }
                checked++;
            }
            int threshold = run.getValue();
            assertTrue(lastClean <= threshold && threshold < firstFailing,
                    run.getKey() + ": clean up to " + lastClean + ", failing from " + firstFailing);
            assertTrue(lastClean < firstFailing);
            assertEquals(lastClean, bestLevel, run.getKey() + ": throughput peaks at the last clean level");
        }
        assertEquals(facts.loadTests().size(), checked);
    }

    @Test
    void jmeterRampFailsOnlyPastTheThreshold() throws IOException {
        try (CSVParser csv = CSVParser.parse(out.resolve(JMeterWriter.FILE), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().build())) {
            assertEquals(List.of(JMeterWriter.HEADER.split(",")), csv.getHeaderNames());
            long samples = 0;
            long errors = 0;
            long firstErrorAt = Long.MAX_VALUE;
            int threadsAtFirstError = 0;
            int maxThreads = 0;
            long startMs = OffsetDateTime.parse("2005-10-10T13:52:00-04:00").toEpochSecond() * 1000;
            for (CSVRecord row : csv) {
                samples++;
                assertEquals(17, row.size());
                long ts = Long.parseLong(row.get("timeStamp"));
                assertTrue(ts >= startMs && ts < startMs + 15 * 60_000, row.toString());
                int threads = Integer.parseInt(row.get("allThreads"));
                maxThreads = Math.max(maxThreads, threads);
                if (!Boolean.parseBoolean(row.get("success"))) {
                    errors++;
                    assertTrue(threads > facts.thresholds().before(), "error at " + threads + " threads: " + row);
                    if (ts < firstErrorAt) {
                        firstErrorAt = ts;
                        threadsAtFirstError = threads;
                    }
                }
            }
            assertEquals(facts.jmeter().samples(), samples);
            assertEquals(facts.jmeter().errors(), errors);
            assertEquals(facts.jmeter().threadsAtFirstError(), threadsAtFirstError);
            assertEquals(JMeterWriter.THREADS, maxThreads);
            assertTrue(errors > 0);
        }
    }

    @Test
    void readmeStatesTheFacts() throws IOException {
        String readme = Files.readString(out.resolve("README.md"));
        for (SampleFacts.Burst b : facts.bursts()) {
            assertTrue(readme.contains(b.startLocal()), b.startLocal());
        }
        assertTrue(readme.contains("| " + facts.thresholds().before() + " / " + facts.thresholds().afterChanges12()
                + " / " + facts.thresholds().afterChange3() + " |"));
        assertTrue(readme.contains(facts.pushUtc()));
        for (String file : facts.files()) {
            if (!file.startsWith("loadtest/run") && !file.equals("README.md")) {
                assertTrue(readme.contains("`" + file + "`"), "README does not describe " + file);
            }
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
