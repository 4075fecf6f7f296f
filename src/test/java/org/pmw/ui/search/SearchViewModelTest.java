package org.pmw.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.testing.TestProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.task.DeferredTaskRunner;

/** What the search does when its results arrive later than the user's next move. */
class SearchViewModelTest {

    @TempDir
    Path tmp;

    private Project project(String name, int lines) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ %s web1 %s status=200%n", i / 60 % 60, i % 60,
                    i % 4 == 0 ? "error" : "info", i % 4 == 0 ? "segmentation fault" : "request served"));
        }
        Path log = tmp.resolve(name + ".log");
        Files.writeString(log, sb.toString());
        Project p = TestProjects.create(tmp.resolve(name));
        p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
        return p;
    }

    @Test
    void textTypedWhileASearchRunsStaysInTheBox() throws Exception {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        WorkbenchModel workbench = new WorkbenchModel(tasks);
        workbench.setProject(project("typing", 400));
        SearchViewModel search = new SearchViewModel(workbench);
        search.queryProperty().set("segmentation");
        search.search();
        search.queryProperty().set("segmentation fault");
        tasks.runAll();
        assertEquals("segmentation fault", search.queryProperty().get());
        assertEquals(100, search.resultsProperty().get().size(), "the results are those of the query that ran");
        assertEquals(List.of("segmentation"), search.history());
        workbench.closeProject();
    }

    @Test
    void onlyTheLatestSearchIsShownAndOnlyItsFollowUpRuns() throws Exception {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        WorkbenchModel workbench = new WorkbenchModel(tasks);
        workbench.setProject(project("order", 400));
        SearchViewModel search = new SearchViewModel(workbench);
        List<String> followUps = new ArrayList<>();
        search.queryProperty().set("level:error");
        search.search(() -> followUps.add("first"));
        search.queryProperty().set("request served");
        search.search(() -> followUps.add("second"));
        tasks.runNewestFirst();
        assertEquals(300, search.resultsProperty().get().size());
        assertEquals(List.of("second"), followUps);
        workbench.closeProject();
    }

    @Test
    void aSearchOfTheProjectClosedMeanwhileShowsNothingInTheNextOne() throws Exception {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        WorkbenchModel workbench = new WorkbenchModel(tasks);
        Project first = project("first", 400);
        workbench.setProject(first);
        SearchViewModel search = new SearchViewModel(workbench);
        search.queryProperty().set("*");
        search.search();
        // the search already has its results object; the window moves on to another project before it shows
        workbench.setProject(project("second", 40));
        tasks.runAll();
        assertNull(search.resultsProperty().get());
        assertEquals("", search.errorProperty().get());
        workbench.closeProject();
    }
}
