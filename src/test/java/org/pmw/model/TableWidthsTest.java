package org.pmw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static ReportDocument.Table hypotheses(String statement) {
        return new ReportDocument.Table(
                List.of("Id", "Hypothesis", "Final status", "Evidence for", "Evidence against", "Decided by"),
                List.of(List.of(cell("H1"), cell("One Xen VM misbehaves"), cell("refuted"), cell(""),
                                cell("S3 Segfaults (spread evenly over web1, web2 and web3)"), cell("E1 (refutes)")),
                        List.of(cell("H2"), cell(statement), cell("open"), cell(""), cell(""), cell(""))));
    }

    @Test
    void aLongStatementBesideFiveColumnsGoesUnderItsRow() {
        String statement = "the worker children crashed under load ".repeat(80);
        ReportDocument.Table table = hypotheses(statement);
        double[] weight = table.columnWeights();
        double statementChars = ReportDocument.LINE_CHARS * weight[1] / java.util.Arrays.stream(weight).sum();
        assertTrue(statement.length() / statementChars > 50, "in its cell it would run " + statement.length()
                / statementChars + " lines");
        boolean[][] below = table.proseBelow();
        assertTrue(below[1][1], "the long statement is written under its row");
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(r == 1 && c == 1, below[r][c], "cell " + r + "," + c);
            }
        }
        ReportDocument.Table inRows = table.withProseBelow();
        assertEquals(cell(ReportDocument.Table.PROSE_BELOW), inRows.rows().get(1).get(1));
        assertEquals(cell("One Xen VM misbehaves"), inRows.rows().get(0).get(1));
    }

    @Test
    void aFewLinesInAWideColumnStayInTheirCell() {
        // a timeline's status change with its reason: five lines of the widest column read well where they are
        String reason = "H2 testing → refuted: Database timeout or connection leak in MySQL — MySQL is nowhere near its"
                + " memory limit; connections pile up only while the web tier is overloaded (root)";
        ReportDocument.Table timeline = new ReportDocument.Table(List.of("America/New_York", "UTC", "Kind", "What"),
                List.of(List.of(cell("2005-10-10 12:25"), cell("16:25Z"), cell("status change"), cell(reason)),
                        List.of(cell("2005-10-10 12:40"), cell("16:40Z"), cell("change"), cell("Release 1.14.2"))));
        assertFalse(timeline.proseBelow()[0][3]);
    }

    @Test
    void codeAndFootnotesStayInTheirCellHoweverLong() {
        // evidence quotes log lines and commands: cut from its row it would lose the column that says what it is
        List<ReportDocument.Span> evidence = List.of(new ReportDocument.Code("db1_mysql-status.txt:11"),
                new ReportDocument.Text(" mysqladmin variables ".repeat(30)), new ReportDocument.Ref(3));
        ReportDocument.Table table = new ReportDocument.Table(List.of("Id", "Evidence"),
                List.of(List.of(cell("H1"), evidence)));
        assertFalse(table.proseBelow()[0][1]);
    }
}

