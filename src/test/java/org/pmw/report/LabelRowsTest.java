package org.pmw.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelRowsTest {

    @Test
    void labelsThatWouldMeetGoInTheNextRowAndTheRestStayInTheFirst() {
        LabelRows rows = new LabelRows(3);
        double knee = LabelRows.width("knee 71", 11);
        assertEquals(0, rows.place(322, knee), "the knee at N=71");
        assertEquals(1, rows.place(322, LabelRows.width("errors 71", 11)), "errors at the same N: a row down");
        assertEquals(2, rows.place(330, LabelRows.width("N*=79", 11)), "N* just after: a third row");
        assertEquals(-1, rows.place(325, 20), "no row left there");
        assertEquals(0, rows.place(322 + knee + 10, 30), "clear of the knee's label: the first row again");
    }
}
