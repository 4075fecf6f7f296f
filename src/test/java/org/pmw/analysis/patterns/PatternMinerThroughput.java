package org.pmw.analysis.patterns;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Hand-run throughput check of {@link PatternMiner#assign(String, long)} on short web-stack log messages
 * (not a unit test: timings depend on the machine). Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.pmw.analysis.patterns.PatternMinerThroughput}.
 */
public final class PatternMinerThroughput {

    private PatternMinerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        System.out.println("synthetic web-stack messages:");
        measure(messages(n, new Random(42)));
        Path loghub = Path.of("../shared/loghub-dev");
        if (Files.isDirectory(loghub)) {
            System.out.println("Loghub 2k Content lines (all eight datasets, repeated):");
            measure(loghubMessages(loghub, n));
        }
    }

    private static String[] loghubMessages(Path root, int n) throws IOException {
        List<String> contents = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        for (String dataset : LoghubEvaluation.DRAIN_ACCURACY.keySet()) {
            try (Reader reader = Files.newBufferedReader(LoghubEvaluation.structuredCsv(root, dataset));
                 CSVParser parser = format.parse(reader)) {
                parser.forEach(r -> contents.add(r.get("Content")));
            }
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = contents.get(i % contents.size());
        }
        return out;
    }

    private static void measure(String[] messages) {
        int n = messages.length;
        for (int round = 1; round <= 3; round++) {
            PatternMiner miner = new PatternMiner();
            long start = System.nanoTime();
            long ts = 1_128_945_600_000L;
            for (String m : messages) {
                miner.assign(m, ts++);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d messages in %.2f s = %.0f messages/s, %d patterns%n",
                    round, n, seconds, n / seconds, miner.size());
        }
    }

    static String[] messages(int n, Random random) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(250);
            int b = random.nextInt(65_000);
            out[i] = switch (random.nextInt(8)) {
                case 0 -> "child pid " + b + " exit signal Segmentation fault (11)";
                case 1 -> "PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line "
                        + (a % 40);
                case 2 -> "Aborted connection " + b + " to db: 'shop' user: 'web' host: '10.0.0." + a
                        + "' (Got an error reading communication packets)";
                case 3 -> "server reached MaxClients setting, consider raising the MaxClients setting";
                case 4 -> "[client 10.0." + (a % 8) + "." + a + "] File does not exist: /var/www/html/img/p"
                        + b + ".png";
                case 5 -> "Accepted connection from 10.1." + (a % 4) + "." + a + ":" + b;
                case 6 -> "GET /index.php?id=" + b + " HTTP/1.1 200 " + (b * 3) + " " + a + "ms";
                default -> "session " + Long.toHexString(random.nextLong()) + " closed after " + b + " requests";
            };
        }
        return out;
    }
}
