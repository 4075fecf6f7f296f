package org.pmw.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.loadtest.StepResult;
import org.pmw.analysis.loadtest.UslFit;
import org.pmw.model.Change;
import org.pmw.model.LaneDensity;
import org.pmw.model.Level;
import org.pmw.model.Marker;

/** The report's charts as inline SVG: no scripts, no fonts or images from anywhere. */
final class Charts {

    private static final String FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

    private Charts() {
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** Event density per source (errors red, warnings amber, the rest blue), change lines and incident markers. */
    static String overview(ReportData data) {
        LaneDensity d = data.overview();
        List<String> lanes = data.overviewLanes();
        int width = 900;
        int label = 170;
        int laneHeight = 22;
        // three rows of change labels above the lanes
        int top = 46;
        int height = top + lanes.size() * laneHeight + 30;
        double plot = width - label - 10;
        double bucketWidth = plot / d.buckets();
        long start = d.start();
        long span = d.bucketMillis() * d.buckets();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" ")
                .append(FONT).append(" font-size=\"11\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        long max = 1;
        for (long[][] counts : d.counts().values()) {
            for (int b = 0; b < d.buckets(); b++) {
                long sum = 0;
                for (long[] level : counts) {
                    sum += level[b];
                }
                max = Math.max(max, sum);
            }
        }
        for (int i = 0; i < lanes.size(); i++) {
            double y = top + i * laneHeight;
            svg.append("<rect x=\"").append(label).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(plot))
                    .append("\" height=\"").append(laneHeight).append("\" fill=\"").append(i % 2 == 0 ? "#f7f9fb" : "#ffffff")
                    .append("\"/>");
            svg.append("<text x=\"4\" y=\"").append(f(y + 15)).append("\" fill=\"#2d3640\">").append(esc(lanes.get(i)))
                    .append("</text>");
            long[][] counts = d.counts().get(lanes.get(i));
            if (counts == null) {
                continue;
            }
            for (int b = 0; b < d.buckets(); b++) {
                long errors = 0;
                long warnings = 0;
                long total = 0;
                for (int l = 0; l < counts.length; l++) {
                    total += counts[l][b];
                    if (l >= Level.ERROR.ordinal()) {
                        errors += counts[l][b];
                    } else if (l == Level.WARN.ordinal()) {
                        warnings += counts[l][b];
                    }
                }
                if (total == 0) {
                    continue;
                }
                double h = Math.max(1, (laneHeight - 4) * Math.log1p(total) / Math.log1p(max));
                double x = label + b * bucketWidth;
                double base = y + laneHeight - 2;
                double errorPart = h * errors / total;
                double warnPart = h * warnings / total;
                bar(svg, x, base - h, bucketWidth, h - errorPart - warnPart, "#6b8fb3");
                bar(svg, x, base - errorPart - warnPart, bucketWidth, warnPart, "#e0a030");
                bar(svg, x, base - errorPart, bucketWidth, errorPart, "#d9534f");
            }
        }
        double bottom = top + lanes.size() * laneHeight;
        LabelRows changeLabels = new LabelRows(3);
        for (Change c : data.incident().getChanges()) {
            if (c.startedAt() == null) {
                continue;
            }
            double x = label + (c.startedAt().toEpochMilli() - start) * plot / span;
            if (x < label || x > width - 10) {
                continue;
            }
            int row = changeLabels.place(x + 2, LabelRows.width(c.id(), 11));
            double labelY = top - 8 - row * 11;
            svg.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(f(row < 0 ? top - 6 : labelY + 2))
                    .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(f(bottom))
                    .append("\" stroke=\"#2e7d32\" stroke-width=\"1.2\"/>");
            if (row >= 0) {
                svg.append("<text x=\"").append(f(x + 2)).append("\" y=\"").append(f(labelY))
                        .append("\" fill=\"#2e7d32\">").append(esc(c.id())).append("</text>");
            }
        }
        for (Marker m : data.incident().getMarkers()) {
            double x = label + (m.at().toEpochMilli() - start) * plot / span;
            if (x < label || x > width - 10) {
                continue;
            }
            svg.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(f(bottom)).append("\" stroke=\"#7b1fa2\" stroke-dasharray=\"4,3\"/>");
        }
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("dd MMM HH:mm", Locale.ENGLISH);
        for (int t = 0; t <= 6; t++) {
            double x = label + plot * t / 6;
            long at = start + span * t / 6;
            // the first and last times end at the plot's edges instead of running off the picture
            String anchor = t == 0 ? "start" : t == 6 ? "end" : "middle";
            svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(bottom + 16))
                    .append("\" text-anchor=\"").append(anchor).append("\" fill=\"#56606b\">")
                    .append(esc(fmt.format(Instant.ofEpochMilli(at).atZone(data.zone())))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, double x, double y, double w, double h, String color) {
        if (h <= 0) {
            return;
        }
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
                .append(f(Math.max(0.6, w - 0.2))).append("\" height=\"").append(f(h)).append("\" fill=\"").append(color)
                .append("\"/>");
    }

    /** Throughput and p99 against concurrency, with the USL curve and the knee, N* and the onset of errors. */
    static String loadTest(RunAnalysis run) {
        int width = 900;
        int height = 300;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" ")
                .append(FONT).append(" font-size=\"11\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        List<StepResult> steps = run.steps();
        double maxN = steps.stream().mapToInt(StepResult::concurrency).max().orElse(1) * 1.1;
        double maxX = 1;
        double maxP = 1;
        for (StepResult s : steps) {
            if (s.throughput() != null && !s.throughput().isNaN()) {
                maxX = Math.max(maxX, s.throughput());
            }
            if (s.p99Ms() != null && !s.p99Ms().isNaN()) {
                maxP = Math.max(maxP, s.p99Ms());
            }
        }
        UslFit fit = run.saturation().usl();
        if (fit != null) {
            maxX = Math.max(maxX, fit.peakThroughput());
        }
        panel(svg, 50, 20, 380, 240, maxN, maxX * 1.1, "Throughput (req/s)");
        panel(svg, 510, 20, 380, 240, maxN, maxP * 1.1, "p99 latency (ms)");
        // throughput points and line
        StringBuilder line = new StringBuilder();
        for (StepResult s : steps) {
            if (s.throughput() == null || s.throughput().isNaN()) {
                continue;
            }
            double x = 50 + s.concurrency() / maxN * 380;
            double y = 260 - s.throughput() / (maxX * 1.1) * 240;
            line.append(line.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
            svg.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"#d35400\"/>");
        }
        svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#d35400\" stroke-width=\"1.5\"/>");
        LabelRows rows = new LabelRows(3);
        if (fit != null) {
            StringBuilder curve = new StringBuilder();
            for (int i = 0; i <= 60; i++) {
                double n = 1 + (maxN - 1) * i / 60.0;
                double x = 50 + n / maxN * 380;
                double y = 260 - fit.throughputAt(n) / (maxX * 1.1) * 240;
                curve.append(i == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
            }
            svg.append("<path d=\"").append(curve).append("\" fill=\"none\" stroke=\"#2e7d32\" stroke-dasharray=\"6,4\""
                    + " stroke-width=\"1.5\"/>");
            vertical(svg, rows, 50 + fit.peakConcurrency() / maxN * 380, "N*=" + Math.round(fit.peakConcurrency()),
                    "#2e7d32", maxN, fit.peakConcurrency());
        }
        Integer knee = run.saturation().kneeConcurrency();
        if (knee != null) {
            vertical(svg, rows, 50 + knee / maxN * 380, "knee " + knee, "#1565c0", maxN, knee);
        }
        Integer errors = run.saturation().errorsStartConcurrency();
        if (errors != null) {
            vertical(svg, rows, 50 + errors / maxN * 380, "errors " + errors, "#c62828", maxN, errors);
        }
        StringBuilder p99 = new StringBuilder();
        for (StepResult s : steps) {
            if (s.p99Ms() == null || s.p99Ms().isNaN()) {
                continue;
            }
            double x = 510 + s.concurrency() / maxN * 380;
            double y = 260 - s.p99Ms() / (maxP * 1.1) * 240;
            p99.append(p99.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
            svg.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"#6a1b9a\"/>");
        }
        svg.append("<path d=\"").append(p99).append("\" fill=\"none\" stroke=\"#6a1b9a\" stroke-width=\"1.5\"/>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static void vertical(StringBuilder svg, LabelRows rows, double x, String label, String color,
                                 double maxN, double n) {
        if (n <= 0 || n > maxN) {
            return;
        }
        svg.append("<line x1=\"").append(f(x)).append("\" y1=\"20\" x2=\"").append(f(x)).append("\" y2=\"260\" stroke=\"")
                .append(color).append("\" stroke-dasharray=\"3,3\"/>");
        int row = Math.max(0, rows.place(x + 3, LabelRows.width(label, 11)));
        svg.append("<text x=\"").append(f(x + 3)).append("\" y=\"").append(32 + row * 12).append("\" fill=\"")
                .append(color).append("\">").append(esc(label)).append("</text>");
    }

    private static void panel(StringBuilder svg, double x, double y, double w, double h, double maxN, double maxY,
                              String title) {
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"#fbfcfd\" stroke=\"#c8ced6\"/>");
        svg.append("<text x=\"").append(f(x + 4)).append("\" y=\"").append(f(y - 6)).append("\" fill=\"#2d3640\">")
                .append(esc(title)).append("</text>");
        for (int i = 0; i <= 4; i++) {
            double yy = y + h - h * i / 4;
            svg.append("<text x=\"").append(f(x - 4)).append("\" y=\"").append(f(yy + 4))
                    .append("\" text-anchor=\"end\" fill=\"#56606b\">").append(Math.round(maxY * i / 4)).append("</text>");
            double xx = x + w * i / 4;
            svg.append("<text x=\"").append(f(xx)).append("\" y=\"").append(f(y + h + 14))
                    .append("\" text-anchor=\"middle\" fill=\"#56606b\">").append(Math.round(maxN * i / 4)).append("</text>");
        }
        svg.append("<text x=\"").append(f(x + w / 2)).append("\" y=\"").append(f(y + h + 28))
                .append("\" text-anchor=\"middle\" fill=\"#56606b\">concurrent users (N)</text>");
    }
}
