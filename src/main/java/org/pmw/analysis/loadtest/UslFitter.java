package org.pmw.analysis.loadtest;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the Universal Scalability Law to (concurrency, throughput) points by nonlinear least squares
 * (Levenberg–Marquardt, commons-math3), starting from a linearised estimate: with λ taken as the best
 * throughput per user, N·λ/X − 1 = σ(N−1) + κN(N−1) is linear in σ and κ. σ is kept in [0, 1], κ ≥ 0 and λ > 0.
 */
public final class UslFitter {

    /** Fewer distinct concurrency levels than this cannot pin down three coefficients with any confidence. */
    public static final int MIN_LEVELS = 4;

    private UslFitter() {
    }

    /** The result of an attempted fit: the fit, or why there is none. */
    public record Outcome(Optional<UslFit> fit, String refusal) {
    }

    /**
     * @param concurrency the N of each point (positive)
     * @param throughput  the measured X of each point (positive), same length
     */
    public static Outcome fit(double[] concurrency, double[] throughput) {
        if (concurrency.length != throughput.length) {
            throw new IllegalArgumentException("concurrency and throughput differ in length");
        }
        long levels = Arrays.stream(concurrency).distinct().count();
        if (levels < MIN_LEVELS) {
            return new Outcome(Optional.empty(), "only " + levels + " concurrency level" + (levels == 1 ? "" : "s")
                    + " with a throughput; the USL fit needs at least " + MIN_LEVELS);
        }
        double[] start = initialGuess(concurrency, throughput);
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = optimise(model(concurrency, true), throughput, start);
        } catch (RuntimeException e) {
            // TooManyEvaluations, ConvergenceException: the points do not follow the law's shape
            return new Outcome(Optional.empty(), "the USL fit did not converge (" + e.getMessage() + ")");
        }
        if (optimum.getPoint().getEntry(0) == 0) {
            // held at the σ ≥ 0 bound, Levenberg–Marquardt stops short; the best fit along it is one of κ and λ
            try {
                LeastSquaresOptimizer.Optimum along = optimise(model(concurrency, false), throughput,
                        optimum.getPoint().toArray());
                if (along.getCost() < optimum.getCost()) {
                    optimum = along;
                }
            } catch (RuntimeException e) {
                // the first optimum stands
            }
        }
        RealVector p = optimum.getPoint();
        double sigma = p.getEntry(0);
        double kappa = p.getEntry(1);
        double lambda = p.getEntry(2);
        Double peakN = null;
        Double peakX = null;
        UslFit provisional = new UslFit(sigma, kappa, lambda, null, null, 0);
        if (kappa > 0 && sigma < 1) {
            peakN = Math.sqrt((1 - sigma) / kappa);
            peakX = provisional.throughputAt(peakN);
        } else if (sigma > 0) {
            peakX = lambda / sigma;
        }
        return new Outcome(Optional.of(new UslFit(sigma, kappa, lambda, peakN, peakX,
                rSquared(provisional, concurrency, throughput))), null);
    }

    /** The law and its Jacobian; without contention σ is held where it is (its column is zero). */
    private static MultivariateJacobianFunction model(double[] concurrency, boolean withContention) {
        return point -> {
            double sigma = point.getEntry(0);
            double kappa = point.getEntry(1);
            double lambda = point.getEntry(2);
            RealVector value = new ArrayRealVector(concurrency.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(concurrency.length, 3);
            for (int i = 0; i < concurrency.length; i++) {
                double n = concurrency[i];
                double d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
                value.setEntry(i, lambda * n / d);
                jacobian.setEntry(i, 0, withContention ? -lambda * n * (n - 1) / (d * d) : 0);
                jacobian.setEntry(i, 1, -lambda * n * n * (n - 1) / (d * d));
                jacobian.setEntry(i, 2, n / d);
            }
            return new Pair<>(value, jacobian);
        };
    }

    private static LeastSquaresOptimizer.Optimum optimise(MultivariateJacobianFunction model, double[] throughput,
                                                          double[] start) {
        return new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12)
                .withParameterRelativeTolerance(1e-12)
                .optimize(new LeastSquaresBuilder()
                        .model(model)
                        .target(throughput)
                        .start(start)
                        .parameterValidator(p -> {
                            p.setEntry(0, Math.min(1, Math.max(0, p.getEntry(0))));
                            p.setEntry(1, Math.max(0, p.getEntry(1)));
                            p.setEntry(2, Math.max(1e-12, p.getEntry(2)));
                            return p;
                        })
                        .maxEvaluations(10_000)
                        .maxIterations(10_000)
                        .build());
    }

    static double[] initialGuess(double[] n, double[] x) {
        double lambda = 0;
        for (int i = 0; i < n.length; i++) {
            lambda = Math.max(lambda, x[i] / n[i]);
        }
        // least squares of y = σ·a + κ·b with a = N−1, b = N(N−1), y = Nλ/X − 1
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (int i = 0; i < n.length; i++) {
            double a = n[i] - 1;
            double b = n[i] * (n[i] - 1);
            double y = n[i] * lambda / x[i] - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * y;
            sby += b * y;
        }
        double det = saa * sbb - sab * sab;
        double sigma = det != 0 ? (say * sbb - sby * sab) / det : 0.01;
        double kappa = det != 0 ? (sby * saa - say * sab) / det : 1e-4;
        return new double[] {Math.min(0.99, Math.max(1e-6, sigma)), Math.max(1e-9, kappa), lambda};
    }

    static double rSquared(UslFit fit, double[] n, double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < n.length; i++) {
            double e = x[i] - fit.throughputAt(n[i]);
            residual += e * e;
            total += (x[i] - mean) * (x[i] - mean);
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }
}
