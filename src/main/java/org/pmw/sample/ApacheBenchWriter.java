package org.pmw.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The engineer's ApacheBench series against the staging copy of the site (a Xen host cloned from
 * production: same VMs, same code, same configuration), one file per {@code -c} level, exactly as
 * ab 2.0.40-dev (httpd 2.0.52) prints them. Staging requests never reach the production logs.
 * <p>
 * Response time follows the universal scalability law with its throughput peak at the run's
 * threshold; past it, requests queue (slow pages), a growing share gets the app's 503 page as in
 * {@link FailureModel}, some connections wait
 * for a SYN retransmit (3 s), and in the first run a crashing child resets a connection, which
 * makes ab 2.0 give up.
 */
final class ApacheBenchWriter {

    static final String PATH = "/product.php?id=42";
    static final int REQUESTS = 2000;
    private static final long DOCUMENT_LENGTH = 10454;
    private static final long HEADER_200 = 291;
    private static final long HEADER_503 = 213;
    private static final double SINGLE_USER_SECONDS = 0.052;
    private static final double CONTENTION = 0.03;

    record Series(String name, String directory, int threshold, List<Integer> levels, long startEpoch,
                  int abortAtLevel) {
    }

    static List<Series> series() {
        List<Integer> base = List.of(10, 20, 40, 60, 80, 100, 120, 150);
        List<Integer> wide = List.of(10, 20, 40, 60, 80, 100, 120, 150, 200, 250, 300);
        return List.of(
                new Series("run1-before", "loadtest/run1-before", Story.THRESHOLD_BEFORE, base,
                        Story.RUN1_START.toEpochSecond(), 150),
                new Series("run2-after-changes-1-2", "loadtest/run2-after-changes-1-2",
                        Story.THRESHOLD_AFTER_CHANGES_1_2, base, Story.RUN2_START.toEpochSecond(), 0),
                new Series("run3-after-change-3", "loadtest/run3-after-change-3", Story.THRESHOLD_AFTER_CHANGE_3,
                        wide, Story.RUN3_START.toEpochSecond(), 0));
    }

    private final Random random;

    ApacheBenchWriter(long seed) {
        random = new Random(seed ^ 0xAB20L);
    }

    void write(Path outDir, List<SampleFacts.LoadTestLevel> facts) throws IOException {
        for (Series s : series()) {
            Path dir = outDir.resolve(s.directory());
            Files.createDirectories(dir);
            long clock = s.startEpoch();
            for (int c : s.levels()) {
                String file = "ab-c" + c + ".txt";
                Level level = run(c, s.threshold(), c == s.abortAtLevel());
                Path path = dir.resolve(file);
                Files.writeString(path, level.text, StandardCharsets.UTF_8);
                long finished = clock + Math.max(1, Math.round(level.seconds));
                Files.setLastModifiedTime(path, FileTime.fromMillis(finished * 1000));
                facts.add(new SampleFacts.LoadTestLevel(s.name(), s.directory() + "/" + file, TimeFormats.iso(clock),
                        c, REQUESTS, level.completed, level.failed, level.non2xx, level.rps, level.meanMs,
                        level.aborted));
                clock = finished + 75 + random.nextInt(60); // reading the result, typing the next command
            }
        }
    }

    private record Level(String text, double seconds, long completed, long failed, long non2xx, double rps,
                         double meanMs, boolean aborted) {
    }

