package org.pmw.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.ImportReport;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.task.DeferredTaskRunner;
import org.pmw.ui.task.ImmediateTaskRunner;

class WorkbenchModelTest {

    @TempDir
    Path tmp;

    @Test
    void aProjectOpenedWhileAnotherWasStillOpeningIsTheOneShownAndTheFirstIsReleased() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        TestProjects.create(a).close();
        TestProjects.create(b).close();
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        WorkbenchModel workbench = new WorkbenchModel(tasks);
        List<Throwable> errors = new ArrayList<>();
        workbench.setErrorHandler(errors::add);
        List<String> opened = new ArrayList<>();
        workbench.open(a, () -> opened.add("a"));
        workbench.open(b, () -> opened.add("b"));
        tasks.runAll();
        assertEquals(List.of("b"), opened);
        assertEquals(b, workbench.project().root());
        assertEquals(List.of(), errors);
        // a is not left open (its lock held) by the open that was overtaken
        Project.open(a, Progress.NONE).close();
        workbench.closeProject();
    }

    @Test
    void closingIsRefusedWhileAnImportRunsAndWorksOnceItHasFinished() throws Exception {
        Path log = tmp.resolve("app.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ info web1 request done status=200%n", i / 60 % 60, i % 60));
        }
        Files.writeString(log, sb.toString());
        Project project = TestProjects.create(tmp.resolve("p"));
        WorkbenchModel workbench = new WorkbenchModel(new ImmediateTaskRunner());
        List<Throwable> errors = new ArrayList<>();
        workbench.setErrorHandler(errors::add);
        workbench.setProject(project);

        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<ImportReport>> importing = pool.submit(() -> project.importFiles(List.of(log),
                    ImportOptions.defaults(), new Progress() {
                        @Override
                        public void update(String message, double fraction) {
                            running.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    }));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            assertTrue(project.busy());
            assertFalse(workbench.closeProject(), "the import still needs the index");
            assertSame(project, workbench.project());
            assertTrue(errors.get(0).getMessage().contains("an import is still running"), errors.get(0).getMessage());
            release.countDown();
            assertEquals(2000, importing.get(30, TimeUnit.SECONDS).get(0).events());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertTrue(workbench.closeProject());
        try (Project reopened = TestProjects.open(tmp.resolve("p"))) {
            assertEquals(2000, reopened.index().size());
        }
    }
}
