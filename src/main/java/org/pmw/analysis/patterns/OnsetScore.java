package org.pmw.analysis.patterns;

/**
 * How much a pattern rose in a window compared with a baseline before it. Rates are per minute.
 *
 * @param ratio           windowRate / baselineRate ({@code Infinity} when the pattern is new)
 * @param ratioEstimate   median-unbiased estimate of the rate ratio, finite for new patterns
 * @param ratioLowerBound one-sided 95% lower confidence bound of the rate ratio
 * @param pValue          one-sided p-value of "the window rate is no higher than the baseline rate"
 * @param isNew           the pattern never occurred in the baseline
 * @param spiking         the rise is significant after a Bonferroni correction over all ranked patterns and the
 *                        rate at least doubled
 */
public record OnsetScore(String patternId, long baselineCount, long windowCount, double baselineRate,
                         double windowRate, double ratio, double ratioEstimate, double ratioLowerBound,
                         double pValue, boolean isNew, boolean spiking) {
}
