package org.pmw.analysis.outcome;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The measured effect of a change on one metric. Numbers that cannot be given honestly (an empty or too
 * short window, a zero baseline) are null, and {@code explanation} says why.
 *
 * @param metric       "rate" (events per minute) or "ratio" (numerator / denominator events)
 * @param test         the test behind {@code pValue}, or null when none was run
 * @param changePct    relative change of the rate (or ratio) in percent, after against before
 * @param pValue       two-sided p-value of "the rate (ratio) did not change"
 * @param verdict      one of {@link OutcomeStatistics#SIGNIFICANT_DECREASE}, ..._INCREASE, NO_CHANGE,
 *                     INSUFFICIENT_DATA
 * @param expectedAfter events expected in the after window at the before rate (ratio), or null
 * @param pZeroAfter   when nothing was counted after: the chance of that at the before rate, else null
 */
@JsonPropertyOrder({"metric", "before", "after", "change_pct", "p_value", "test", "verdict", "expected_after",
        "p_zero_after", "explanation"})
public record OutcomeResult(
        @JsonProperty("metric") String metric,
        @JsonProperty("before") WindowStats before,
        @JsonProperty("after") WindowStats after,
        @JsonProperty("change_pct") Double changePct,
        @JsonProperty("p_value") Double pValue,
        @JsonProperty("test") String test,
        @JsonProperty("verdict") String verdict,
        @JsonProperty("expected_after") Double expectedAfter,
        @JsonProperty("p_zero_after") Double pZeroAfter,
        @JsonProperty("explanation") String explanation) {
}
