package org.pmw.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.Event;
import org.pmw.testing.TestProjects;
import org.pmw.ui.task.DeferredTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EventDetailViewTest {

    @TempDir
    Path tmp;

    private final DeferredTaskRunner tasks = new DeferredTaskRunner();
    private EventDetailView detail;
    private Project project;

    @Start
    void start(Stage stage) {
        detail = new EventDetailView(tasks);
        stage.setScene(new Scene(detail, 900, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (project != null) {
            project.close();
        }
    }

    /** 600 one-line events in app.log, one a second. */
    private Project project() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ info web1 request %d served%n", i / 60, i % 60, i));
        }
        Path file = tmp.resolve("app.log");
        Files.writeString(file, sb.toString());
        project = TestProjects.create(tmp.resolve("p"));
        project.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        return project;
    }

    private Event line(long line) throws Exception {
        return project.around("app.log", line, 0).get(0);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    private List<Long> contextLines(FxRobot robot) {
        ListView<Event> context = robot.lookup("#context").queryListView();
        return context.getItems().stream().map(Event::line).toList();
    }

    @Test
    void theLinesAroundAnEventAreReadOffTheWindowsThread(FxRobot robot) throws Exception {
        Project p = project();
        Event event = line(300);
        fx(() -> detail.show(event, p, ZoneOffset.UTC));
        // the event itself is on screen at once; its neighbours wait for the background work
        assertEquals(event.raw(), robot.lookup("#rawText").queryAs(TextArea.class).getText());
        assertEquals(1, tasks.pending(), "the lines around it are read as background work");
        assertTrue(contextLines(robot).isEmpty());
        fx(tasks::runAll);
        List<Long> lines = contextLines(robot);
        assertEquals(2 * EventDetailView.CONTEXT + 1, lines.size());
        assertEquals(300L, lines.get(EventDetailView.CONTEXT), "the event in the middle of its neighbours");
    }

    @Test
    void theNeighboursOfAnEventLeftBehindAreNotShown(FxRobot robot) throws Exception {
        Project p = project();
        Event first = line(100);
        Event second = line(500);
        fx(() -> detail.show(first, p, ZoneOffset.UTC));
        fx(() -> detail.show(second, p, ZoneOffset.UTC));
        // the first event's neighbours arrive after the second event was picked
        fx(tasks::runOldest);
        assertTrue(contextLines(robot).isEmpty(), "not the lines around an event no longer shown");
        fx(tasks::runAll);
        assertEquals(500L, contextLines(robot).get(EventDetailView.CONTEXT));
        // nothing selected: a late answer for the last event does not fill the list either
        fx(() -> detail.show(second, p, ZoneOffset.UTC));
        fx(() -> detail.show(null, null, ZoneOffset.UTC));
        fx(tasks::runAll);
        assertTrue(contextLines(robot).isEmpty());
    }
}
