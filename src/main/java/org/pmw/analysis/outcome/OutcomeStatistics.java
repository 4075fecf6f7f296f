package org.pmw.analysis.outcome;

import java.util.Locale;

/**
 * Whether a change made a real difference to a metric: compares the events counted in a window before the
 * change with those counted after it. Callers count (the index does that); this class only judges.
 *
 * <p>Rates (events per minute) use the exact conditional test for two Poisson rates: given the total
 * count n, the after count is Binomial(n, t_after / (t_before + t_after)) when nothing changed. Ratios
 * (errors among requests) use Fisher's exact test when any expected cell of the 2x2 table is below 5, and
 * the pooled two-proportion z-test otherwise. Differences with p &lt; {@value #ALPHA} count as significant.
 */
public final class OutcomeStatistics {

    public static final double ALPHA = 0.05;
    /** A window shorter than this says too little about a per-minute rate. */
    public static final double MIN_MINUTES = 5;

    public static final String SIGNIFICANT_DECREASE = "significant decrease";
    public static final String SIGNIFICANT_INCREASE = "significant increase";
    public static final String NO_CHANGE = "no significant change";
    public static final String INSUFFICIENT_DATA = "insufficient data";

    static final String RATE_TEST = "exact conditional binomial test for two Poisson rates";
    static final String FISHER_TEST = "Fisher's exact test";
    static final String Z_TEST = "two-proportion z-test";

    private OutcomeStatistics() {
    }

    /** Compares event rates: {@code beforeCount} events in {@code beforeMinutes} against the after window. */
    public static OutcomeResult compareRates(long beforeCount, double beforeMinutes, long afterCount,
                                             double afterMinutes) {
        requireCount("before count", beforeCount);
        requireCount("after count", afterCount);
        requireMinutes("before", beforeMinutes);
        requireMinutes("after", afterMinutes);
        WindowStats before = WindowStats.ofRate(beforeCount, beforeMinutes);
        WindowStats after = WindowStats.ofRate(afterCount, afterMinutes);

        String tooShort = tooShort(beforeMinutes, afterMinutes);
        if (tooShort != null) {
            return insufficient("rate", before, after, tooShort);
        }
        long total = beforeCount + afterCount;
        if (total == 0) {
            return insufficient("rate", before, after, "no events in either window (" + minutes(beforeMinutes)
                    + " before, " + minutes(afterMinutes) + " after): there is nothing to compare");
        }
        double share = afterMinutes / (beforeMinutes + afterMinutes);
        double p = ExactTests.binomialTwoSided(afterCount, total, share);
        double beforeRate = before.ratePerMin();
        double afterRate = after.ratePerMin();
        Double changePct = beforeCount > 0 ? (afterRate / beforeRate - 1) * 100 : null;
        double expected = beforeRate * afterMinutes;
        String verdict = verdict(p, afterRate, beforeRate);

        StringBuilder text = new StringBuilder();
        text.append(num(beforeRate)).append("/min before, ").append(num(afterRate)).append("/min after");
        if (changePct != null) {
            text.append(" (").append(signedPct(changePct)).append(')');
        }
        text.append("; p ").append(pValue(p)).append(" (").append(RATE_TEST).append("): ").append(verdict)
                .append('.');
        Double pZero = null;
        if (afterCount == 0) {
            pZero = Math.exp(-expected);
            text.append(" No events in ").append(minutes(afterMinutes)).append(", expected ").append(num(expected))
                    .append(" at the old rate; the chance of that is ").append(probability(pZero))
                    .append(" (Poisson P(0) = exp(-").append(num(expected)).append(")).");
        }
        if (beforeCount == 0) {
            text.append(" No events before the change, so the relative change is undefined.");
        }
        return new OutcomeResult("rate", before, after, changePct, p, RATE_TEST, verdict, expected, pZero,
                text.toString());
    }

    /** Compares error ratios without window lengths: numerator events among denominator events. */
    public static OutcomeResult compareRatios(long beforeNum, long beforeDen, long afterNum, long afterDen) {
        return compareRatios(beforeNum, beforeDen, null, afterNum, afterDen, null);
    }

