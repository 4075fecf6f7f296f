package org.pmw.model;

/**
 * A picture as pixels, for the window to show without knowing how it was drawn: {@code argb} holds
 * {@code width * height} packed ARGB values, row by row from the top left.
 */
public record Bitmap(int width, int height, int[] argb) {

    public Bitmap {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " bitmap needs " + width * height
                    + " pixels, not " + argb.length);
        }
    }
}
