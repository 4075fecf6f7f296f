package org.pmw.report;

import java.util.List;
import org.pmw.model.ReportDocument;

/** GitHub-flavoured Markdown: pipes and newlines in cells cannot break a table; footnotes as [^n]. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(ReportDocument doc) {
        StringBuilder md = new StringBuilder();
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Para p) {
                md.append(spans(p.spans())).append("\n\n");
            } else if (block instanceof ReportDocument.Placeholder p) {
                md.append("> **TO WRITE (").append(inline(p.section())).append("):** ")
                    .append(inline(p.hint())).append("\n\n");
            } else if (block instanceof ReportDocument.Chart c) {
                md.append("*Chart: ").append(inline(c.caption()))
                    .append(" (drawn in the HTML and PDF versions of this report).*\n\n");
            } else if (block instanceof ReportDocument.Bullets b) {
                for (List<ReportDocument.Span> item : b.items()) {
                    md.append("- ").append(spans(item)).append('\n');
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Table t) {
                table(md, t);
            }
        }
        if (!doc.footnotes().isEmpty()) {
            for (int i = 0; i < doc.footnotes().size(); i++) {
                md.append("[^").append(i + 1).append("]: `").append(doc.footnotes().get(i).replace("`", "'")).append("`\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, ReportDocument.Table t) {
        md.append('|');
        for (String h : t.headers()) {
            md.append(' ').append(cell(h.isEmpty() ? " " : h)).append(" |");
        }
        md.append("\n|");
        for (int i = 0; i < t.headers().size(); i++) {
            md.append("---|");
        }
        md.append('\n');
        for (List<List<ReportDocument.Span>> row : t.rows()) {
            md.append('|');
            for (List<ReportDocument.Span> c : row) {
                md.append(' ').append(cellSpans(c)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String spans(List<ReportDocument.Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (ReportDocument.Span s : spans) {
            if (s instanceof ReportDocument.Text t) {
                sb.append(inline(t.text()));
            } else if (s instanceof ReportDocument.Strong t) {
                sb.append("**").append(inline(t.text())).append("**");
            } else if (s instanceof ReportDocument.Code c) {
                sb.append(code(c.text()));
            } else if (s instanceof ReportDocument.Ref r) {
                sb.append("[^").append(r.number()).append(']');
            }
        }
        return sb.toString();
    }

    private static String cellSpans(List<ReportDocument.Span> spans) {
        return spans(spans).replace("\r", " ").replace("\n", " ");
    }

    private static String cell(String s) {
        return inline(s).replace("\n", " ");
    }

    /**
     * Escapes what Markdown would read as markup, including the table separator and the tilde (GitHub strikes
     * through the text between two of them, and engineers write "~70" for "about 70").
     */
    static String inline(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }

    private static String code(String s) {
        String clean = s.replace("\n", " ").replace("|", "\\|");
        String fence = clean.contains("`") ? "``" : "`";
        return fence + (fence.length() == 2 ? " " : "") + clean + (fence.length() == 2 ? " " : "") + fence;
    }
}