    /**
     * Compares error ratios; with window lengths (minutes, may be null) the per-minute rate of the numerator
     * is reported too and windows shorter than {@value #MIN_MINUTES} minutes are refused.
     */
    public static OutcomeResult compareRatios(long beforeNum, long beforeDen, Double beforeMinutes,
                                              long afterNum, long afterDen, Double afterMinutes) {
        requireCount("before numerator", beforeNum);
        requireCount("before denominator", beforeDen);
        requireCount("after numerator", afterNum);
        requireCount("after denominator", afterDen);
        if (beforeNum > beforeDen || afterNum > afterDen) {
            throw new IllegalArgumentException("a numerator count cannot exceed its denominator (before " + beforeNum
                    + "/" + beforeDen + ", after " + afterNum + "/" + afterDen + ")");
        }
        if (beforeMinutes != null) {
            requireMinutes("before", beforeMinutes);
        }
        if (afterMinutes != null) {
            requireMinutes("after", afterMinutes);
        }
        WindowStats before = WindowStats.ofRatio(beforeNum, beforeDen, beforeMinutes);
        WindowStats after = WindowStats.ofRatio(afterNum, afterDen, afterMinutes);

        String tooShort = tooShort(beforeMinutes == null ? Double.POSITIVE_INFINITY : beforeMinutes,
                afterMinutes == null ? Double.POSITIVE_INFINITY : afterMinutes);
        if (tooShort != null) {
            return insufficient("ratio", before, after, tooShort);
        }
        if (beforeDen == 0 || afterDen == 0) {
            String which = beforeDen == 0 && afterDen == 0 ? "either window"
                    : beforeDen == 0 ? "the before window" : "the after window";
            return insufficient("ratio", before, after,
                    "no denominator events in " + which + ": a ratio needs something to divide by");
        }
        double beforeRatio = before.ratio();
        double afterRatio = after.ratio();
        boolean small = minExpectedCell(beforeNum, beforeDen, afterNum, afterDen) < 5;
        String test = small ? FISHER_TEST : Z_TEST;
        double p = small ? ExactTests.fisherTwoSided(beforeNum, beforeDen, afterNum, afterDen)
                : ExactTests.twoProportionZ(beforeNum, beforeDen, afterNum, afterDen);
        Double changePct = beforeNum > 0 ? (afterRatio / beforeRatio - 1) * 100 : null;
        double expected = beforeRatio * afterDen;
        String verdict = verdict(p, afterRatio, beforeRatio);

        StringBuilder text = new StringBuilder();
        text.append(beforeNum).append(" of ").append(beforeDen).append(" (").append(percent(beforeRatio))
                .append(") before, ").append(afterNum).append(" of ").append(afterDen).append(" (")
                .append(percent(afterRatio)).append(") after");
        if (changePct != null) {
            text.append(" (").append(signedPct(changePct)).append(')');
        }
        text.append("; p ").append(pValue(p)).append(" (").append(test).append("): ").append(verdict).append('.');
        Double pZero = null;
        if (afterNum == 0 && beforeNum > 0) {
            pZero = Math.exp(afterDen * Math.log1p(-beforeRatio));
            text.append(" No matching events among ").append(afterDen).append(" after, expected ")
                    .append(num(expected)).append(" at the old ratio; the chance of that is ").append(probability(pZero))
                    .append('.');
        }
        if (beforeNum == 0) {
            text.append(" The ratio was 0 before the change, so the relative change is undefined.");
        }
        return new OutcomeResult("ratio", before, after, changePct, p, test, verdict, expected, pZero,
                text.toString());
    }

    private static double minExpectedCell(long a, long n1, long b, long n2) {
        double share = (double) (a + b) / (n1 + n2);
        return Math.min(Math.min(n1 * share, n1 * (1 - share)), Math.min(n2 * share, n2 * (1 - share)));
    }

    private static String verdict(double p, double after, double before) {
        if (p >= ALPHA) {
            return NO_CHANGE;
        }
        return after < before ? SIGNIFICANT_DECREASE : SIGNIFICANT_INCREASE;
    }

    private static OutcomeResult insufficient(String metric, WindowStats before, WindowStats after, String why) {
        return new OutcomeResult(metric, before, after, null, null, null, INSUFFICIENT_DATA, null, null, why);
    }

    private static String tooShort(double beforeMinutes, double afterMinutes) {
        if (beforeMinutes < MIN_MINUTES || afterMinutes < MIN_MINUTES) {
            String which = beforeMinutes < MIN_MINUTES ? "before" : "after";
            double length = Math.min(beforeMinutes, afterMinutes);
            return "the " + which + " window is " + minutes(length) + " long; at least " + minutes(MIN_MINUTES)
                    + " are needed to compare rates";
        }
        return null;
    }

    private static void requireCount(String what, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + count);
        }
    }

    private static void requireMinutes(String which, double minutes) {
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("the " + which + " window length must be a number of minutes >= 0, got "
                    + minutes);
        }
    }

    static String minutes(double minutes) {
        return num(minutes) + (minutes == 1 ? " minute" : " minutes");
    }

    /** Whole numbers without decimals, others with up to two. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signedPct(double pct) {
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    /** Two decimals, or three significant digits for ratios too small to show that way (0.0003%). */
    private static String percent(double ratio) {
        double pct = ratio * 100;
        return pct == 0 || pct >= 0.01 ? String.format(Locale.ROOT, "%.2f%%", pct)
                : String.format(Locale.ROOT, "%.3g%%", pct);
    }

    /** "0.042" or "< 1e-300", to follow "is" in a sentence (where "= 0.042" would not read). */
    private static String probability(double p) {
        String stated = pValue(p);
        return stated.startsWith("= ") ? stated.substring(2) : stated;
    }

    /** "= 0.042", or "< 1e-300" where a double cannot tell it from 0 ("p = < 1e-300" read oddly). */
    private static String pValue(double p) {
        if (p == 0) {
            return "< 1e-300";
        }
        return "= " + (p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.2g", p));
    }
}
