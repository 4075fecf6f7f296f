package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.EventSearch;
import org.pmw.testing.TestProjects;

class CodeNamesTest {

    @Test
    void theClassInALoggerOrThreadIsFoundByABareWordAsGrepWouldFindIt(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("syslog.log");
        Files.writeString(log, String.join("\n",
                "2015-10-18T18:01:47Z info node1 Assigned container logger=org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator",
                "2015-10-18T18:01:48Z info node1 Notification time out thread=QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774",
                "2015-10-18T18:01:49Z info node1 RMContainerAllocator mentioned in the message itself",
                "2015-10-18T18:01:50Z info node1 nothing of either logger=org.apache.hadoop.ipc.Server",
                ""));
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            assertEquals(2, total(p, "RMContainerAllocator"));
            assertEquals(1, total(p, "FastLeaderElection"));
            assertEquals(1, total(p, "logger:\"org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator\""),
                    "the field still matches whole values");
            assertEquals(0, total(p, "\"container RMContainerAllocator\""),
                    "a phrase does not run from the message into the logger");
            assertEquals(1, total(p, "\"Assigned container\""));
        }
    }

    private static long total(Project p, String query) throws Exception {
        return p.search(EventSearch.of(query).withLimit(0)).total();
    }
}
