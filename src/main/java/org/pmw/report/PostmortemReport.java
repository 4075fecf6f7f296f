package org.pmw.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.pmw.model.Bitmap;
import org.pmw.model.ReportDocument;

/** Renders the postmortem of a project in Markdown, HTML or PDF. */
public final class PostmortemReport {

    /** Output formats. */
    public enum Format {
        MD, HTML, PDF;

        public static Format of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown report format '" + name + "' (md, html or pdf)");
            }
        }
    }

    private PostmortemReport() {
    }

    /**
     * @param finalVersion refuse when prose sections are still empty (the message lists them)
     */
    public static byte[] render(ReportData data, Format format, Template template, boolean finalVersion)
            throws IOException {
        ReportDocument doc = ReportBuilder.build(data, template, finalVersion);
        return switch (format) {
            case MD -> MarkdownRenderer.render(doc).getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(doc, data.incident().getTitle()).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(HtmlRenderer.render(doc, data.incident().getTitle()));
        };
    }

    /** The report as a document, for a renderer of its own (the window's preview). */
    public static ReportDocument document(ReportData data, Template template) {
        return ReportBuilder.build(data, template, false);
    }

    /** {@code doc} in Markdown, as {@link #render} writes it. */
    public static String markdown(ReportDocument doc) {
        return MarkdownRenderer.render(doc);
    }

    /** A chart of {@link ReportDocument.Chart} drawn {@code width} pixels wide. */
    public static Bitmap chart(String svg, int width) throws IOException {
        return ChartRaster.draw(svg, width);
    }

    /** The sections still to be written, for a warning before a final export. */
    public static List<String> missingSections(ReportData data, Template template) {
        return ReportBuilder.build(data, template, false).missing();
    }

    /** Fonts with Greek and mathematical signs, where the system has them (Debian's fonts-dejavu-core). */
    private static final java.util.Map<String, String> FONTS = java.util.Map.of(
            "DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "DejaVu Sans Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");

    private static final String FALLBACK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    private static byte[] pdf(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        boolean fonts = true;
        for (var font : FONTS.entrySet()) {
            java.io.File file = new java.io.File(font.getValue());
            if (file.isFile()) {
                builder.useFont(file, font.getKey());
            } else {
                fonts = false;
            }
        }
        if (!fonts) {
            // the PDF's built-in fonts have no Greek letters: spell the few the analysis writes
            xhtml = xhtml.replace("σ", "sigma").replace("κ", "kappa").replace("λ", "lambda").replace("−", "-")
                    .replace("×", "x").replace("²", "^2").replace("≈", "~").replace("✓", "v").replace("★", "*");
        }
        // Chinese, Japanese and Korean, which DejaVu lacks (Debian's fonts-droid-fallback): the CSS lists it after
        // DejaVu, and the renderer takes each character from the first font that has it
        java.io.File fallback = new java.io.File(FALLBACK_FONT);
        if (fallback.isFile()) {
            builder.useFont(fallback, "Droid Sans Fallback");
        }
        builder.useSVGDrawer(new BatikSVGDrawer());
        // the renderer's progress notes and CSS remarks are not the user's business: only errors are kept
        java.util.List<String> problems = new java.util.ArrayList<>();
        builder.withDiagnosticConsumer(d -> {
            if (d.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                problems.add(d.getFormattedMessage());
            }
        });
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        // PDFBox warns through java.util.logging for every standard font it substitutes (the report embeds its own),
        // and the renderer logs its progress besides handing it to the consumer above
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        builder.run();
        problems.forEach(p -> System.err.println("pdf: " + p));
        return out.toByteArray();
    }
}
