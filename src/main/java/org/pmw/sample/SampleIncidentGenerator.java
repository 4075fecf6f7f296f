package org.pmw.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the raw evidence of the sample incident (10 October 2005: a LAMP shop on Xen whose Apache
 * children segfault and whose MySQL runs out of connections whenever traffic passes a concurrency
 * threshold) into a folder, deterministically from a seed, and returns the facts it contains.
 * <p>
 * Usage: {@code SampleIncidentGenerator OUT_DIR [--seed N] [--scale X]}.
 */
public final class SampleIncidentGenerator {

    public static final long DEFAULT_SEED = 20051010L;
    public static final String FACTS_FILE = "facts.json";
    public static final String README_FILE = "README.md";

    private SampleIncidentGenerator() {
    }

    /**
     * Generates the sample into {@code outDir} (created if missing; files of an earlier sample are overwritten).
     *
     * @param seed  same seed, same scale: byte-identical files
     * @param scale multiplies the number of requests (1 = about 4 requests per second on average); the
     *              timing and severity of the bursts do not change with it
     */
    public static SampleFacts generate(Path outDir, long seed, double scale) throws IOException {
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("scale must be > 0 and <= 1000, was " + scale);
        }
        Files.createDirectories(outDir);
        TrafficModel model = new TrafficModel(seed);
        Tally tally = new Tally();
        TimedLines mysqlLines = new TimedLines();
        new WebTierWriter(outDir, model, scale, seed, tally, mysqlLines).write();
        MysqlLogWriter.write(outDir, mysqlLines, tally);
        new Dom0LogWriter(seed).write(outDir);
        List<SampleFacts.LoadTestLevel> levels = new ArrayList<>();
        new ApacheBenchWriter(seed).write(outDir, levels);
        SampleFacts.JMeterRun jmeter = new JMeterWriter(seed).write(outDir);
        ChangeRecordWriter.write(outDir);
        SampleFacts facts = facts(outDir, seed, scale, model, tally, levels, jmeter);
        ReadmeWriter.write(outDir, facts);
        mapper().writeValue(outDir.resolve(FACTS_FILE).toFile(), facts);
        return facts;
    }

    /** The JSON mapper facts.json is written with (and can be read back with). */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private static SampleFacts facts(Path outDir, long seed, double scale, TrafficModel model, Tally tally,
                                     List<SampleFacts.LoadTestLevel> levels, SampleFacts.JMeterRun jmeter)
            throws IOException {
        long start = Story.LOG_START.toEpochSecond();
        long end = Story.LOG_END.toEpochSecond();
        long push = Story.PUSH.toEpochSecond();
        double peakBefore = 0;
        double peakAfter = 0;
        for (int m = 0; m < model.minutes(); m++) {
            if (model.minuteStart(m) < push) {
                peakBefore = Math.max(peakBefore, model.concurrency(m));
            } else {
                peakAfter = Math.max(peakAfter, model.concurrency(m));
            }
        }
        long minutesAfter = (end - push) / 60;
        SampleFacts.CleanPeriod clean = new SampleFacts.CleanPeriod(TimeFormats.iso(push), TimeFormats.iso(end),
                TimeFormats.isoUtc(push), TimeFormats.isoUtc(end), minutesAfter, tally.requestsAfterPush,
                ApacheBenchWriter.round2((double) tally.requestsAfterPush / minutesAfter), tally.segfaultsAfterPush,
                tally.connectionErrorsAfterPush, tally.responses5xxAfterPush);
        return new SampleFacts(seed, scale, Story.ZONE.getId(), TimeFormats.iso(start), TimeFormats.iso(end),
                TimeFormats.isoUtc(start), TimeFormats.isoUtc(end), tally.requests, tally.requestsPerVm,
                tally.requestsPerStatus, tally.responses(500, 599), tally.responses(500, 500),
                tally.responses(503, 503), tally.segfaults, tally.segfaultsPerVm, tally.segfaultsPerHour,
                tally.segfaultsPerHourPerVm, tally.tooManyConnections, tally.lostConnection,
                tally.abortedConnections, tally.maxClientsReached, bursts(model, tally),
                new SampleFacts.Thresholds(Story.THRESHOLD_BEFORE, Story.THRESHOLD_AFTER_CHANGES_1_2,
                        Story.THRESHOLD_AFTER_CHANGE_3, ApacheBenchWriter.round2(peakBefore),
                        ApacheBenchWriter.round2(peakAfter)),
                TimeFormats.iso(push), TimeFormats.isoUtc(push), clean, levels, jmeter, listFiles(outDir));
    }

    /** Clusters of failures (5xx responses and segfaults) separated by more than the burst gap. */
    static List<SampleFacts.Burst> bursts(TrafficModel model, Tally tally) {
        List<Long> times = new ArrayList<>(tally.failureTimes);
        Collections.sort(times);
        List<SampleFacts.Burst> bursts = new ArrayList<>();
        int i = 0;
        while (i < times.size()) {
            int j = i;
            while (j + 1 < times.size() && times.get(j + 1) - times.get(j) <= SampleFacts.Burst.GAP_SECONDS) {
                j++;
            }
            long from = times.get(i);
            long to = times.get(j);
            double peak = 0;
            for (int m = 0; m < model.minutes(); m++) {
                long t = model.minuteStart(m);
                if (t + 60 > from && t <= to) {
                    peak = Math.max(peak, model.concurrency(m));
                }
            }
            bursts.add(new SampleFacts.Burst(TimeFormats.iso(from), TimeFormats.iso(to), TimeFormats.isoUtc(from),
                    TimeFormats.isoUtc(to), countBetween(tally.segfaultTimes, from, to),
                    countBetween(tally.errorResponseTimes, from, to),
                    countBetween(tally.tooManyConnectionTimes, from, to), ApacheBenchWriter.round2(peak)));
            i = j + 1;
        }
        return bursts;
    }

    private static long countBetween(List<Long> times, long from, long to) {
        return times.stream().filter(t -> t >= from && t <= to).count();
    }

    private static List<String> listFiles(Path outDir) throws IOException {
        try (Stream<Path> files = Files.walk(outDir)) {
            List<String> names = new ArrayList<>(files.filter(Files::isRegularFile)
                    .map(p -> outDir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(FACTS_FILE) && !n.equals(README_FILE))
                    .toList());
            names.add(README_FILE);
            names.add(FACTS_FILE);
            Collections.sort(names);
            return names;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without the exit: returns 0 on success, 2 for bad arguments, 1 when writing failed. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments parsed = Arguments.parse(args);
            long started = System.nanoTime();
            SampleFacts facts = generate(parsed.outDir, parsed.seed, parsed.scale);
            out.printf(Locale.US, "Wrote the sample incident to %s in %.1f s: %d requests, %d segfaults, %d bursts%n",
                    parsed.outDir, (System.nanoTime() - started) / 1e9, facts.totalRequests(), facts.segfaults(),
                    facts.bursts().size());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: SampleIncidentGenerator OUT_DIR [--seed N] [--scale X]");
            return 2;
        } catch (IOException e) {
            err.println("error: could not write the sample: " + e.getMessage());
            return 1;
        }
    }

    private record Arguments(Path outDir, long seed, double scale) {

        static Arguments parse(String[] args) {
            Path out = null;
            long seed = DEFAULT_SEED;
            double scale = 1;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--seed") || a.equals("--scale")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    try {
                        if (a.equals("--seed")) {
                            seed = Long.parseLong(v);
                        } else {
                            scale = Double.parseDouble(v);
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + " expects a number, got '" + v + "'");
                    }
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else if (out == null) {
                    out = Paths.get(a);
                } else {
                    throw new IllegalArgumentException("only one OUT_DIR, got '" + out + "' and '" + a + "'");
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("OUT_DIR is missing");
            }
            return new Arguments(out, seed, scale);
        }
    }
}
