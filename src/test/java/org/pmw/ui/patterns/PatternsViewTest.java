package org.pmw.ui.patterns;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmw.ui.Workbench;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.ImmediateTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The patterns table at the side panel's least width. */
@ExtendWith(ApplicationExtension.class)
class PatternsViewTest {

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new PatternsView(new WorkbenchModel(new ImmediateTaskRunner())), 200, 400);
        Workbench.style(scene);
        stage.setScene(scene);
        stage.setWidth(200);
        stage.setHeight(400);
        stage.show();
    }

    @Test
    void countsOfMillionsAreReadWhole(FxRobot robot) {
        TableView<?> table = robot.lookup("#patterns").queryTableView();
        TableColumn<?, ?> count = table.getColumns().stream().filter(c -> c.getText().equals("Count")).findFirst()
                .orElseThrow();
        // the header is drawn in the font of the cells below it
        Label header = robot.lookup(".column-header .label").match((Label l) -> l.getText().equals("Count"))
                .queryAs(Label.class);
        Text tenMillion = new Text("10,000,000");
        tenMillion.setFont(header.getFont());
        double needed = tenMillion.getLayoutBounds().getWidth() + 8; // and the cell's padding
        assertTrue(count.getWidth() >= needed, "count column " + count.getWidth() + " px, needs " + needed);
    }
}