    private Level run(int c, int threshold, boolean abort) {
        double beta = (1 - CONTENTION) / ((double) threshold * threshold);
        double mean = SINGLE_USER_SECONDS * (1 + CONTENTION * (c - 1) + beta * c * (c - 1.0));
        double x = (double) c / threshold;
        double failShare = FailureModel.tooManyConnections(x) + FailureModel.lostConnection(x);
        // Past the threshold the requests that do succeed queue for MaxClients: slow pages.
        mean *= 1 + 3 * Math.max(0, x - 1);
        long[] connect = new long[REQUESTS];
        long[] processing = new long[REQUESTS];
        long[] waiting = new long[REQUESTS];
        long[] total = new long[REQUESTS];
        long non2xx = 0;
        long bytes = 0;
        long html = 0;
        for (int i = 0; i < REQUESTS; i++) {
            boolean failed = random.nextDouble() < failShare;
            double seconds = failed ? 0.012 + 0.03 * random.nextDouble()
                    : mean * StrictMath.exp(0.45 * random.nextGaussian() - 0.45 * 0.45 / 2);
            long conn = random.nextInt(3) == 0 ? 1 : 0;
            if (x > 1 && random.nextDouble() < 0.03) {
                conn = 2990 + random.nextInt(25);
            }
            long proc = Math.max(1, Math.round(seconds * 1000));
            connect[i] = conn;
            processing[i] = proc;
            waiting[i] = Math.max(1, proc - 1 - random.nextInt(3));
            total[i] = conn + proc;
            if (failed) {
                non2xx++;
                bytes += HEADER_503 + SiteCatalog.BYTES_503;
                html += SiteCatalog.BYTES_503;
            } else {
                bytes += HEADER_200 + DOCUMENT_LENGTH;
                html += DOCUMENT_LENGTH;
            }
        }
        double seconds = Arrays.stream(total).sum() / 1000.0 / c;
        StringBuilder out = new StringBuilder();
        out.append("This is ApacheBench, Version 2.0.40-dev <$Revision: 1.141 $> apache-2.0\n");
        out.append("Copyright (c) 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\n");
        out.append("Copyright (c) 1998-2002 The Apache Software Foundation, http://www.apache.org/\n\n");
        out.append("Benchmarking ").append(Story.STAGING).append(" (be patient)\n");
        if (abort) {
            int completed = 1100 + random.nextInt(500);
            for (int done = REQUESTS / 10; done <= completed; done += REQUESTS / 10) {
                out.append("Completed ").append(done).append(" requests\n");
            }
            out.append("apr_recv: Connection reset by peer (104)\n");
            out.append("Total of ").append(completed).append(" requests completed\n");
            double partial = seconds * completed / REQUESTS;
            return new Level(out.toString(), partial, completed, 0, 0, 0, 0, true);
        }
        for (int done = REQUESTS / 10; done < REQUESTS; done += REQUESTS / 10) {
            out.append("Completed ").append(done).append(" requests\n");
        }
        out.append("Finished ").append(REQUESTS).append(" requests\n\n\n");
        out.append("Server Software:        Apache/2.0.52 (CentOS)\n");
        out.append("Server Hostname:        ").append(Story.STAGING).append('\n');
        out.append("Server Port:            80\n\n");
        out.append("Document Path:          ").append(PATH).append('\n');
        out.append("Document Length:        ").append(DOCUMENT_LENGTH).append(" bytes\n\n");
        out.append("Concurrency Level:      ").append(c).append('\n');
        long micros = Math.round(seconds * 1_000_000);
        // ab 2.0 prints the microseconds with %03ld: the famous short fraction.
        out.append("Time taken for tests:   ").append(micros / 1_000_000).append('.')
                .append(String.format(Locale.US, "%03d", micros % 1_000_000)).append(" seconds\n");
        out.append("Complete requests:      ").append(REQUESTS).append('\n');
        out.append("Failed requests:        ").append(non2xx).append('\n');
        if (non2xx > 0) {
            out.append("   (Connect: 0, Length: ").append(non2xx).append(", Exceptions: 0)\n");
        }
        out.append("Write errors:           0\n");
        if (non2xx > 0) {
            out.append("Non-2xx responses:      ").append(non2xx).append('\n');
        }
        double rps = REQUESTS / seconds;
        double meanMs = c * seconds * 1000 / REQUESTS;
        out.append("Total transferred:      ").append(bytes).append(" bytes\n");
        out.append("HTML transferred:       ").append(html).append(" bytes\n");
        out.append(String.format(Locale.US, "Requests per second:    %.2f [#/sec] (mean)%n", rps));
        out.append(String.format(Locale.US, "Time per request:       %.3f [ms] (mean)%n", meanMs));
        out.append(String.format(Locale.US, "Time per request:       %.3f [ms] (mean, across all concurrent requests)%n",
                seconds * 1000 / REQUESTS));
        out.append(String.format(Locale.US, "Transfer rate:          %.2f [Kbytes/sec] received%n%n",
                bytes / 1024.0 / seconds));
        out.append("Connection Times (ms)\n");
        out.append("              min  mean[+/-sd] median   max\n");
        out.append(timesRow("Connect:    ", connect));
        out.append(timesRow("Processing: ", processing));
        out.append(timesRow("Waiting:    ", waiting));
        out.append(timesRow("Total:      ", total));
        out.append("\nPercentage of the requests served within a certain time (ms)\n");
        long[] sorted = total.clone();
        Arrays.sort(sorted);
        for (int p : new int[]{50, 66, 75, 80, 90, 95, 98, 99}) {
            out.append(String.format(Locale.US, "  %d%%  %5d%n", p, sorted[REQUESTS * p / 100]));
        }
        out.append(String.format(Locale.US, " 100%%  %5d (longest request)%n", sorted[REQUESTS - 1]));
        String text = out.toString().replace("\r\n", "\n");
        return new Level(text, seconds, REQUESTS, non2xx, non2xx, round2(rps), round2(meanMs), false);
    }

    private static String timesRow(String label, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        long mean = sum / values.length;
        double variance = 0;
        for (long v : values) {
            variance += (v - (double) mean) * (v - mean);
        }
        double sd = Math.sqrt(variance / (values.length - 1));
        int n = values.length;
        long median = n % 2 == 0 ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2 : sorted[n / 2];
        return String.format(Locale.US, "%s%5d %4d %5.1f %6d %7d%n", label, sorted[0], mean, sd, median,
                sorted[n - 1]);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
