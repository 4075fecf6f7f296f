package org.pmw.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a small document model, built once and rendered to Markdown or HTML: headings, paragraphs
 * made of spans (text, emphasis, code, footnote references), tables, placeholders and charts.
 */
final class Doc {

    sealed interface Span permits Text, Strong, Code, Ref {
    }

    record Text(String text) implements Span {
    }

    record Strong(String text) implements Span {
    }

    record Code(String text) implements Span {
    }

    /** A footnote: the number, and where the reader can re-check what it is attached to. */
    record Ref(int number) implements Span {
    }

    sealed interface Block permits Heading, Para, Table, Placeholder, Chart, Bullets {
    }

    record Heading(int level, String text) implements Block {
    }

    record Para(List<Span> spans) implements Block {
    }

    record Table(List<String> headers, List<List<List<Span>>> rows) implements Block {
    }

    record Placeholder(String section, String hint) implements Block {
    }

    /** A chart drawn as SVG, and a sentence for renderers that cannot show it. */
    record Chart(String svg, String caption) implements Block {
    }

    record Bullets(List<List<Span>> items) implements Block {
    }

    final List<Block> blocks = new ArrayList<>();
    final List<String> footnotes = new ArrayList<>();
    final List<String> missing = new ArrayList<>();

    /** Registers an origin and returns its reference; the same origin keeps one number. */
    Ref ref(String origin) {
        int at = footnotes.indexOf(origin);
        if (at < 0) {
            footnotes.add(origin);
            at = footnotes.size() - 1;
        }
        return new Ref(at + 1);
    }

    static List<Span> spans(Span... spans) {
        return List.of(spans);
    }

    static Text text(String s) {
        return new Text(s == null ? "" : s);
    }
}
