package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KneedleTest {

    @Test
    void findsTheBendOfAPiecewiseLinearCurve() {
        // throughput grows 1:1 up to 40 users, then by 0.1 per user
        double[] x = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] <= 40 ? x[i] : 40 + 0.1 * (x[i] - 40);
        }
        assertEquals(3, Kneedle.knee(x, y).getAsInt());
    }

    @Test
    void findsTheKneeOfASaturatingCurveBeforeItsPeak() {
        UslFit usl = new UslFit(0.03, 0.0001, 100, null, null, 1);
        double[] x = {1, 8, 16, 24, 32, 48, 64, 96, 128};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = usl.throughputAt(x[i]);
        }
        double knee = x[Kneedle.knee(x, y).getAsInt()];
        // the peak is at √(0.97/0.0001) ≈ 98; the bulge above the diagonal is flat between 32 (0.527) and
        // 48 (0.528): returns diminish there, well before the peak
        assertEquals(48, knee);
    }

    @Test
    void aStraightLineOrTooFewPointsHaveNoKnee() {
        assertFalse(Kneedle.knee(new double[] {10, 20, 30, 40}, new double[] {100, 200, 300, 400}).isPresent());
        assertFalse(Kneedle.knee(new double[] {10, 20}, new double[] {100, 150}).isPresent());
        // convex: accelerating growth is not diminishing returns
        assertFalse(Kneedle.knee(new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16}).isPresent());
    }
}
