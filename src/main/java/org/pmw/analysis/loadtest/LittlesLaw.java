package org.pmw.analysis.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pmw.model.LoadTestStep;

/**
 * Little's law for a closed load test: N users each wait for a response (R) and then think (Z) before the next
 * request, so N = X·(R + Z) at every level. Load generators rarely say how long their users think, so Z is
 * inferred: N/X − R should come out the same at every level. When it does at three levels in four or more, the
 * run had think time (their median) and each step is checked against N = X·(R + Z); otherwise Z is taken as 0.
 * The steps that then miss the law are the ones where the generator itself fell behind or the step's window was
 * cut badly.
 *
 * @param thinkTimeMs the inferred think time, or null when the steps show none (or too few to tell)
 * @param offLevels   the concurrency levels whose figures miss the law by more than the tolerance
 * @param sentence    what this means for the run, or null when there is nothing to say
 */
public record LittlesLaw(Double thinkTimeMs, List<Integer> offLevels, String sentence) {

    /** Think times at every level within this share of their median (or {@link #ABSOLUTE_SLACK_MS}) agree. */
    private static final double AGREEMENT = 0.3;
    private static final double ABSOLUTE_SLACK_MS = 50;
    /** The share of levels that must agree on the think time; the others are named as off. */
    private static final double MAJORITY = 0.75;
    /** Below this, an inferred think time is measurement noise, not users pausing. */
    private static final double MIN_THINK_MS = 20;

    public static LittlesLaw check(List<LoadTestStep> steps) {
        List<LoadTestStep> known = steps.stream().filter(s -> Double.isFinite(s.littleLawRatio())
                && s.throughput() > 0).toList();
        if (known.isEmpty()) {
            return new LittlesLaw(null, List.of(), null);
        }
        double[] think = known.stream().mapToDouble(LittlesLaw::impliedThinkMs).sorted().toArray();
        double median = think.length % 2 == 1 ? think[think.length / 2]
                : (think[think.length / 2 - 1] + think[think.length / 2]) / 2;
        double slack = Math.max(AGREEMENT * median, ABSOLUTE_SLACK_MS);
        long agreeing = java.util.Arrays.stream(think).filter(z -> Math.abs(z - median) <= slack).count();
        Double thinkTime = agreeing >= 2 && agreeing >= MAJORITY * think.length && median >= MIN_THINK_MS
                ? median : null;

        List<Integer> off = new ArrayList<>();
        for (LoadTestStep s : known) {
            if (!holds(s, thinkTime == null ? 0 : thinkTime)) {
                off.add(s.concurrency());
            }
        }
        List<String> sentences = new ArrayList<>();
        if (thinkTime != null) {
            sentences.add(String.format(Locale.ROOT, "Users think for about %s between requests: N = X·(R + Z) holds"
                    + " %s with Z ≈ %s, so at low load the request rate is set by the users' pauses, not by the"
                    + " server.", duration(thinkTime), off.isEmpty() ? "at every level" : "at most levels",
                    duration(thinkTime)));
        }
        if (!off.isEmpty()) {
            sentences.add(String.format(Locale.ROOT, "At N=%s the figures miss Little's law (N = X·(R%s)) by more"
                    + " than %.0f%%: the load generator may have fallen behind, or the step's window was cut badly;"
                    + " read those steps with care.", joined(off), thinkTime == null ? "" : " + Z",
                    LoadTestStep.LITTLE_LAW_TOLERANCE * 100));
        }
        return new LittlesLaw(thinkTime, List.copyOf(off), sentences.isEmpty() ? null : String.join(" ", sentences));
    }

    /** X·(R + Z) / N: 1 when the law holds exactly with think time {@code thinkMs}; NaN when unknown. */
    public static double ratio(LoadTestStep s, double thinkMs) {
        return LoadTestStep.littleLawRatio(s.concurrency(), s.throughput(), s.meanMs() + thinkMs);
    }

    public static boolean holds(LoadTestStep s, double thinkMs) {
        double ratio = ratio(s, thinkMs);
        return Double.isNaN(ratio) || Math.abs(ratio - 1) <= LoadTestStep.LITTLE_LAW_TOLERANCE;
    }

    /** N/X − R: how long each user must have paused between requests for the step's figures to add up. */
    private static double impliedThinkMs(LoadTestStep s) {
        return s.concurrency() / s.throughput() * 1000 - s.meanMs();
    }

    private static String duration(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String joined(List<Integer> levels) {
        List<String> parts = levels.stream().map(String::valueOf).toList();
        return parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
