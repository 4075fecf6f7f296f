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
        }
    }
}
