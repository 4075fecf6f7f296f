package org.pmw.analysis.outcome;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What was counted in one window (before or after a change).
 *
 * @param count       events matching the metric's query (for a ratio: its numerator)
 * @param minutes     length of the window in minutes, or null when the caller gave none (ratios)
 * @param ratePerMin  count per minute, or null without a length
 * @param denominator for an error ratio, the events the ratio is taken of; null for a rate
 * @param ratio       count / denominator, or null for a rate or an empty denominator
 */
@JsonPropertyOrder({"count", "minutes", "rate_per_min", "denominator", "ratio"})
public record WindowStats(
        @JsonProperty("count") long count,
        @JsonProperty("minutes") Double minutes,
        @JsonProperty("rate_per_min") Double ratePerMin,
        @JsonProperty("denominator") Long denominator,
        @JsonProperty("ratio") Double ratio) {

    static WindowStats ofRate(long count, double minutes) {
        return new WindowStats(count, minutes, minutes > 0 ? count / minutes : null, null, null);
    }

    static WindowStats ofRatio(long numerator, long denominator, Double minutes) {
        Double rate = minutes != null && minutes > 0 ? numerator / minutes : null;
        Double ratio = denominator > 0 ? (double) numerator / denominator : null;
        return new WindowStats(numerator, minutes, rate, denominator, ratio);
    }
}
