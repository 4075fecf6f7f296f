package org.pmw.sample;

import java.util.Random;

/**
 * What goes wrong once concurrency passes the threshold, as a function of the overload ratio
 * x = concurrency / threshold. Below 1 nothing fails; above it the failure rates rise with x.
 * Production logs, the ab runs and the JMeter run all use this one model, so they agree.
 */
final class FailureModel {

    private FailureModel() {
    }

    static double overload(double concurrency, double threshold) {
        return concurrency / threshold;
    }

    /** Chance that a PHP request finds MySQL out of connections (503 from the app). */
    static double tooManyConnections(double x) {
        return x <= 1 ? 0 : Math.min(0.40, 1.0 * (x - 1));
    }

    /** Chance that a PHP request loses its MySQL connection mid-query (500). */
    static double lostConnection(double x) {
        return x <= 1 ? 0 : Math.min(0.12, 0.25 * (x - 1));
    }

    /** Expected Apache child segfaults per web VM per minute (the race in shared app state). */
    static double segfaultsPerMinute(double x) {
        return x <= 1 ? 0 : 3.0 * (x - 1);
    }

    /** Poisson draw; normal approximation for large means keeps big scales fast. */
    static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
