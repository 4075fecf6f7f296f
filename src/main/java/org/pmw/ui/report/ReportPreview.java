package org.pmw.ui.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.pmw.model.Bitmap;
import org.pmw.model.ReportDocument;

/**
 * The postmortem drawn as its readers will see it: headings, paragraphs, tables, charts and footnotes, laid out
 * to the panel's width. A page of paper in both themes, as the charts are drawn on white.
 */
final class ReportPreview extends ScrollPane {

    /** Widest a chart is drawn: wider panels leave it at this size rather than blur it. */
    static final int CHART_PIXELS = 900;
    /** The size of the report's text, as workbench.css sets it for the whole window. */
    private static final double TEXT_SIZE = 12;

    private final VBox page = new VBox(6);
    private final List<ImageView> charts = new ArrayList<>();
    /** Each table, the widths its columns would like, and its rows as cards for a panel too narrow for them. */
    private final Map<GridPane, TableFit> tables = new java.util.IdentityHashMap<>();

    /** A table as drawn: the grid, or its rows as cards, whichever {@code holder} shows. */
    private record TableFit(ColumnWidths widths, VBox holder, VBox cards) {
    }

    /** A block as drawn, with its chart's picture or its table's grid when it has one, for {@link #fitToWidth}. */
    private record Drawn(Node node, ImageView chart, GridPane grid, TableFit table) {

        static Drawn of(Node node) {
            return new Drawn(node, null, null, null);
        }
    }

    /**
     * The blocks on the page and what was drawn for each: an edit changes a few blocks, and the others keep their
     * nodes (making and laying out the nodes of a whole report takes the window's thread the best part of a second).
     */
    private Map<ReportDocument.Block, List<Drawn>> drawnBlocks = new java.util.HashMap<>();

    ReportPreview() {
        getStyleClass().add("report-preview");
        page.getStyleClass().add("report-page");
        page.setPadding(new Insets(14, 18, 18, 18));
        setContent(page);
        setFitToWidth(true);
        viewportBoundsProperty().addListener((o, a, b) -> fitToWidth());
    }

    /** Shows {@code doc}; {@code drawn} holds each chart's picture (a chart missing from it shows its caption). */
    void show(ReportDocument doc, Map<ReportDocument.Chart, Image> drawn) {
        double scroll = getVvalue();
        charts.clear();
        tables.clear();
        List<Node> nodes = new ArrayList<>();
        Map<ReportDocument.Block, List<Drawn>> drawnNow = new java.util.HashMap<>();
        for (ReportDocument.Block block : doc.blocks()) {
            Drawn d = drawnBefore(block, drawn);
            if (d == null) {
                d = draw(block, drawn);
            }
            drawnNow.computeIfAbsent(block, b -> new ArrayList<>()).add(d);
            if (d.chart() != null) {
                charts.add(d.chart());
            }
            if (d.grid() != null) {
                tables.put(d.grid(), d.table());
            }
            nodes.add(d.node());
        }
        drawnBlocks = drawnNow;
        if (!doc.footnotes().isEmpty()) {
            nodes.add(heading(2, ReportDocument.FOOTNOTES_TITLE));
            nodes.add(caption(ReportDocument.FOOTNOTES_NOTE));
            VBox notes = new VBox(2);
            for (int i = 0; i < doc.footnotes().size(); i++) {
                notes.getChildren().add(item((i + 1) + ".", flow(List.of(new ReportDocument.Code(doc.footnotes().get(i))))));
            }
            nodes.add(notes);
        }
        page.getChildren().setAll(nodes);
        fitToWidth();
        // an edit redraws the whole report: keep the reader where they were
        layout();
        setVvalue(scroll);
    }

    /** The nodes of an equal block on the page, not yet taken for another; a chart's only with its picture. */
    private Drawn drawnBefore(ReportDocument.Block block, Map<ReportDocument.Chart, Image> drawn) {
        List<Drawn> before = drawnBlocks.get(block);
        if (before == null || before.isEmpty()) {
            return null;
        }
        if (block instanceof ReportDocument.Chart c) {
            Image shown = before.get(0).chart() == null ? null : before.get(0).chart().getImage();
            if (shown != drawn.get(c)) {
                return null;
            }
        }
        return before.remove(0);
    }

    /** Says the report is being drawn, while there is nothing of it to show yet. */
    void showPending() {
        if (page.getChildren().isEmpty()) {
            Label pending = new Label("Drawing the report…");
            pending.getStyleClass().add("report-caption");
            page.getChildren().setAll(pending);
        }
    }

    void clear() {
        charts.clear();
        tables.clear();
        drawnBlocks = new java.util.HashMap<>();
        page.getChildren().clear();
    }

    /** The page's nodes, for tests. */
    VBox page() {
        return page;
    }

