package org.pmw.app;

import java.util.ArrayList;
import java.util.List;
import org.pmw.analysis.loadtest.LoadTestAnalysis;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.loadtest.StepResult;
import org.pmw.analysis.loadtest.UslFit;
import org.pmw.model.LoadTestRun;

/** What the window draws for a load-test run: measured steps, the fitted USL curve and the marked points. */
public final class LoadTestCharts {

    private LoadTestCharts() {
    }

    /** One measured concurrency level. NaN where the tool did not report the figure. */
    public record Point(int concurrency, double throughput, double p99Ms, double errorRate) {
    }

    /**
     * @param curve     the USL throughput at evenly spaced N, or empty when no fit could be made
     * @param knee      where returns start to diminish, or null
     * @param peak      N* of the USL fit, or null
     * @param errorsAt  the first step where errors break away, or null
     */
    public record Chart(String runId, String name, String format, List<Point> steps, List<double[]> curve,
                        Integer knee, Double peak, Double peakThroughput, Integer errorsAt, String summary,
                        String fitNote, Double fitR2) {

        /** Below this R² the USL curve describes the run too loosely for its N* to be read off it. */
        public static final double GOOD_FIT = 0.9;

        /** Whether a fit was made but follows the measured steps too loosely to trust its N*. */
        public boolean poorFit() {
            return fitR2 != null && fitR2 < GOOD_FIT;
        }
    }

    public static Chart of(LoadTestRun run) {
        RunAnalysis analysis = LoadTestAnalysis.analyse(run);
        List<Point> points = new ArrayList<>();
        int maxN = 1;
        for (StepResult s : analysis.steps()) {
            points.add(new Point(s.concurrency(), orNaN(s.throughput()), orNaN(s.p99Ms()),
                    orNaN(s.errorRate())));
            maxN = Math.max(maxN, s.concurrency());
        }
        UslFit fit = analysis.saturation().usl();
        List<double[]> curve = new ArrayList<>();
        if (fit != null) {
            for (int i = 0; i <= 60; i++) {
                double n = 1 + (maxN * 1.1 - 1) * i / 60.0;
                curve.add(new double[] {n, fit.throughputAt(n)});
            }
        }
        return new Chart(run.id(), run.name(), run.format(), points, curve, analysis.saturation().kneeConcurrency(),
                fit == null ? null : fit.peakConcurrency(), fit == null ? null : fit.peakThroughput(),
                analysis.saturation().errorsStartConcurrency(), analysis.saturation().summary(),
                fit == null ? analysis.saturation().uslRefused()
                        : String.format(java.util.Locale.ROOT, "USL fit: σ=%.4f κ=%.2e λ=%.1f, R²=%.3f", fit.sigma(),
                        fit.kappa(), fit.lambda(), fit.r2()), fit == null ? null : fit.r2());
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
