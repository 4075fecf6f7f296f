package org.pmw.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmw.model.Bitmap;
import org.pmw.model.ReportDocument;
import org.pmw.model.ReportDocument.Code;
import org.pmw.model.ReportDocument.Strong;
import org.pmw.model.ReportDocument.Text;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The report drawn in the window: every kind of block, the footnotes, and tables that fit the panel. */
@ExtendWith(ApplicationExtension.class)
class ReportPreviewTest {

    private ReportPreview preview;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        preview = new ReportPreview();
        stage.setScene(new Scene(preview, 480, 700));
        stage.setWidth(480); // the stage is shared by every test class of the run
        stage.setHeight(700);
        stage.show();
    }

    private static ReportDocument postmortem() {
        ReportDocument doc = new ReportDocument();
        doc.add(new ReportDocument.Heading(1, "Postmortem: Apache segfaults"));
        doc.add(new ReportDocument.Heading(2, "Summary"));
        doc.add(new ReportDocument.Para(List.of(new Strong("H3 (supported):"), new Text(" 4161 errors in "),
                new Code("segmentation fault"), doc.ref("pmw search incident 'segmentation fault'"))));
        doc.add(new ReportDocument.Placeholder("Impact", "Who was affected, for how long."));
        doc.add(new ReportDocument.Bullets(List.of(List.of(new Text("Raise MaxClients")),
                List.of(new Text("Alert on segfaults")))));
        doc.add(new ReportDocument.Table(List.of("Id", "When", "What"), List.of(
                List.of(List.of(new Text("C1")), List.of(new Text("2005-10-10 17:51")),
                        List.of(new Text("Thread-safety refactor of the shop application (locks around shared state)"))),
                List.of(List.of(new Text("C10")), List.of(new Text("2005-10-10 18:00")),
                        List.of(new Text("Apache worker MPM: fewer threads per child"))))));
        doc.add(new ReportDocument.Chart("<svg/>", "Events per source over the incident window."));
        return doc;
    }

    private static Bitmap square(int size, int argb) {
        int[] pixels = new int[size * size];
        Arrays.fill(pixels, argb);
        return new Bitmap(size, size, pixels);
    }

    private static List<Node> all(Node root) {
        List<Node> out = new java.util.ArrayList<>();
        out.add(root);
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.addAll(all(child));
            }
        }
        return out;
    }

    /** The grid a table is drawn as, where the panel has room for it. */
    private static GridPane grid(Node table) {
        return (GridPane) ((Parent) table).getChildrenUnmodifiable().get(0);
    }

    private static String text(TextFlow flow) {
        return flow.getChildren().stream().map(n -> ((javafx.scene.text.Text) n).getText()).collect(Collectors.joining());
    }

    @Test
    void everyBlockIsDrawnInOrderWithItsFootnotes() throws Exception {
        ReportDocument doc = postmortem();
        ReportDocument.Chart chart = (ReportDocument.Chart) doc.blocks().get(doc.blocks().size() - 1);
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, Map.of(chart, ReportPreview.image(square(300, 0xFFD9534F))))).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> blocks = preview.page().getChildren();

        Label title = (Label) blocks.get(0);
        assertEquals("Postmortem: Apache segfaults", title.getText());
        assertTrue(title.getStyleClass().contains("report-h1"));
        TextFlow para = (TextFlow) blocks.get(2);
        assertEquals("H3 (supported): 4161 errors in segmentation fault1", text(para));
        List<String> styles = para.getChildren().stream().map(n -> n.getStyleClass().get(0)).toList();
        assertEquals(List.of("report-strong", "report-text", "report-code", "report-ref"), styles);
        TextFlow todo = (TextFlow) blocks.get(3);
        assertEquals("To write (Impact): Who was affected, for how long.", text(todo));
        assertTrue(todo.getStyleClass().contains("report-todo"));
        assertEquals(2, all(blocks.get(4)).stream().filter(n -> n instanceof TextFlow).count(), "two bullets");
        GridPane table = grid(blocks.get(5));
        assertEquals(9, table.getChildren().size(), "a header row and two rows of three cells");
        ImageView picture = (ImageView) all(blocks.get(6)).stream().filter(n -> n instanceof ImageView)
                .findFirst().orElseThrow();
        assertEquals(300, picture.getImage().getWidth());
        assertEquals(0xFFD9534F, picture.getImage().getPixelReader().getArgb(150, 150), "the chart's own pixels");

        List<String> labels = blocks.stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
        assertTrue(labels.contains(ReportDocument.FOOTNOTES_TITLE), labels.toString());
        String notes = all(blocks.get(blocks.size() - 1)).stream().filter(n -> n instanceof TextFlow)
                .map(n -> text((TextFlow) n)).collect(Collectors.joining("|"));
        assertEquals("pmw search incident 'segmentation fault'", notes);
    }

    @Test
    void aChartNarrowerPanelShrinksItButAWideOneDoesNotBlowItUp() throws Exception {
        ReportDocument doc = postmortem();
        ReportDocument.Chart chart = (ReportDocument.Chart) doc.blocks().get(doc.blocks().size() - 1);
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, Map.of(chart, ReportPreview.image(square(900, 0xFF6B8FB3))))).get();
        WaitForAsyncUtils.waitForFxEvents();
        ImageView picture = (ImageView) all(preview.page()).stream().filter(n -> n instanceof ImageView)
                .findFirst().orElseThrow();
        assertTrue(picture.getFitWidth() < 480, "fits the 480-pixel panel: " + picture.getFitWidth());
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1200)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(900, picture.getFitWidth(), "no wider than it was drawn");
    }

    @Test
    void tableColumnsKeepTheirLongestWordsWholeWhenThereIsRoom() throws Exception {
        ReportDocument doc = postmortem();
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, Map.of())).get();
        WaitForAsyncUtils.waitForFxEvents();
        GridPane table = grid(preview.page().getChildren().get(5));
        Node when = table.getChildren().stream()
                .filter(n -> GridPane.getColumnIndex(n) == 1 && GridPane.getRowIndex(n) == 1).findFirst().orElseThrow();
        javafx.scene.text.Text date = (javafx.scene.text.Text) ((TextFlow) ((Parent) when).getChildrenUnmodifiable()
                .get(0)).getChildren().get(0);
        TextFlow flow = (TextFlow) date.getParent();
        javafx.scene.text.Text word = new javafx.scene.text.Text("2005-10-10");
        word.setFont(date.getFont());
        assertTrue(flow.getWidth() >= word.getLayoutBounds().getWidth(),
                "'2005-10-10' is not broken inside: " + flow.getWidth());
        double columns = table.getColumnConstraints().stream().mapToDouble(c -> c.getPercentWidth()).sum();
        assertEquals(100, columns, 0.01);
        assertTrue(table.getColumnConstraints().get(2).getPercentWidth() > 40, "the long text gets the most room");
    }

    @Test
    void aTableWithoutHeadersOrWithLongerRowsKeepsEveryCell() throws Exception {
        ReportDocument doc = new ReportDocument();
        doc.add(new ReportDocument.Table(List.of(), List.of(
                List.of(List.of(new Text("Date")), List.of(new Text("Sunday 9 October 2005"))),
                List.of(List.of(new Text("Status")), List.of(new Text("draft")), List.of(new Text("(reviewed by dba)"))))));
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, Map.of())).get();
        WaitForAsyncUtils.waitForFxEvents();
        GridPane table = grid(preview.page().getChildren().get(0));
        assertEquals(5, table.getChildren().size(), "no header row, and the third cell of the longer row");
        assertEquals(3, table.getColumnConstraints().size());
    }

    @Test
    void aTableTooWideForThePanelShowsOneCardARowAndAGridAgainWhenThereIsRoom() throws Exception {
        ReportDocument doc = new ReportDocument();
        List<String> headers = List.of("Outcome", "Metric", "Before", "After", "Change", "p", "Verdict");
        doc.add(new ReportDocument.Table(headers, List.of(List.of(List.of(new Text("O1 Segfaults after the push")),
                List.of(new Code("\"segmentation fault\" per minute")), List.of(new Text("4161 in 600 min")),
                List.of(new Text("0 in 150 min")), List.of(new Text("-100.0%")), List.of(new Text("< 1e-300")),
                List.of(new Strong("significant decrease"))))));
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, Map.of())).get();
        WaitForAsyncUtils.waitForFxEvents();
        Parent holder = (Parent) preview.page().getChildren().get(0);
        Node shown = holder.getChildrenUnmodifiable().get(0);
        assertTrue(shown.getStyleClass().contains("report-cards"), "480 px hold no seven columns of whole words");
        List<String> lines = all(shown).stream().filter(n -> n instanceof TextFlow).map(n -> text((TextFlow) n)).toList();
        assertEquals(List.of("Outcome: O1 Segfaults after the push", "Metric: \"segmentation fault\" per minute",
                "Before: 4161 in 600 min", "After: 0 in 150 min", "Change: -100.0%", "p: < 1e-300",
                "Verdict: significant decrease"), lines);
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1200)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(holder.getChildrenUnmodifiable().get(0) instanceof GridPane, "a wide panel shows the grid");
    }

    @Test
    void columnWidthsShareOutTheRoomAndNeverAddUpToMore() {
        ReportPreview.ColumnWidths widths = new ReportPreview.ColumnWidths(new double[] {30, 90, 80},
                new double[] {30, 112, 400});
        double[] roomy = widths.shares(600);
        assertEquals(1, Arrays.stream(roomy).sum(), 1e-9);
        assertTrue(roomy[0] * 600 >= 30 && roomy[1] * 600 >= 90 && roomy[2] * 600 >= 80, Arrays.toString(roomy));
        assertTrue(roomy[2] > roomy[1], "the wrapping column takes what is left");
        double[] cramped = widths.shares(100);
        assertEquals(1, Arrays.stream(cramped).sum(), 1e-9);
        assertEquals(30.0 / 200, cramped[0], 1e-9, "below the words' room, each in proportion to its word");
        double[] wide = widths.shares(2000);
        assertEquals(1, Arrays.stream(wide).sum(), 1e-9);
        assertEquals(400.0 / 542, wide[2], 0.01, "beyond every column's text, in proportion to it");
    }
}
