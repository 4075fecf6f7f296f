package org.pmw.ui.patterns;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A tiny bar chart of a pattern's counts per bucket, drawn at whatever width its cell gives it: a fixed-width
 * drawing in a narrower column would lose its right end, where an incident's buckets usually are.
 */
final class Sparkline extends Region {

    private final long[] counts;
    private final Canvas canvas = new Canvas();

    Sparkline(long[] counts, double height) {
        this.counts = counts;
        getChildren().add(canvas);
        setMinSize(10, height);
        setPrefHeight(height);
        setMaxHeight(height);
    }

    @Override
    protected void layoutChildren() {
        double width = Math.floor(getWidth());
        double height = Math.floor(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            draw(width, height);
        }
    }

    private void draw(double width, double height) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
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
