package org.pmw.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of labels beside marks on a chart's axis: each label goes in the first row where it meets no label
 * placed before it, so marks close together ("knee 71" and "errors 71", changes C8 to C10 at 18:00) keep
 * readable labels instead of printing over each other.
 */
final class LabelRows {

    private final List<List<double[]>> rows = new ArrayList<>();

    LabelRows(int rows) {
        for (int i = 0; i < rows; i++) {
            this.rows.add(new ArrayList<>());
        }
    }

    /** The row for a label from {@code x} to {@code x + width}, or -1 when every row is taken there. */
    int place(double x, double width) {
        for (int row = 0; row < rows.size(); row++) {
            boolean free = true;
            for (double[] taken : rows.get(row)) {
                if (x < taken[1] + 3 && x + width > taken[0] - 3) {
                    free = false;
                    break;
                }
            }
            if (free) {
                rows.get(row).add(new double[] {x, x + width});
                return row;
            }
        }
        return -1;
    }

    /** About how wide {@code text} is drawn at {@code size} px in the charts' sans-serif font. */
    static double width(String text, double size) {
        return text.length() * size * 0.62;
    }
}
