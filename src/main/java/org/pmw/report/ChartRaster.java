package org.pmw.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.pmw.model.Bitmap;

/** Draws a report chart (SVG, as the HTML and PDF exports carry it) into pixels, with Batik as the PDF does. */
final class ChartRaster {

    private ChartRaster() {
    }

    /** The chart scaled to {@code width} pixels, its height in proportion. */
    static Bitmap draw(String svg, int width) throws IOException {
        BufferedImage[] drawn = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int w, int h) {
                return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                drawn[0] = image;
            }
        };
        transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) width);
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), null);
        } catch (TranscoderException e) {
            throw new IOException("the chart could not be drawn: " + e.getMessage(), e);
        }
        BufferedImage image = drawn[0];
        if (image == null) {
            throw new IOException("the chart could not be drawn: Batik returned no image");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        return new Bitmap(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }
}
