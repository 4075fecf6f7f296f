package org.pmw.analysis.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UslFitterTest {

    /**
     * The Cisco benchmark in Baron Schwartz, "Practical Scalability Analysis with the Universal Scalability Law"
     * (VividCortex, 2015): throughput at concurrency 1..32.
     */
    static final double[] CISCO_X = {955.16, 1878.91, 2688.01, 3548.68, 4315.54, 5130.43, 5931.37, 6531.08, 7219.8,
            7867.61, 8278.71, 8646.7, 9047.84, 9426.55, 9645.37, 9897.24, 10097.6, 10240.5, 10532.39, 10798.52,
            11151.43, 11518.63, 11806, 12089.37, 12075.41, 12177.29, 12211.41, 12158.93, 12155.27, 12118.04,
            12140.4, 12074.39};
    static final double[] CISCO_N = IntStream.rangeClosed(1, 32).asDoubleStream().toArray();

    @Test
    void reproducesTheBooksCoefficientsOnTheCiscoData() {
        UslFit fit = UslFitter.fit(CISCO_N, CISCO_X).fit().orElseThrow();
        assertEquals(0.02671591, fit.sigma(), 0.02671591 * 0.001);
        assertEquals(7.690945e-4, fit.kappa(), 7.690945e-4 * 0.001);
        assertEquals(995.6486, fit.lambda(), 995.6486 * 0.001);
        // the book: peak at N≈35 with X≈12341
        assertEquals(35.57, fit.peakConcurrency(), 0.05);
        assertEquals(12341.7, fit.peakThroughput(), 12341.7 * 0.001);
        assertTrue(fit.r2() > 0.99, "R² " + fit.r2());
    }

    @Test
    void fewerThanFourLevelsIsRefusedWithTheReason() {
        UslFitter.Outcome outcome = UslFitter.fit(new double[] {10, 20, 50}, new double[] {100, 190, 300});
        assertFalse(outcome.fit().isPresent());
        assertTrue(outcome.refusal().contains("only 3 concurrency levels"), outcome.refusal());
        assertTrue(outcome.refusal().contains("at least 4"), outcome.refusal());
    }

    @Test
    void repeatedLevelsDoNotCountAsMoreLevels() {
        UslFitter.Outcome outcome = UslFitter.fit(new double[] {10, 10, 20, 20, 50},
                new double[] {100, 101, 190, 191, 300});
        assertFalse(outcome.fit().isPresent());
    }

    @Test
    void recoversTheCoefficientsOfAnExactCurve() {
        UslFit truth = new UslFit(0.05, 0.0002, 120, null, null, 1);
        double[] n = {1, 5, 10, 20, 40, 60, 80, 100};
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = truth.throughputAt(n[i]);
        }
        UslFit fit = UslFitter.fit(n, x).fit().orElseThrow();
        assertEquals(0.05, fit.sigma(), 1e-6);
        assertEquals(0.0002, fit.kappa(), 1e-8);
        assertEquals(120, fit.lambda(), 1e-4);
        assertEquals(Math.sqrt(0.95 / 0.0002), fit.peakConcurrency(), 1e-3);
        assertEquals(1, fit.r2(), 1e-9);
    }

    @Test
    void aFitWithNoContentionStillFindsTheBestCoherency() {
        // a JMeter run that collapses past N=50 (timeouts): the best fit has σ = 0, κ ≈ 0.000953, λ ≈ 16.68,
        // R² ≈ 0.8941 (checked with scipy.optimize.curve_fit under the same bounds)
        double[] n = {10, 20, 50, 100, 200};
        double[] x = {157.11, 228.11, 290.53, 130.05, 65.23};
        UslFit fit = UslFitter.fit(n, x).fit().orElseThrow();
        assertEquals(0, fit.sigma(), 1e-9);
        assertEquals(0.000953, fit.kappa(), 0.000002);
        assertEquals(16.68, fit.lambda(), 0.01);
        assertEquals(0.8941, fit.r2(), 0.0001);
    }
}
