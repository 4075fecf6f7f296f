package org.pmw.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;

import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportReport;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.EventSearch;

/**
 * Import and search speed on generated Apache logs. Not a test: run it by hand and copy the figures into
 * the README.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/pmw.jar:target/test-classes org.pmw.bench.ImportBenchmark [LINES] [WORK_DIR]
 * </pre>
 *
 * Generates LINES lines (default 1,000,000): 90% Apache combined access log, 10% Apache 2.0 error log,
 * imports both into a new project five times (the first in a fresh JVM, as one {@code pmw import} runs; the
 * later ones as a long-running window would), then runs a fixed set of queries 20 times each and a histogram on
 * the last project.
 */
public final class ImportBenchmark {

    private static final String[] PATHS = {"/index.php", "/product.php?id=", "/cart.php", "/search.php?q=shoes",
        "/images/logo.gif", "/css/site.css", "/checkout.php", "/account.php"};
    private static final String[] AGENTS = {
        "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)",
        "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.7.12) Gecko/20050915 Firefox/1.0.7",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"};
    private static final String[] ERRORS = {
        "[notice] child pid %d exit signal Segmentation fault (11)",
        "[error] server reached MaxClients setting, consider raising the MaxClients setting",
        "[error] [client 10.1.%d.%d] PHP Warning:  mysql_connect(): Too many connections in /var/www/html/inc/db.php on line 12",
        "[error] [client 10.1.%d.%d] File does not exist: /var/www/html/favicon.ico"};
    private static final String[] QUERIES = {"segmentation fault", "level:error", "status:[500 TO 599]",
        "status:503 AND host:web2", "\"Too many connections\"", "mysql*", "bytes:>40000", "path:\"/cart.php\""};

    /** One fresh-JVM import, then enough more for the JIT compiler to settle. */
    private static final int IMPORT_ROUNDS = 5;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("pmw-bench");
        Path access = work.resolve("access_log");
        Path error = work.resolve("error_log");
        long accessLines = lines * 9 / 10;
        generate(access, error, accessLines, lines - accessLines);
        System.out.printf(Locale.ROOT, "generated %,d lines (%.0f MB) in %s%n", lines,
                (Files.size(access) + Files.size(error)) / 1e6, work);

        // the pattern miner's share of the import: every error line and the request part of every access line
        org.pmw.analysis.patterns.PatternMiner miner = new org.pmw.analysis.patterns.PatternMiner();
        long mined = 0;
        long minerStart = System.nanoTime();
        for (Path file : List.of(access, error)) {
            try (var fileLines = Files.lines(file)) {
                for (String line : (Iterable<String>) fileLines::iterator) {
                    int quote = line.indexOf('"');
                    String message = quote >= 0 ? line.substring(quote + 1, line.indexOf('"', quote + 1)) : line;
                    miner.assign(message);
                    mined++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "pattern mining alone: %,d messages in %.1f s = %,.0f messages/s, %d patterns%n",
                mined, (System.nanoTime() - minerStart) / 1e9, mined / ((System.nanoTime() - minerStart) / 1e9),
                miner.size());

        // The first import in a fresh JVM, as one `pmw import` runs, also pays for compiling the import code
        // (the compiler's time is printed beside it). The JIT keeps recompiling through the second import, so
        // the steady rate is the best of the later ones: what the window reaches after a few imports.
        Path dir = null;
        double firstRate = 0;
        double steadyRate = 0;
        for (int round = 1; round <= IMPORT_ROUNDS; round++) {
            dir = work.resolve("import-" + round);
            double rate = importOnce(dir, access, error, lines, round == 1 ? "import 1, fresh JVM" : "import " + round);
            if (round == 1) {
                firstRate = rate;
            } else {
                steadyRate = Math.max(steadyRate, rate);
            }
        }
        System.out.printf(Locale.ROOT, "import lines/s: %,.0f first import in a fresh JVM, %,.0f steady (best of "
                + "imports 3-%d)%n", firstRate, steadyRate, IMPORT_ROUNDS);

        try (Project p = Project.openReadOnly(dir)) {
            for (int warm = 0; warm < 3; warm++) {
                for (String q : QUERIES) {
                    p.search(EventSearch.of(q).withLimit(100));
                }
            }
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String q : QUERIES) {
                    long t0 = System.nanoTime();
                    p.search(EventSearch.of(q).withLimit(100));
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "search (exact total + first 100 in time order), %d runs of %d queries: "
                    + "p50 %.1f ms, p99 %.1f ms%n", 20, QUERIES.length, percentile(sorted, 50), percentile(sorted, 99));
            for (String q : QUERIES) {
                System.out.printf(Locale.ROOT, "  %-28s %,10d hits%n", q, p.count(q, null, null));
            }
            long t0 = System.nanoTime();
            var h = p.histogram("*", null, null, 60_000);
            double histMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            var he = p.histogram("level:error", null, null, 60_000);
            double histErrMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "histogram 1m buckets: all events %.1f ms (%d buckets), level:error %.1f ms (%d)%n",
                    histMs, h.buckets().size(), histErrMs, he.total());
            // a field's top values: a keyword walked term by term, a number's points visited, all events or a few
            String[][] tops = {{"status", "*"}, {"client", "*"}, {"path", "status:[500 TO 599]"}, {"bytes", "level:error"}};
            for (String[] top : tops) {
                p.fieldValues(top[0], top[1], null, null, 10); // the first run reads the files
                t0 = System.nanoTime();
                var values = p.fieldValues(top[0], top[1], null, null, 10);
                System.out.printf(Locale.ROOT, "top values of %-7s among %-22s %7.1f ms (%,d events, %,d values)%n",
                        top[0], top[1], (System.nanoTime() - t0) / 1e6, values.matching(), values.distinct());
            }
        }
    }

