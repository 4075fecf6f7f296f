package org.pmw.analysis.patterns;

import java.time.Instant;
import java.util.List;

/**
 * How closely a pattern surge follows one change.
 *
 * @param score           {@code log2(ratioLowerBound) * exp(-delay / horizon)} of the strongest surge, 0 if none
 * @param patternId       pattern with the strongest surge, or null
 * @param ratioLowerBound 95% lower bound of its rate ratio (after / before the change)
 * @param pValue          one-sided p-value of its rise
 * @param delayMillis     from the change to the first bucket in which that pattern exceeded its usual count
 * @param surging         every pattern that surged after the change (strongest first)
 */
public record ChangeCorrelationScore(String changeId, Instant changeTime, double score, String patternId,
                                     double ratioLowerBound, double pValue, long delayMillis,
                                     List<String> surging) {

    public ChangeCorrelationScore {
        surging = List.copyOf(surging);
    }
}
