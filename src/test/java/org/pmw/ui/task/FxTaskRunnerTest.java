package org.pmw.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void aQuickTaskDuringALongOneHandsTheStatusBarBackToIt() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        CountDownLatch importing = new CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> runner.run("Importing 2 file(s)", progress -> {
            progress.update("Indexing access_log", 0.4);
            importing.countDown();
            while (!progress.isCancelled()) {
                Thread.sleep(10);
            }
            throw new java.util.concurrent.CancellationException("import cancelled");
        }, done -> outcomes.add("import done"), error -> outcomes.add("import: " + error.getMessage()))).get();
        assertTrue(importing.await(10, TimeUnit.SECONDS));
        CountDownLatch searched = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> runner.run("Searching", progress -> 42, n -> {
            outcomes.add("search " + n);
            searched.countDown();
        }, error -> outcomes.add("search: " + error))).get();
        assertTrue(searched.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(runner.runningProperty().get(), "the import is still running and shown");
        assertEquals("Indexing access_log", runner.messageProperty().get());

        WaitForAsyncUtils.asyncFx(runner::cancelCurrent).get();
        for (int i = 0; i < 200 && outcomes.size() < 2; i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of("search 42", "import: import cancelled"), outcomes, "Cancel reached the import");
        assertFalse(runner.runningProperty().get());
        assertEquals("", runner.messageProperty().get());
    }
}