    private Drawn draw(ReportDocument.Block block, Map<ReportDocument.Chart, Image> drawn) {
        if (block instanceof ReportDocument.Table t) {
            return tableOrCards(t);
        } else if (block instanceof ReportDocument.Chart c) {
            return chart(c, drawn.get(c));
        }
        return Drawn.of(node(block));
    }

    private Node node(ReportDocument.Block block) {
        if (block instanceof ReportDocument.Heading h) {
            return heading(h.level(), h.text());
        } else if (block instanceof ReportDocument.Para p) {
            return flow(p.spans());
        } else if (block instanceof ReportDocument.Placeholder p) {
            TextFlow todo = new TextFlow(styled("To write (" + p.section() + "): ", "report-strong"),
                    styled(p.hint(), "report-text"));
            todo.getStyleClass().add("report-todo");
            return todo;
        } else if (block instanceof ReportDocument.Bullets b) {
            VBox list = new VBox(2);
            for (List<ReportDocument.Span> item : b.items()) {
                list.getChildren().add(item("•", flow(item)));
            }
            return list;
        }
        throw new IllegalArgumentException("no drawing for " + block);
    }

    private static Label heading(int level, String text) {
        Label heading = new Label(text);
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        heading.getStyleClass().add("report-h" + Math.min(level, 4));
        return heading;
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.setWrapText(true);
        caption.getStyleClass().add("report-caption");
        return caption;
    }

