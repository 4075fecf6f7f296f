package org.pmw.ui.patterns;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A tiny bar chart of a pattern's counts per bucket. */
final class Sparkline extends Canvas {

    Sparkline(long[] counts, double width, double height) {
        super(width, height);
        GraphicsContext g = getGraphicsContext2D();
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double w = width / Math.max(1, counts.length);
        g.setFill(Color.web("#5b7fa6"));
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                double h = Math.max(1, height * Math.log1p(counts[i]) / Math.log1p(max));
                g.fillRect(i * w, height - h, Math.max(1, w - 0.3), h);
            }
        }
    }
}
