package org.pmw.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One JMeter run against staging before any change: a thread group ramping 150 "shoppers" up over
 * 450 s (one every 3 s) and holding for 90 s, each looping home, product, search and cart pages with
 * a Gaussian think time. Written as a CSV JTL with the default column set, rows in completion order.
 * Errors appear once the number of active threads passes the threshold.
 */
final class JMeterWriter {

    static final String FILE = "loadtest/jmeter-ramp.jtl";
    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";
    static final int THREADS = 150;
    private static final long RAMP_MS_PER_THREAD = 3000;
    private static final long HOLD_MS = 90_000;
    private static final double SINGLE_USER_SECONDS = 0.085;
    private static final double CONTENTION = 0.03;

    private record Sample(long start, long elapsed, String label, String code, String message, int thread,
                          boolean success, long bytes, long sent, int active, String url, long latency,
                          long connect) {
    }

    private final Random random;

    JMeterWriter(long seed) {
        random = new Random(seed ^ 0x3E7E7L);
    }

    SampleFacts.JMeterRun write(Path outDir) throws IOException {
        long start = Story.JMETER_START.toEpochSecond() * 1000 + 417;
        long end = start + THREADS * RAMP_MS_PER_THREAD + HOLD_MS;
        int threshold = Story.THRESHOLD_BEFORE;
        double beta = (1 - CONTENTION) / ((double) threshold * threshold);
        List<Sample> samples = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            long clock = start + (t - 1) * RAMP_MS_PER_THREAD;
            int step = 0;
            while (clock < end) {
                int active = activeThreads(start, clock);
                double x = (double) active / threshold;
                double mean = SINGLE_USER_SECONDS * (1 + CONTENTION * (active - 1) + beta * active * (active - 1.0))
                        * (1 + 3 * Math.max(0, x - 1));
                String[] page = page(step++);
                double u = random.nextDouble();
                double tooMany = FailureModel.tooManyConnections(x);
                double lost = FailureModel.lostConnection(x);
                long connect = random.nextInt(4) == 0 ? 1 : 0;
                Sample sample;
                if (u < tooMany * 0.9) {
                    long elapsed = 14 + random.nextInt(30);
                    sample = new Sample(clock, elapsed, page[0], "503", "Service Temporarily Unavailable", t, false,
                            SiteCatalog.BYTES_503 + 213, 151, active, page[1], elapsed - 1, connect);
                } else if (u < tooMany) {
                    // a child crashed under the request: JMeter sees the connection reset
                    long elapsed = 40 + random.nextInt(900);
                    sample = new Sample(clock, elapsed, page[0], "Non HTTP response code: java.net.SocketException",
                            "Non HTTP response message: Connection reset", t, false, 2015, 0, active, page[1], 0,
                            connect);
                } else if (u < tooMany + lost) {
                    long elapsed = Math.round(mean * 1000 * 0.6);
                    sample = new Sample(clock, elapsed, page[0], "500", "Internal Server Error", t, false,
                            SiteCatalog.BYTES_500 + 220, 151, active, page[1], elapsed - 2, connect);
                } else {
                    if (x > 1 && random.nextDouble() < 0.03) {
                        connect = 2990 + random.nextInt(25);
                    }
                    long elapsed = connect + Math.max(2, Math.round(1000 * mean
                            * StrictMath.exp(0.45 * random.nextGaussian() - 0.1)));
                    long body = Long.parseLong(page[2]) + random.nextInt(400);
                    sample = new Sample(clock, elapsed, page[0], "200", "OK", t, true, body + 291, 151, active,
                            page[1], Math.max(connect + 1, elapsed - 2 - random.nextInt(6)), connect);
                }
                samples.add(sample);
                clock += sample.elapsed() + Math.max(500, Math.round(3000 + 1000 * random.nextGaussian()));
            }
        }
        samples.sort(Comparator.comparingLong((Sample s) -> s.start() + s.elapsed()).thenComparingInt(Sample::thread));
        long errors = 0;
        int firstErrorThreads = 0;
        long firstErrorAt = Long.MAX_VALUE;
        Path file = outDir.resolve(FILE);
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Sample s : samples) {
                if (!s.success()) {
                    errors++;
                    if (s.start() < firstErrorAt) {
                        firstErrorAt = s.start();
                        firstErrorThreads = s.active();
                    }
                }
                out.write(s.start() + "," + s.elapsed() + "," + s.label() + "," + s.code() + "," + s.message()
                        + ",Shoppers 1-" + s.thread() + ",text," + s.success() + ",," + s.bytes() + "," + s.sent()
                        + "," + s.active() + "," + s.active() + "," + s.url() + "," + s.latency() + ",0,"
                        + s.connect() + "\n");
            }
        }
        return new SampleFacts.JMeterRun(FILE, TimeFormats.iso(start / 1000), TimeFormats.iso(end / 1000),
                samples.size(), errors, THREADS, firstErrorThreads);
    }

    private static int activeThreads(long start, long clock) {
        return (int) Math.min(THREADS, 1 + (clock - start) / RAMP_MS_PER_THREAD);
    }

    /** The looped journey: label, URL, typical body size. */
    private String[] page(int step) {
        String base = "http://" + Story.STAGING;
        return switch (step % 4) {
            case 0 -> new String[]{"home", base + "/index.php", "14500"};
            case 1 -> new String[]{"product", base + "/product.php?id=" + (1 + random.nextInt(480)), "9800"};
            case 2 -> new String[]{"search", base + "/search.php?q=ipod", "11900"};
            default -> new String[]{"cart", base + "/cart.php", "5900"};
        };
    }
}
