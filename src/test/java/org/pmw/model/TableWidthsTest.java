package org.pmw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a report's table shares a page's width among its columns. */
class TableWidthsTest {

    private static List<ReportDocument.Span> cell(String text) {
        return List.of(new ReportDocument.Text(text));
    }

    @Test
    void aShortColumnBesideLongOnesKeepsItsWordsWhole() {
        String window = "38 in 120 min = 0.317/min (2005-10-10 16:00 – 2005-10-10 18:00)";
        ReportDocument.Table outcomes = new ReportDocument.Table(
                List.of("Outcome", "Metric", "Before", "After", "Change", "p", "Verdict"),
                List.of(List.of(cell("O1 Segfaults after the push"), cell("segmentation fault per minute"),
                        cell(window), cell(window), cell("+163.2%"), cell("1.29e-07"), cell("significant increase"))));
        double[] weight = outcomes.columnWeights();
        double sum = java.util.Arrays.stream(weight).sum();
        double changeChars = ReportDocument.LINE_CHARS * weight[4] / sum;
        double pChars = ReportDocument.LINE_CHARS * weight[5] / sum;
        assertTrue(changeChars >= "+163.2%".length(), "Change gets " + changeChars + " characters");
        assertTrue(pChars >= "1.29e-07".length(), "p gets " + pChars + " characters");
        assertTrue(weight[2] > weight[4], "the long windows still get more room");
    }

    @Test
    void aTableThatFitsTheLineIsAsWideAsItsText() {
        ReportDocument.Table small = new ReportDocument.Table(List.of("Id", "What"),
                List.of(List.of(cell("C1"), cell("Release 1.14.2"))));
        double[] weight = small.columnWeights();
        assertEquals(7, weight[0], 1e-9, "at least seven characters");
        assertEquals(14, weight[1], 1e-9, "its text");
    }
}
