package org.pmw.analysis.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

/**
 * Analyses load-test runs: the steps by concurrency, the USL fit, the knee, where errors and latency break away,
 * and a few sentences saying what limits the system and where its threshold is. The fit and the knee use the
 * successful throughput (throughput × (1 − error rate)), so fast failures do not pass for capacity.
 */
public final class LoadTestAnalysis {

    private LoadTestAnalysis() {
    }

    /** Every run analysed, in the order given. */
    public static LoadTestReport analyseAll(List<LoadTestRun> runs) {
        return new LoadTestReport(runs.stream().map(LoadTestAnalysis::analyse).toList());
    }

    public static RunAnalysis analyse(LoadTestRun run) {
        List<LoadTestStep> steps = new ArrayList<>(run.steps());
        steps.sort(Comparator.comparingInt(LoadTestStep::concurrency));
        Saturation saturation = saturation(steps);
        double thinkMs = saturation.thinkTimeMs() == null ? 0 : saturation.thinkTimeMs();
        return new RunAnalysis(run.id(), run.name(), run.format(), run.sources(), iso(run.startedAt()),
                iso(run.endedAt()), run.notes(), steps.stream().map(s -> StepResult.of(s, thinkMs)).toList(),
                saturation);
    }

    /** The saturation findings for steps sorted by concurrency. */
    public static Saturation saturation(List<LoadTestStep> steps) {
        // one throughput per level: repeated levels (a series with two runs at -c 50) are averaged
        Map<Integer, double[]> byLevel = new TreeMap<>();
        for (LoadTestStep s : steps) {
            double goodput = goodput(s);
            if (s.concurrency() > 0 && Double.isFinite(goodput) && goodput > 0) {
                double[] sum = byLevel.computeIfAbsent(s.concurrency(), c -> new double[2]);
                sum[0] += goodput;
                sum[1]++;
            }
        }
        double[] n = new double[byLevel.size()];
        double[] x = new double[byLevel.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : byLevel.entrySet()) {
            n[i] = e.getKey();
            x[i++] = e.getValue()[0] / e.getValue()[1];
        }
        UslFitter.Outcome outcome = UslFitter.fit(n, x);
        UslFit usl = outcome.fit().orElse(null);

        Integer knee = null;
        String kneeNote = null;
        if (n.length < 3) {
            kneeNote = "only " + n.length + " concurrency level" + (n.length == 1 ? "" : "s")
                    + " with a throughput; a knee needs at least 3";
        } else {
            OptionalInt k = Kneedle.knee(n, x);
            if (k.isPresent()) {
                knee = (int) n[k.getAsInt()];
            } else {
                kneeNote = "throughput grows about linearly with concurrency over the tested range: no knee";
            }
        }
        String limit = null;
        if (usl != null) {
            double top = n[n.length - 1];
            limit = usl.contentionAt(top) >= usl.coherencyAt(top) ? "contention" : "coherency";
        }
        Integer errorsStart = Breakaway.errorsStart(steps);
        Integer latencyBreaks = Breakaway.latencyBreaks(steps);
        String metric = Breakaway.latencyMetric(steps);
        LittlesLaw law = LittlesLaw.check(steps);
        String summary = summary(n, x, usl, outcome.refusal(), limit, knee, errorsStart, latencyBreaks, metric);
        if (law.sentence() != null && n.length > 0) {
            summary = summary + " " + law.sentence();
        }
        return new Saturation(knee, kneeNote, usl, outcome.refusal(), limit, errorsStart, latencyBreaks, metric,
                law.thinkTimeMs(), law.offLevels(), summary);
    }

    /**
     * Successful requests per second. Saturation is judged on these: a server that turns requests away fast
     * ("Too many connections") shows a rising total throughput while it is in fact choking.
     */
    static double goodput(LoadTestStep s) {
        double errorRate = Double.isFinite(s.errorRate()) ? s.errorRate() : 0;
        return s.throughput() * (1 - errorRate);
    }

    private static String summary(double[] n, double[] x, UslFit usl, String refusal, String limit, Integer knee,
                                  Integer errorsStart, Integer latencyBreaks, String metric) {
        if (n.length == 0) {
            return "The run has no step with both a concurrency and a throughput.";
        }
        List<String> sentences = new ArrayList<>();
        if (errorsStart != null || latencyBreaks != null) {
            // Failing requests are what users see as the outage; rising latency alone is queueing.
            int threshold = errorsStart != null ? errorsStart : latencyBreaks;
            List<String> parts = new ArrayList<>();
            if (errorsStart != null) {
                parts.add("errors start at N=" + errorsStart);
            }
            if (latencyBreaks != null) {
                parts.add("the " + metric.replace("_ms", "") + " latency is over 3× its low-load value from N="
                        + latencyBreaks);
            }
            sentences.add("The system starts to choke at N=" + threshold + " concurrent users: "
                    + String.join("; ", parts) + ".");
        } else {
            sentences.add("Neither errors nor latency break away within the tested range (up to N="
                    + (long) n[n.length - 1] + ").");
        }
        if (knee != null) {
            sentences.add("Returns diminish from N=" + knee + " (the knee of successful throughput).");
        }
        double top = n[n.length - 1];
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        if (usl != null && usl.hasPeak() && usl.r2() < 0.9) {
            // a poor fit's peak would contradict the steps table: the measurement leads, the fit is a guide
            sentences.add(String.format(Locale.ROOT, "The highest successful throughput measured is %.0f req/s at"
                    + " N=%d. The USL fit is poor (R²=%.3f), so its peak at about N=%d (%.0f req/s) is only a rough"
                    + " guide.", x[best], (long) n[best], usl.r2(), Math.round(usl.peakConcurrency()),
                    usl.peakThroughput()));
        } else if (usl != null && usl.hasPeak()) {
            String beyond = usl.peakConcurrency() > top * 1.5 ? ", well beyond the highest tested load (N="
                    + (long) top + ")" : "";
            sentences.add(String.format(Locale.ROOT,
                    "Throughput peaks at about N=%d concurrent users (%.0f successful req/s by the USL fit, R²=%.3f)%s.",
                    Math.round(usl.peakConcurrency()), usl.peakThroughput(), usl.r2(), beyond));
        } else if (usl != null) {
            sentences.add(String.format(Locale.ROOT,
                    "The USL fit finds no peak: throughput levels off towards %.0f req/s (R²=%.3f).",
                    usl.peakThroughput() == null ? Double.NaN : usl.peakThroughput(), usl.r2()));
        } else {
            sentences.add(String.format(Locale.ROOT, "No USL fit: %s. The highest successful throughput measured is"
                    + " %.0f req/s at N=%d.", refusal, x[best], (long) n[best]));
        }
        if (limit != null) {
            boolean contention = limit.equals("contention");
            sentences.add(String.format(Locale.ROOT, "The system is %s-bound: at N=%d the %s term (%s=%.3f) outweighs"
                            + " the %s term (%s=%.3f): %s.", limit, (long) top,
                    limit, contention ? "σ(N−1)" : "κN(N−1)", contention ? usl.contentionAt(top) : usl.coherencyAt(top),
                    contention ? "coherency" : "contention", contention ? "κN(N−1)" : "σ(N−1)",
                    contention ? usl.coherencyAt(top) : usl.contentionAt(top),
                    contention ? "requests queue for something shared (a lock, a pool, a CPU), so throughput levels off"
                            : "the workers spend their time keeping each other in step, so past the peak more load"
                            + " lowers throughput"));
        }
        return String.join(" ", sentences);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
