package org.pmw.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.model.ReportDocument;

/** How a report's table is written in HTML, which the PDF is rendered from. */
class HtmlTableTest {

    private static List<ReportDocument.Span> cell(String text) {
        return List.of(new ReportDocument.Text(text));
    }

    @Test
    void longProseIsWrittenAcrossTheWholeTableUnderItsRow() {
        String statement = "the worker children crashed under load ".repeat(80).strip();
        ReportDocument doc = new ReportDocument();
        doc.add(new ReportDocument.Table(List.of("Id", "Hypothesis", "Final status", "Evidence for", "Evidence against",
                "Decided by"), List.of(List.of(cell("H1"), cell("One Xen VM misbehaves"), cell("refuted"), cell(""),
                        cell("S3 Segfaults"), cell("E1 (refutes)")),
                List.of(cell("H2"), cell(statement), cell("open"), cell(""), cell(""), cell("")))));
        String html = HtmlRenderer.render(doc, "t");
        assertTrue(html.contains("<tr><td>H2</td><td class=\"below\">(below)</td><td>open</td>"), html);
        assertTrue(html.contains("<tr class=\"prose\"><td colspan=\"6\"><strong>Hypothesis:</strong> " + statement
                + "</td></tr>"), html);
        // the short statement keeps its cell, and the columns are shared by what stays in the rows: the statement's
        // column no wider than the evidence beside it
        assertTrue(html.contains("<td>One Xen VM misbehaves</td>"), html);
        java.util.regex.Matcher col = java.util.regex.Pattern.compile("<col style=\"width: ([0-9.]+)%\"/>").matcher(html);
        List<Double> widths = new java.util.ArrayList<>();
        while (col.find()) {
            widths.add(Double.parseDouble(col.group(1)));
        }
        assertEquals(6, widths.size(), html);
        assertTrue(widths.get(1) < widths.get(4), "Hypothesis " + widths.get(1) + "%, Evidence against " + widths.get(4) + "%");
    }
}
