package org.pmw.report;

import java.util.List;
import org.pmw.model.ReportDocument;

/**
 * One self-contained, well-formed XHTML file: inline CSS and SVG, no scripts, nothing loaded from anywhere.
 * Everything from the evidence or the user is escaped.
 */
final class HtmlRenderer {

    private static final String CSS = """
            body { font-family: 'DejaVu Sans', 'Droid Sans Fallback', Arial, sans-serif; font-size: 10.5pt; color: #1f2a33; margin: 2em; }
            h1 { font-size: 20pt; margin-bottom: 0.3em; }
            h2 { font-size: 14pt; border-bottom: 1px solid #c8ced6; padding-bottom: 2px; margin-top: 1.4em; }
            h3 { font-size: 12pt; margin-top: 1.1em; }
            h4 { font-size: 11pt; margin: 0.9em 0 0.3em 0; }
            table { border-collapse: collapse; margin: 0.5em 0 1em 0; width: 100%; table-layout: fixed; }
            th, td { border: 1px solid #d5dbe2; padding: 3px 5px; vertical-align: top; text-align: left; font-size: 9pt;
                     word-wrap: break-word; overflow-wrap: anywhere; }
            th { background: #eef1f4; }
            td.below { color: #56606b; font-style: italic; }
            tbody.with-prose { page-break-inside: avoid; }
            tr.prose td { border-top: none; padding: 2px 5px 5px 5px; }
            p, li, h1, h2, h3, h4 { word-wrap: break-word; overflow-wrap: anywhere; }
            tr { page-break-inside: avoid; }
            thead { display: table-header-group; }
            table { -fs-table-paginate: paginate; }
            h2, h3, h4 { page-break-after: avoid; }
            code { font-family: 'DejaVu Sans Mono', 'Droid Sans Fallback', monospace; font-size: 8.5pt; background: #f3f5f7; word-wrap: break-word; }
            .todo { border-left: 4px solid #e0a030; background: #fff8e6; padding: 4px 8px; }
            .chart { page-break-inside: avoid; margin: 0.5em 0; }
            .caption { color: #56606b; font-size: 9pt; }
            sup a { text-decoration: none; color: #2f6fb3; }
            .footnotes { font-size: 8.5pt; color: #3c4650; }
            .footnotes li { margin-bottom: 2px; word-wrap: break-word; }
            svg { max-width: 100%; height: auto; }
            @page { size: A4; margin: 16mm 14mm; }
            """;

    private HtmlRenderer() {
    }

    static String esc(String s) {
        return Charts.esc(s == null ? "" : s);
    }

    static String render(ReportDocument doc, String title) {
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                html.append("<h").append(h.level()).append('>').append(esc(h.text()))
                    .append("</h").append(h.level()).append('>');
            } else if (block instanceof ReportDocument.Para p) {
                html.append("<p>").append(spans(p.spans())).append("</p>");
            } else if (block instanceof ReportDocument.Placeholder p) {
                html.append("<p class=\"todo\"><strong>To write (").append(esc(p.section()))
                    .append("):</strong> ").append(esc(p.hint())).append("</p>");
            } else if (block instanceof ReportDocument.Chart c) {
                html.append("<div class=\"chart\">").append(c.svg()).append("<p class=\"caption\">")
                    .append(esc(c.caption())).append("</p></div>");
            } else if (block instanceof ReportDocument.Bullets b) {
                html.append("<ul>");
                for (List<ReportDocument.Span> item : b.items()) {
                    html.append("<li>").append(spans(item)).append("</li>");
                }
                html.append("</ul>");
            } else if (block instanceof ReportDocument.Table t) {
                table(html, t);
            }
        }
        if (!doc.footnotes().isEmpty()) {
            html.append("<h2>").append(esc(ReportDocument.FOOTNOTES_TITLE)).append("</h2><p class=\"caption\">")
                    .append(esc(ReportDocument.FOOTNOTES_NOTE)).append("</p><ol class=\"footnotes\">");
            for (int i = 0; i < doc.footnotes().size(); i++) {
                html.append("<li id=\"fn-").append(i + 1).append("\"><code>").append(esc(doc.footnotes().get(i)))
                        .append("</code></li>");
            }
            html.append("</ol>");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, ReportDocument.Table t) {
        html.append("<table>");
        // column widths follow the text they hold, so a fixed layout can still wrap long values; prose too long for
        // its column goes under its row across the whole table, so the widths are those of the rest
        boolean[][] proseBelow = t.proseBelow();
        double[] weight = t.withProseBelow().columnWeights();
        double sum = java.util.Arrays.stream(weight).sum();
        html.append("<colgroup>");
        for (double w : weight) {
            html.append("<col style=\"width: ").append(String.format(java.util.Locale.ROOT, "%.1f", 100 * w / sum))
                    .append("%\"/>");
        }
        html.append("</colgroup>");
        boolean headers = t.headers().stream().anyMatch(h -> !h.isEmpty());
        if (headers) {
            html.append("<thead><tr>");
            for (String h : t.headers()) {
                html.append("<th>").append(esc(h)).append("</th>");
            }
            html.append("</tr></thead>");
        }
        html.append("<tbody>");
        for (int r = 0; r < t.rows().size(); r++) {
            List<List<ReportDocument.Span>> row = t.rows().get(r);
            StringBuilder cells = new StringBuilder("<tr>");
            StringBuilder below = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                List<ReportDocument.Span> cell = row.get(c);
                if (proseBelow[r][c]) {
                    cells.append("<td class=\"below\">").append(esc(ReportDocument.Table.PROSE_BELOW)).append("</td>");
                    below.append("<tr class=\"prose\"><td colspan=\"").append(weight.length).append("\">");
                    if (!t.header(c).isEmpty()) {
                        below.append("<strong>").append(esc(t.header(c))).append(":</strong> ");
                    }
                    below.append(spans(cell)).append("</td></tr>");
                } else {
                    cells.append("<td>").append(spans(cell)).append("</td>");
                }
            }
            cells.append("</tr>");
            if (below.isEmpty()) {
                html.append(cells);
            } else {
                // a group of its own, so a page break does not part the row from its prose
                html.append("</tbody><tbody class=\"with-prose\">").append(cells).append(below).append("</tbody><tbody>");
            }
        }
        html.append("</tbody></table>");
    }

    private static String spans(List<ReportDocument.Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (ReportDocument.Span s : spans) {
            if (s instanceof ReportDocument.Text t) {
                sb.append(esc(t.text()));
            } else if (s instanceof ReportDocument.Strong t) {
                sb.append("<strong>").append(esc(t.text())).append("</strong>");
            } else if (s instanceof ReportDocument.Code c) {
                sb.append("<code>").append(esc(c.text())).append("</code>");
            } else if (s instanceof ReportDocument.Ref r) {
                sb.append("<sup><a href=\"#fn-").append(r.number()).append("\">").append(r.number())
                    .append("</a></sup>");
            }
        }
        return sb.toString();
    }
}
