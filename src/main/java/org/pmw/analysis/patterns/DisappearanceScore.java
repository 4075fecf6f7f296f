package org.pmw.analysis.patterns;

/**
 * How much a pattern fell in the window after a change compared with the window before it. Rates are per
 * minute.
 *
 * @param dropFactor           beforeRate / afterRate ({@code Infinity} when the pattern is gone)
 * @param dropFactorEstimate   median-unbiased estimate of the drop factor, finite for gone patterns
 * @param dropFactorLowerBound one-sided 95% lower confidence bound of the drop factor
 * @param pValue               one-sided p-value of "the after rate is no lower than the before rate"
 * @param gone                 the pattern did not occur at all after the change
 * @param dropped              the fall is significant after a Bonferroni correction over all ranked patterns
 *                             and the rate at least halved
 */
public record DisappearanceScore(String patternId, long beforeCount, long afterCount, double beforeRate,
                                 double afterRate, double dropFactor, double dropFactorEstimate,
                                 double dropFactorLowerBound, double pValue, boolean gone, boolean dropped) {
}
