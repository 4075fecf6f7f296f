package org.pmw.analysis.loadtest;

import java.util.OptionalInt;

/**
 * The knee of an increasing, concave curve by the Kneedle method (Satopää et al., 2011): scale both axes to
 * [0, 1] and take the point furthest above the diagonal, where adding more x starts to give clearly less y.
 * A curve that never rises more than {@value #MIN_BULGE} above the diagonal (still linear, or convex) has no knee.
 */
public final class Kneedle {

    /** The least height above the diagonal, in the normalised square, that counts as a knee. */
    public static final double MIN_BULGE = 0.05;

    private Kneedle() {
    }

    /**
     * @param x increasing, distinct
     * @param y same length
     * @return the index of the knee, empty when there are fewer than 3 points or no knee
     */
    public static OptionalInt knee(double[] x, double[] y) {
        if (x.length < 3 || x.length != y.length) {
            return OptionalInt.empty();
        }
        double xMin = x[0];
        double xMax = x[x.length - 1];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        if (xMax <= xMin || yMax <= yMin) {
            return OptionalInt.empty();
        }
        int best = -1;
        double bestBulge = MIN_BULGE;
        for (int i = 0; i < x.length; i++) {
            double bulge = (y[i] - yMin) / (yMax - yMin) - (x[i] - xMin) / (xMax - xMin);
            if (bulge > bestBulge) {
                bestBulge = bulge;
                best = i;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
