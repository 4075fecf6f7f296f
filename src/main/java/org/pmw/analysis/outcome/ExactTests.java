package org.pmw.analysis.outcome;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Two-sided significance tests on counts. Two-sided p-values sum the probability of every outcome no more
 * likely than the observed one (the convention of R's binom.test and fisher.test), so they agree with the
 * figures statisticians usually quote.
 */
final class ExactTests {

    /** Outcomes within this relative distance of the observed probability count as "as likely". */
    private static final double REL_ERR = 1 + 1e-7;
    private static final double LOG_REL_ERR = Math.log(REL_ERR);

    private ExactTests() {
    }

    /** Two-sided exact binomial test of x successes in n trials against success probability p. */
    static double binomialTwoSided(long x, long n, double p) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("counts above " + Integer.MAX_VALUE + " are not supported");
        }
        if (p <= 0) {
            return x == 0 ? 1 : 0;
        }
        if (p >= 1) {
            return x == n ? 1 : 0;
        }
        BinomialDistribution dist = new BinomialDistribution(null, (int) n, p);
        double mean = n * p;
        if (x == mean) {
            return 1;
        }
        double threshold = dist.logProbability((int) x) + LOG_REL_ERR;
        double pValue;
        if (x < mean) {
            // the pmf does not increase on [ceil(mean), n]: find the first k there at most as likely as x
            long lo = (long) Math.ceil(mean);
            long hi = n;
            long first = n + 1;
            while (lo <= hi) {
                long mid = (lo + hi) >>> 1;
                if (dist.logProbability((int) mid) <= threshold) {
                    first = mid;
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            pValue = lowerTail(x, n, p) + upperTail(first, n, p);
        } else {
            // the pmf does not decrease on [0, floor(mean)]: find the last k there at most as likely as x
            long lo = 0;
            long hi = (long) Math.floor(mean);
            long last = -1;
            while (lo <= hi) {
                long mid = (lo + hi) >>> 1;
                if (dist.logProbability((int) mid) <= threshold) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            pValue = (last < 0 ? 0 : lowerTail(last, n, p)) + upperTail(x, n, p);
        }
        return Math.min(1, pValue);
    }

    /** P(X <= x) for X ~ Binomial(n, p), accurate in the far tail (no 1 - (1 - tiny)). */
    static double lowerTail(long x, long n, double p) {
        if (x < 0) {
            return 0;
        }
        if (x >= n) {
            return 1;
        }
        return Beta.regularizedBeta(1 - p, n - x, x + 1);
    }

    /** P(X >= k) for X ~ Binomial(n, p). */
    static double upperTail(long k, long n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        return Beta.regularizedBeta(p, k, n - k + 1);
    }

    /**
     * Fisher's exact test on the 2x2 table (a of n1) against (b of n2), two-sided. The support of the
     * hypergeometric distribution is at most min(a+b, n1+n2-a-b)+1 wide, so this is cheap whenever the
     * counts are small enough to need it.
     */
    static double fisherTwoSided(long a, long n1, long b, long n2) {
        long population = n1 + n2;
        long successes = a + b;
        if (population > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("counts above " + Integer.MAX_VALUE + " are not supported");
        }
        HypergeometricDistribution dist =
                new HypergeometricDistribution(null, (int) population, (int) successes, (int) n1);
        int lo = dist.getSupportLowerBound();
        int hi = dist.getSupportUpperBound();
        double threshold = dist.logProbability((int) a) + LOG_REL_ERR;
        double sum = 0;
        for (int k = lo; k <= hi; k++) {
            double logP = dist.logProbability(k);
            if (logP <= threshold) {
                sum += Math.exp(logP);
            }
        }
        return Math.min(1, sum);
    }

    /** Pooled two-proportion z-test, two-sided; 1 when both proportions are 0 or both are 1. */
    static double twoProportionZ(long a, long n1, long b, long n2) {
        double pooled = (double) (a + b) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1;
        }
        double z = ((double) b / n2 - (double) a / n1) / se;
        return Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z)));
    }
}
