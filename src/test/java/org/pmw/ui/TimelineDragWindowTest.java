package org.pmw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.LaneDensity;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.DeferredTaskRunner;
import org.pmw.ui.timeline.TimelineView;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dragging the timeline moves its view many times a second: the lanes are not counted again for every move. */
@ExtendWith(ApplicationExtension.class)
class TimelineDragWindowTest {

    @TempDir
    static Path tmp;

    private static final long HOUR = 3_600_000;
    private static final long T0 = Instant.parse("2005-10-10T10:00:00Z").toEpochMilli();

    /** The test decides when background work runs. */
    private final DeferredTaskRunner tasks = new DeferredTaskRunner();
    private WorkbenchModel workbench;
    private MainView main;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchModel(tasks);
        workbench.setErrorHandler(e -> { throw new AssertionError(e); });
        main = TestWindows.show(stage, workbench);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.closeProject();
            tasks.runAll();
        }).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    /** An event a minute over eight hours from 10:00Z. */
    private static Project project() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8 * 60; i++) {
            sb.append(String.format("2005-10-10T%02d:%02d:00Z web1 request served%n", 10 + i / 60, i % 60));
        }
        Path log = tmp.resolve("app.log");
        Files.writeString(log, sb.toString());
        Project p = TestProjects.create(tmp.resolve("p"));
        p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
        return p;
    }

    @Test
    void movesWhileTheLanesAreCountedAreReadOnceItEnds() throws Exception {
        Project project = project();
        fx(() -> {
            workbench.setProject(project);
            tasks.runAll();
        });
        TimelineView timeline = main.timeline();
        assertEquals(0, tasks.pending());
        // a drag: five moves before the first count ends
        fx(() -> {
            for (int move = 0; move < 5; move++) {
                timeline.setVisible(T0 + move * HOUR / 4, T0 + HOUR + move * HOUR / 4);
            }
        });
        assertEquals(1, tasks.pending(), "one count of the lanes at a time, not one per move");
        // the first move's count is drawn where its times are; the view as it is now is counted next
        fx(tasks::runOldest);
        assertEquals(T0, timeline.density().start());
        assertEquals(1, tasks.pending(), "the last view is counted once the count before it ends");
        fx(tasks::runOldest);
        LaneDensity last = timeline.density();
        assertEquals(T0 + HOUR, last.start());
        assertTrue(last.start() + last.buckets() * last.bucketMillis() >= T0 + 2 * HOUR);
        assertEquals(0, tasks.pending(), "nothing left to count once the lanes show the view");
    }
}
