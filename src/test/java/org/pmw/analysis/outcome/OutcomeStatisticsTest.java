package org.pmw.analysis.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OutcomeStatisticsTest {

    @Test
    void errorsStoppingAfterTheChangeIsASignificantDecrease() {
        // 120 errors in the hour before the 18:00 push, none in the two hours after
        OutcomeResult r = OutcomeStatistics.compareRates(120, 60, 0, 120);
        assertEquals(2.0, r.before().ratePerMin(), 1e-12);
        assertEquals(0.0, r.after().ratePerMin(), 1e-12);
        assertEquals(-100.0, r.changePct(), 1e-9);
        // under H0 the after count is Binomial(120, 120/180); P(0) = (1/3)^120 and nothing is less likely
        assertEquals(Math.pow(1.0 / 3, 120), r.pValue(), Math.pow(1.0 / 3, 120) * 1e-9);
        assertEquals(OutcomeStatistics.SIGNIFICANT_DECREASE, r.verdict());
        assertEquals(240.0, r.expectedAfter(), 1e-9);
        assertEquals(Math.exp(-240), r.pZeroAfter(), Math.exp(-240) * 1e-9);
        assertTrue(r.explanation().contains("No events in 120 minutes, expected 240 at the old rate"),
                r.explanation());
    }

    @Test
    void tenAgainstTwelveInEqualWindowsIsNoChange() {
        OutcomeResult r = OutcomeStatistics.compareRates(10, 60, 12, 60);
        // 2 * P(X >= 12) for X ~ Binomial(22, 1/2), summed by hand: 0.8318119049072266
        assertEquals(0.8318119049072266, r.pValue(), 1e-9);
        assertEquals(OutcomeStatistics.NO_CHANGE, r.verdict());
        assertEquals(20.0, r.changePct(), 1e-9);
        assertNull(r.pZeroAfter());
    }

    @Test
    void asymmetricTwoSidedPValuesSumEveryOutcomeNoMoreLikely() {
        // 33 before in 80 minutes, 7 after in 40 minutes: after share 1/3 of 40 events.
        // Reference values enumerate the whole binomial pmf (independent of the tail shortcuts).
        assertEquals(0.042544659705369615, OutcomeStatistics.compareRates(33, 80, 7, 40).pValue(), 1e-9);
        assertEquals(0.0022214337732293643, OutcomeStatistics.compareRates(10, 30, 30, 30).pValue(), 1e-9);
        assertEquals(OutcomeStatistics.SIGNIFICANT_INCREASE, OutcomeStatistics.compareRates(10, 30, 30, 30).verdict());
        assertEquals(0.00015652179718017578, OutcomeStatistics.compareRates(22, 10, 3, 10).pValue(), 1e-12);
    }

    @Test
    void shortOrEmptyWindowsGetAnExplanationInsteadOfANumber() {
        OutcomeResult shortAfter = OutcomeStatistics.compareRates(100, 60, 0, 3);
        assertEquals(OutcomeStatistics.INSUFFICIENT_DATA, shortAfter.verdict());
        assertNull(shortAfter.pValue());
        assertNull(shortAfter.changePct());
        assertEquals("the after window is 3 minutes long; at least 5 minutes are needed to compare rates",
                shortAfter.explanation());

        OutcomeResult empty = OutcomeStatistics.compareRates(0, 60, 0, 60);
        assertEquals(OutcomeStatistics.INSUFFICIENT_DATA, empty.verdict());
        assertNull(empty.pValue());
        assertTrue(empty.explanation().startsWith("no events in either window"), empty.explanation());
    }

    @Test
    void eventsAppearingFromNothingHaveNoRelativeChange() {
        OutcomeResult r = OutcomeStatistics.compareRates(0, 60, 15, 60);
        assertNull(r.changePct());
        assertEquals(OutcomeStatistics.SIGNIFICANT_INCREASE, r.verdict());
        assertEquals(Math.pow(0.5, 15) * 2, r.pValue(), 1e-12);
        assertTrue(r.explanation().contains("relative change is undefined"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutcomeStatistics.compareRates(-1, 60, 0, 60));
        assertThrows(IllegalArgumentException.class, () -> OutcomeStatistics.compareRates(1, Double.NaN, 0, 60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutcomeStatistics.compareRatios(5, 4, 0, 10));
        assertTrue(e.getMessage().contains("cannot exceed"));
    }

    @Test
    void smallRatiosUseFishersExactTest() {
        // the lady tasting tea: 3 of 4 against 1 of 4, two-sided p = 34/70
        OutcomeResult r = OutcomeStatistics.compareRatios(3, 4, 1, 4);
        assertEquals(OutcomeStatistics.FISHER_TEST, r.test());
        assertEquals(34.0 / 70, r.pValue(), 1e-9);
        assertEquals(OutcomeStatistics.NO_CHANGE, r.verdict());
        assertEquals(-66.66666666666667, r.changePct(), 1e-9);
    }

    @Test
    void largeRatiosUseTheTwoProportionZTest() {
        // 10% errors before, 5% after, 1000 requests each: z = -4.2448, p = 2.18824e-5
        OutcomeResult r = OutcomeStatistics.compareRatios(100, 1000, 60.0, 50, 1000, 60.0);
        assertEquals(OutcomeStatistics.Z_TEST, r.test());
        assertEquals(2.1882399336140217e-05, r.pValue(), 1e-10);
        assertEquals(OutcomeStatistics.SIGNIFICANT_DECREASE, r.verdict());
        assertEquals(0.1, r.before().ratio(), 1e-12);
        assertEquals(100 / 60.0, r.before().ratePerMin(), 1e-12);
        assertEquals(-50.0, r.changePct(), 1e-9);
    }

    @Test
    void noErrorsAfterAmongManyRequestsSaysHowUnlikelyThatWas() {
        OutcomeResult r = OutcomeStatistics.compareRatios(40, 2000, 0, 1500);
        assertEquals(Math.pow(0.98, 1500), r.pZeroAfter(), 1e-20);
        assertEquals(30.0, r.expectedAfter(), 1e-9);
        assertEquals(OutcomeStatistics.SIGNIFICANT_DECREASE, r.verdict());
        assertTrue(r.explanation().contains("No matching events among 1500 after, expected 30 at the old ratio"));
        assertTrue(OutcomeStatistics.compareRatios(3, 1_000_000, 0, 900_000).explanation()
                .startsWith("3 of 1000000 (0.000300%) before, 0 of 900000 (0.00%) after"));
    }

    @Test
    void theChanceOfNothingAfterReadsAsASentence() {
        // the sample's figures come out below 1e-300 ("is < 1e-300"); a smaller incident's do not
        String rates = OutcomeStatistics.compareRates(250, 600, 0, 150).explanation();
        assertTrue(rates.contains("expected 62.50 at the old rate; the chance of that is 7.2e-28 (Poisson P(0)"), rates);
        String ratios = OutcomeStatistics.compareRatios(40, 2000, 0, 1500).explanation();
        assertTrue(ratios.contains("at the old ratio; the chance of that is 6.9e-14."), ratios);
        assertTrue(OutcomeStatistics.compareRates(4161, 600, 0, 150).explanation()
                .contains("the chance of that is < 1e-300"));
    }

    @Test
    void emptyDenominatorIsInsufficientData() {
        OutcomeResult r = OutcomeStatistics.compareRatios(3, 100, 0, 0);
        assertEquals(OutcomeStatistics.INSUFFICIENT_DATA, r.verdict());
        assertNull(r.pValue());
        assertTrue(r.explanation().contains("the after window"));
    }

    @Test
    void jsonHasTheDocumentedSnakeCaseKeys() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(OutcomeStatistics.compareRates(120, 60, 0, 120));
        assertEquals(120, json.at("/before/count").asLong());
        assertEquals(60.0, json.at("/before/minutes").asDouble());
        assertEquals(2.0, json.at("/before/rate_per_min").asDouble());
        assertEquals(0, json.at("/after/count").asLong());
        assertEquals(120.0, json.at("/after/minutes").asDouble());
        assertEquals(0.0, json.at("/after/rate_per_min").asDouble());
        assertEquals(-100.0, json.get("change_pct").asDouble());
        assertTrue(json.get("p_value").asDouble() < 1e-50);
        assertEquals("significant decrease", json.get("verdict").asText());
        assertTrue(json.get("explanation").asText().length() > 20);
        // insufficient data keeps the keys, with nulls, so scripts need not guess
        JsonNode empty = new ObjectMapper().valueToTree(OutcomeStatistics.compareRates(0, 60, 0, 60));
        assertTrue(empty.has("p_value") && empty.get("p_value").isNull());
        OutcomeResult back = new ObjectMapper().treeToValue(json, OutcomeResult.class);
        assertEquals(OutcomeStatistics.compareRates(120, 60, 0, 120), back);
    }
}
