package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.model.HypothesisStatus;
import org.pmw.testing.TestProjects;

class EditSessionTest {

    @TempDir
    Path tmp;

    @Test
    void editsAreSavedAtOnceAndUndoneInReverseOrder() throws Exception {
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            EditSession edits = new EditSession(p);
            edits.apply("add", inv -> inv.addHypothesis("A VM misbehaves", null));
            edits.apply("status", inv -> inv.setStatus("H1", HypothesisStatus.REFUTED, "all VMs crash alike"));
            assertTrue(Files.readString(p.root().resolve("incident.json")).contains("refuted"));
            assertEquals("status", edits.undo());
            assertEquals(HypothesisStatus.OPEN, p.incident().getHypotheses().get(0).status());
            assertTrue(!Files.readString(p.root().resolve("incident.json")).contains("\"refuted\""));
            assertEquals("add", edits.undo());
            assertTrue(p.incident().getHypotheses().isEmpty());
            assertEquals(null, edits.undo());
        }
    }

    @Test
    void aRefusedEditChangesNothing() throws Exception {
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            EditSession edits = new EditSession(p);
            edits.apply("add", inv -> inv.addHypothesis("A VM misbehaves", null));
            byte[] before = Files.readAllBytes(p.root().resolve("incident.json"));
            assertThrows(IllegalArgumentException.class, () -> edits.apply("bad",
                    inv -> inv.setStatus("H9", HypothesisStatus.SUPPORTED, "no such hypothesis")));
            assertEquals(new String(before), Files.readString(p.root().resolve("incident.json")));
            assertEquals("add", edits.nextUndo());
            // an edit refused after it took an id (a record added, then something after it refused)
            assertThrows(IllegalArgumentException.class, () -> edits.apply("add then refuse", inv -> {
                inv.addHypothesis("Too few workers", null);
                throw new IllegalArgumentException("refused after the record was added");
            }));
            assertEquals(new String(before), Files.readString(p.root().resolve("incident.json")), "no id used up");
            edits.apply("add", inv -> inv.addHypothesis("Too few workers", null));
            assertEquals("H2", p.incident().getHypotheses().get(1).id(), "the next id is the next number");
        }
    }

    @Test
    void undoAfterAnImportKeepsWhatTheImportAddedAndHandsOutNoIdTwice() throws Exception {
        Path changes = tmp.resolve("deploys.csv");
        Files.writeString(changes, "title,started_at,description\n"
                + "raise MaxClients to 250,2005-10-10T22:00:00Z,httpd.conf on web1-3\n");
        Path ab = tmp.resolve("ab-c50.txt");
        Files.copy(Path.of("src/test/resources/loadtest/ab-c50.txt"), ab);
        Path wrk = tmp.resolve("wrk.txt");
        Files.copy(Path.of("src/test/resources/loadtest/wrk.txt"), wrk);
        Project.create(tmp.resolve("p"), "Outage", java.time.ZoneId.of("UTC"), TestProjects.CLOCK);
        try (Project p = Project.open(tmp.resolve("p"), Progress.NONE)) {
            EditSession edits = new EditSession(p);
            edits.apply("add", inv -> inv.addHypothesis("Too few Apache workers", null));
            p.importFiles(java.util.List.of(changes, ab), ImportOptions.defaults(), Progress.NONE);
            assertEquals(java.util.List.of("C1"), p.incident().getChanges().stream().map(c -> c.id()).toList());
            assertEquals("R1", p.incident().getLoadTestRuns().get(0).id());

            assertEquals("add", edits.undo());
            assertTrue(p.incident().getHypotheses().isEmpty(), "the edit is taken back");
            assertEquals(java.util.List.of("C1"), p.incident().getChanges().stream().map(c -> c.id()).toList(),
                    "the imported change record stays");
            assertEquals(2, p.incident().getSources().size());

            p.importFiles(java.util.List.of(wrk), ImportOptions.defaults(), Progress.NONE);
            assertEquals(java.util.List.of("R1", "R2"),
                    p.incident().getLoadTestRuns().stream().map(r -> r.id()).toList(), "no run id is reused");
            edits.apply("add", inv -> inv.addHypothesis("A VM misbehaves", null));
            assertEquals("H2", p.incident().getHypotheses().get(0).id(), "nor a hypothesis id");
        }
        try (Project reopened = Project.open(tmp.resolve("p"), Progress.NONE)) {
            assertEquals(1, reopened.incident().getChanges().size());
            assertEquals(2, reopened.incident().getLoadTestRuns().size());
        }
    }
}