    private static HBox item(String mark, TextFlow text) {
        Label bullet = new Label(mark);
        bullet.getStyleClass().add("report-bullet");
        bullet.setMinWidth(22);
        HBox row = new HBox(2, bullet, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    static TextFlow flow(List<ReportDocument.Span> spans) {
        TextFlow flow = new TextFlow();
        for (ReportDocument.Span span : spans) {
            if (span instanceof ReportDocument.Text t) {
                flow.getChildren().add(styled(t.text(), "report-text"));
            } else if (span instanceof ReportDocument.Strong s) {
                flow.getChildren().add(styled(s.text(), "report-strong"));
            } else if (span instanceof ReportDocument.Code c) {
                flow.getChildren().add(styled(c.text(), "report-code"));
            } else if (span instanceof ReportDocument.Ref r) {
                Text ref = styled(Integer.toString(r.number()), "report-ref");
                ref.setTranslateY(-4);
                flow.getChildren().add(ref);
            }
        }
        return flow;
    }

    private static Text styled(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().add(styleClass);
        return node;
    }

    /**
     * Columns share the width by the text they hold, as in the exported HTML, but none gets narrower than its
     * longest word (up to a limit), so a narrow panel wraps between words, not inside them.
     */
    /**
     * A table, shown as a grid where the panel has room for each column's longest word, else as one card a row
     * ("When: 2005-10-10 17:51" on a line of its own), so nothing is broken inside a word.
     */
    private Drawn tableOrCards(ReportDocument.Table t) {
        Grid table = table(t);
        GridPane grid = table.pane();
        VBox cards = new VBox(4);
        cards.getStyleClass().add("report-cards");
        for (List<List<ReportDocument.Span>> row : t.rows()) {
            VBox card = new VBox(1);
            card.getStyleClass().add("report-card");
            for (int c = 0; c < row.size(); c++) {
                if (ReportDocument.plainLength(row.get(c)) == 0 || row.get(c).stream().allMatch(
                        span -> span instanceof ReportDocument.Text text && text.text().isBlank())) {
                    continue; // "Ticket:" with nothing after it says nothing
                }
                List<ReportDocument.Span> spans = new ArrayList<>();
                if (!t.header(c).isEmpty()) {
                    spans.add(new ReportDocument.Strong(t.header(c) + ": "));
                }
                spans.addAll(row.get(c));
                card.getChildren().add(flow(spans));
            }
            cards.getChildren().add(card);
        }
        VBox holder = new VBox(grid);
        return new Drawn(holder, null, grid, new TableFit(table.widths(), holder, cards));
    }

    /** A table's grid and the widths its columns would like. */
    private record Grid(GridPane pane, ColumnWidths widths) {
    }

    private Grid table(ReportDocument.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("report-table");
        int columns = t.columns();
        double[] weight = t.columnWeights();
        double[] longestWord = new double[columns];
        for (int c = 0; c < columns; c++) {
            longestWord[c] = wordWidth(t.header(c), true);
            for (List<List<ReportDocument.Span>> row : t.rows()) {
                if (c < row.size()) {
                    for (ReportDocument.Span span : row.get(c)) {
                        longestWord[c] = Math.max(longestWord[c], wordWidth(span));
                    }
                }
            }
        }
        double[] min = new double[columns];
        double[] pref = new double[columns];
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            min[c] = Math.min(MAX_WORD_PIXELS, longestWord[c]) + CELL_PADDING;
            pref[c] = Math.max(min[c], weight[c] * PIXELS_PER_CHAR);
            column.setPercentWidth(100.0 / columns);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        int row = 0;
        if (t.headers().stream().anyMatch(h -> !h.isEmpty())) {
            for (int c = 0; c < columns; c++) {
                grid.add(cell(flow(List.of(new ReportDocument.Strong(t.header(c)))), "report-th"), c, row);
            }
            row++;
        }
        for (List<List<ReportDocument.Span>> cells : t.rows()) {
            for (int c = 0; c < Math.min(columns, cells.size()); c++) {
                grid.add(cell(flow(cells.get(c)), "report-td"), c, row);
            }
            row++;
        }
        return new Grid(grid, new ColumnWidths(min, pref));
    }

    private static Node cell(TextFlow text, String styleClass) {
        VBox cell = new VBox(text);
        cell.getStyleClass().add(styleClass);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMaxHeight(Double.MAX_VALUE);
        return cell;
    }

    /** A column is not made narrower than its longest word, up to this. */
    private static final double MAX_WORD_PIXELS = 96;
    private static final double CELL_PADDING = 12;
    private static final double PIXELS_PER_CHAR = 7;

    private static double wordWidth(ReportDocument.Span span) {
        if (span instanceof ReportDocument.Text t) {
            return wordWidth(t.text(), false);
        } else if (span instanceof ReportDocument.Strong s) {
            return wordWidth(s.text(), true);
        } else if (span instanceof ReportDocument.Code c) {
            // code breaks anywhere in the export too; a few characters are enough to read it
            return Math.min(wordWidth(c.text(), false), 10 * PIXELS_PER_CHAR);
        }
        return 0;
    }

    /** The width of the longest word of {@code text} as the preview draws it. */
    private static double wordWidth(String text, boolean bold) {
        String longest = "";
        for (String word : text.split("\\s+")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        if (longest.isEmpty()) {
            return 0;
        }
        Text measure = new Text(longest);
        measure.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL,
                TEXT_SIZE));
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private Drawn chart(ReportDocument.Chart chart, Image picture) {
        VBox box = new VBox(2);
        ImageView view = null;
        if (picture != null) {
            view = new ImageView(picture);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            box.getChildren().add(view);
        }
        box.getChildren().add(caption(chart.caption()));
        return new Drawn(box, view, null, null);
    }

    /** The picture of {@code pixels}; it may be made off the FX thread, while it is not yet shown. */
    static WritableImage image(Bitmap pixels) {
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return image;
    }

    /**
     * Charts shrink to the panel; so do tables, whose columns keep their longest words whole while the panel
     * has room for them all; where it has not, a table of more than two columns shows one card a row.
     */
    private void fitToWidth() {
        double width = getViewportBounds().getWidth() - page.getPadding().getLeft() - page.getPadding().getRight();
        for (ImageView view : charts) {
            double natural = view.getImage().getWidth();
            view.setFitWidth(width > 0 ? Math.min(natural, width) : natural);
        }
        for (Map.Entry<GridPane, TableFit> table : tables.entrySet()) {
            ColumnWidths widths = table.getValue().widths();
            boolean fits = width <= 0 || widths.needed() <= width || widths.min().length <= 2;
            Node shown = fits ? table.getKey() : table.getValue().cards();
            if (table.getValue().holder().getChildren().get(0) != shown) {
                table.getValue().holder().getChildren().setAll(shown);
            }
            double[] shares = widths.shares(width);
            List<ColumnConstraints> columns = table.getKey().getColumnConstraints();
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).setPercentWidth(100 * shares[c]);
            }
        }
    }

    /**
     * How a table shares out the width it has: each column first gets its longest word ({@code min}), then what
     * is left goes to the columns whose text would wrap ({@code pref} over {@code min}), and what is left after
     * that in proportion to {@code pref}. With less room than the words need, each gets its part of the room.
     */
    record ColumnWidths(double[] min, double[] pref) {

        /** The room every column's longest word needs. */
        double needed() {
            return java.util.Arrays.stream(min).sum();
        }

        /** Each column's share of {@code width}, adding up to 1. */
        double[] shares(double width) {
            int n = min.length;
            double[] out = new double[n];
            double needed = java.util.Arrays.stream(min).sum();
            double wanted = java.util.Arrays.stream(pref).sum();
            if (width <= 0 || needed >= width) {
                for (int c = 0; c < n; c++) {
                    out[c] = min[c] / needed;
                }
                return out;
            }
            double room = width - needed;
            double growth = wanted - needed;
            for (int c = 0; c < n; c++) {
                double w = min[c];
                if (room <= growth) {
                    w += growth == 0 ? 0 : room * (pref[c] - min[c]) / growth;
                } else {
                    w = pref[c] + (room - growth) * pref[c] / wanted;
                }
                out[c] = w / width;
            }
            return out;
        }
    }
}
