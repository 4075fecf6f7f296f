package org.pmw.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The postmortem as a small document model, built once and then rendered: to Markdown, HTML and PDF for export,
 * and drawn as it is in the window's preview. Headings, paragraphs made of spans (text, emphasis, code, footnote
 * references), tables, placeholders for prose still to write, bullets and charts.
 */
public final class ReportDocument {

    public sealed interface Span permits Text, Strong, Code, Ref {
    }

    public record Text(String text) implements Span {
    }

    public record Strong(String text) implements Span {
    }

    public record Code(String text) implements Span {
    }

    /** A footnote: the number, and where the reader can re-check what it is attached to. */
    public record Ref(int number) implements Span {
    }

    public sealed interface Block permits Heading, Para, Table, Placeholder, Chart, Bullets {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Para(List<Span> spans) implements Block {
    }

    public record Table(List<String> headers, List<List<List<Span>>> rows) implements Block {

        /** The number of columns: of the headers, or of the longest row where that has more. */
        public int columns() {
            return Math.max(headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        }

        /** The header of column {@code c}, empty where there is none. */
        public String header(int c) {
            return c < headers.size() ? headers.get(c) : "";
        }

        /**
         * How wide each column would like to be, in characters: the average length of its text, between 7 (or its
         * header) and 50, so a column of long values wraps rather than starving the others. Where that is more than
         * a page's line holds ({@link #LINE_CHARS}), every column first gets its longest word (up to 16 characters),
         * so "+163.2%" and "1.29e-07" are never broken letter by letter, and the long columns share the rest.
         */
        public double[] columnWeights() {
            int n = columns();
            double[] wanted = new double[n];
            double[] least = new double[n];
            for (int c = 0; c < n; c++) {
                double total = 0;
                int longestWord = 0;
                for (List<List<Span>> row : rows) {
                    if (c < row.size()) {
                        total += plainLength(row.get(c));
                        longestWord = Math.max(longestWord, longestWord(row.get(c)));
                    }
                }
                double average = rows.isEmpty() ? 0 : total / rows.size();
                least[c] = Math.max(Math.min(16, Math.max(longestWord, header(c).length())), 3) + 1.5; // cell padding
                wanted[c] = Math.max(least[c], Math.max(Math.max(7, header(c).length() * 1.2), Math.min(50, average)));
            }
            double wantedSum = java.util.Arrays.stream(wanted).sum();
            double leastSum = java.util.Arrays.stream(least).sum();
            if (wantedSum <= LINE_CHARS) {
                return wanted;
            }
            if (leastSum >= LINE_CHARS) {
                return least; // every column's words, squeezed alike
            }
            // the words first, then what is left of the line in proportion to what each column wanted beyond them
            double[] weight = new double[n];
            double spare = LINE_CHARS - leastSum;
            for (int c = 0; c < n; c++) {
                weight[c] = least[c] + spare * (wanted[c] - least[c]) / (wantedSum - leastSum);
            }
            return weight;
        }

        /**
         * Which cells ([row][column]) are prose too long for their column: plain words (no code, no footnote)
         * longer than two of a page's lines and than ten lines of the column they would get. Beside five other
         * columns such a cell runs down pages a few words wide, so a page renderer writes it across the table's
         * whole width under its row, and {@link #withProseBelow} stands in its place.
         */
        public boolean[][] proseBelow() {
            double[] weight = columnWeights();
            double sum = java.util.Arrays.stream(weight).sum();
            boolean[][] below = new boolean[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                List<List<Span>> row = rows.get(r);
                below[r] = new boolean[row.size()];
                for (int c = 0; c < row.size(); c++) {
                    List<Span> cell = row.get(c);
                    double columnChars = LINE_CHARS * weight[c] / sum;
                    below[r][c] = cell.stream().allMatch(s -> s instanceof Text || s instanceof Strong)
                            && plainLength(cell) > Math.max(2 * LINE_CHARS, 10 * columnChars);
                }
            }
            return below;
        }

        /** What a cell written under its row shows in the row itself. */
        public static final String PROSE_BELOW = "(below)";

        /** This table with every cell of {@link #proseBelow} replaced by {@link #PROSE_BELOW}: what the row holds. */
        public Table withProseBelow() {
            boolean[][] below = proseBelow();
            List<List<List<Span>>> shortRows = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                List<List<Span>> row = new ArrayList<>(rows.get(r));
                for (int c = 0; c < row.size(); c++) {
                    if (below[r][c]) {
                        row.set(c, List.of(new Text(PROSE_BELOW)));
                    }
                }
                shortRows.add(row);
            }
            return new Table(headers, shortRows);
        }
    }

    /** About how many characters of a table's text fit across a page. */
    public static final double LINE_CHARS = 80;

    private static int longestWord(List<Span> spans) {
        int longest = 0;
        for (Span s : spans) {
            String text = s instanceof Text t ? t.text() : s instanceof Strong t ? t.text() : s instanceof Code c
                    ? c.text() : "";
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
                longest = Math.max(longest, run);
            }
            if (s instanceof Ref) {
                longest = Math.max(longest, run + 2);
            }
        }
        return longest;
    }

    /** How many characters {@code spans} take when written out (a footnote reference counts two). */
    public static int plainLength(List<Span> spans) {
        int length = 0;
        for (Span s : spans) {
            if (s instanceof Text t) {
                length += t.text().length();
            } else if (s instanceof Strong t) {
                length += t.text().length();
            } else if (s instanceof Code c) {
                length += c.text().length();
            } else {
                length += 2;
            }
        }
        return length;
    }

    public record Placeholder(String section, String hint) implements Block {
    }

    /** A chart drawn as SVG, and a sentence for renderers that cannot show it. */
    public record Chart(String svg, String caption) implements Block {
    }

    public record Bullets(List<List<Span>> items) implements Block {
    }

    /** The heading of the footnotes, and the sentence under it, as every rendering of the report shows them. */
    public static final String FOOTNOTES_TITLE = "Sources of the figures";
    public static final String FOOTNOTES_NOTE = "Every number and quoted event can be checked again with these commands,"
            + " run in the folder that holds the project.";

    private final List<Block> blocks = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    public void add(Block block) {
        blocks.add(block);
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** The origins of the figures, in order: footnote n is {@code footnotes().get(n - 1)}. */
    public List<String> footnotes() {
        return Collections.unmodifiableList(footnotes);
    }

    /** Notes that the prose section {@code name} is still to be written. */
    public void markMissing(String name) {
        missing.add(name);
    }

    /** The prose sections still to be written. */
    public List<String> missing() {
        return Collections.unmodifiableList(missing);
    }

    /** Registers an origin and returns its reference; the same origin keeps one number. */
    public Ref ref(String origin) {
        int at = footnotes.indexOf(origin);
        if (at < 0) {
            footnotes.add(origin);
            at = footnotes.size() - 1;
        }
        return new Ref(at + 1);
    }

    public static List<Span> spans(Span... spans) {
        return List.of(spans);
    }

    public static Text text(String s) {
        return new Text(s == null ? "" : s);
    }
}