    private static double importOnce(Path dir, Path access, Path error, long lines, String label) throws Exception {
        HeapWatcher heap = new HeapWatcher();
        heap.start();
        Project.create(dir, "Benchmark", ZoneId.of("America/New_York"), Clock.systemUTC());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long jitBefore = jit.getTotalCompilationTime();
        long started = System.nanoTime();
        List<ImportReport> reports;
        try (Project p = Project.open(dir, Progress.NONE)) {
            reports = p.importFiles(List.of(access, error), new ImportOptions(null, null, null, "web2", 0),
                    Progress.NONE);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double jitSeconds = (jit.getTotalCompilationTime() - jitBefore) / 1e3;
        heap.stop();
        long events = reports.stream().mapToLong(ImportReport::events).sum();
        System.out.printf(Locale.ROOT, "%s: %,d events in %.1f s = %,.0f lines/s; CPU %.1f s (%.1f µs/event), "
                + "of which JIT compiler %.1f s; formats %s; peak heap %d MB%n",
                label, events, seconds, lines / seconds, cpuSeconds, cpuSeconds * 1e6 / events, jitSeconds,
                reports.stream().map(ImportReport::format).toList(), heap.peakMb());
        return lines / seconds;
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void generate(Path access, Path error, long accessLines, long errorLines) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        DateTimeFormatter accessTime = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        DateTimeFormatter errorTime = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ENGLISH);
        ZoneOffset edt = ZoneOffset.ofHours(-4);
        long start = Instant.parse("2005-10-10T04:00:00Z").getEpochSecond();
        long span = 86_400;
        try (BufferedWriter out = Files.newBufferedWriter(access, StandardCharsets.UTF_8)) {
            for (long i = 0; i < accessLines; i++) {
                long t = start + i * span / accessLines;
                int status = random.nextInt(100) < 3 ? 503 : random.nextInt(100) < 5 ? 404 : 200;
                String path = PATHS[random.nextInt(PATHS.length)];
                if (path.endsWith("=")) {
                    path += random.nextInt(5000);
                }
                out.write(String.format(Locale.ROOT, "10.%d.%d.%d - - [%s] \"GET %s HTTP/1.1\" %d %d \"-\" \"%s\"%n",
                        random.nextInt(256), random.nextInt(256), random.nextInt(256),
                        accessTime.format(Instant.ofEpochSecond(t).atOffset(edt)), path, status,
                        200 + random.nextInt(60000), AGENTS[random.nextInt(AGENTS.length)]));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(error, StandardCharsets.UTF_8)) {
            for (long i = 0; i < errorLines; i++) {
                long t = start + i * span / Math.max(1, errorLines);
                String message = String.format(Locale.ROOT, ERRORS[random.nextInt(ERRORS.length)],
                        1000 + random.nextInt(30000), random.nextInt(256));
                out.write("[" + errorTime.format(Instant.ofEpochSecond(t).atOffset(edt)) + "] " + message + "\n");
            }
        }
    }

    /** Samples used heap every 50 ms; the peak shows whether memory grows with the file. */
    private static final class HeapWatcher {
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(p -> p.getType() == MemoryType.HEAP)
                            .mapToLong(p -> p.getUsage().getUsed()).sum();
                    peak = Math.max(peak, used);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }

    }
}
