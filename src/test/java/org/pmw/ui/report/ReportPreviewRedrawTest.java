package org.pmw.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmw.model.Bitmap;
import org.pmw.model.ReportDocument;
import org.pmw.model.ReportDocument.Text;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An edit redraws the blocks of the report it changed; the others keep what was drawn for them. */
@ExtendWith(ApplicationExtension.class)
class ReportPreviewRedrawTest {

    private ReportPreview preview;

    @Start
    void start(Stage stage) {
        preview = new ReportPreview();
        stage.setScene(new Scene(preview, 480, 700));
        stage.setWidth(480);
        stage.setHeight(700);
        stage.show();
    }

    private static ReportDocument report(String summary) {
        ReportDocument doc = new ReportDocument();
        doc.add(new ReportDocument.Heading(1, "Postmortem: Apache segfaults"));
        doc.add(new ReportDocument.Heading(2, "Summary"));
        doc.add(new ReportDocument.Para(List.of(new Text(summary))));
        doc.add(new ReportDocument.Table(List.of("Id", "What"), List.of(
                List.of(List.of(new Text("C1")), List.of(new Text("Fewer threads per child"))))));
        doc.add(new ReportDocument.Heading(3, "What went well"));
        doc.add(new ReportDocument.Heading(3, "What went well"));
        doc.add(new ReportDocument.Chart("<svg/>", "Events per source."));
        return doc;
    }

    private static Image picture() {
        int[] pixels = new int[100];
        Arrays.fill(pixels, 0xFF6B8FB3);
        return ReportPreview.image(new Bitmap(10, 10, pixels));
    }

    private List<Node> show(ReportDocument doc, Map<ReportDocument.Chart, Image> charts) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> preview.show(doc, charts)).get();
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(preview.page().getChildren());
    }

    @Test
    void onlyTheBlocksAnEditChangedAreDrawnAgain() throws Exception {
        Image picture = picture();
        ReportDocument first = report("The web tier fell over.");
        List<Node> before = show(first, Map.of(chart(first), picture));
        ReportDocument second = report("The web tier fell over twice.");
        List<Node> after = show(second, Map.of(chart(second), picture));

        assertEquals(before.size(), after.size());
        assertSame(before.get(0), after.get(0), "the title");
        assertNotSame(before.get(2), after.get(2), "the summary, which changed");
        assertEquals("The web tier fell over twice.", ((javafx.scene.text.Text) ((TextFlow) after.get(2))
                .getChildren().get(0)).getText());
        assertSame(before.get(3), after.get(3), "the table");
        assertNotSame(after.get(4), after.get(5), "two equal headings are two nodes");
        assertSame(before.get(6), after.get(6), "the chart, with the same picture");

        List<Node> redrawn = show(second, Map.of(chart(second), picture()));
        assertNotSame(after.get(6), redrawn.get(6), "a chart with another picture is drawn again");
    }

    private static ReportDocument.Chart chart(ReportDocument doc) {
        return (ReportDocument.Chart) doc.blocks().get(doc.blocks().size() - 1);
    }
}
