package org.pmw.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pmw.model.Incident;

class AtomicFileTest {

    @TempDir
    Path dir;

    /** A crash before any step leaves a readable incident.json with the old content, after the rename the new. */
    @ParameterizedTest
    @EnumSource(AtomicFile.Step.class)
    void interruptedSaveLeavesOldOrNewContent(AtomicFile.Step crashAt) throws IOException {
        ProjectStore store = new ProjectStore(new ProjectLayout(dir));
        Incident incident = store.create("Old title", ZoneId.of("UTC"), Instant.parse("2005-10-10T00:00:00Z"));
        incident.setTitle("New title");
        assertThrows(IOException.class, () -> store.save(incident, step -> {
            if (step == crashAt) {
                throw new IOException("simulated crash before " + step);
            }
        }));
        String title = store.load().getTitle();
        boolean renamed = crashAt.compareTo(AtomicFile.Step.RENAME) > 0;
        assertEquals(renamed ? "New title" : "Old title", title);
    }

    @ParameterizedTest
    @EnumSource(AtomicFile.Step.class)
    void halfWrittenTempFileNeverReplacesTheOriginal(AtomicFile.Step ignored) throws IOException {
        Path target = dir.resolve("incident.json");
        AtomicFile.write(target, "{\"old\":true}".getBytes());
        // a crash in the middle of writing the temp file: only half the bytes reach it
        Files.writeString(dir.resolve("incident.json.tmp"), "{\"new\":tr");
        assertEquals("{\"old\":true}", Files.readString(target));
        AtomicFile.write(target, "{\"new\":true}".getBytes());
        assertEquals("{\"new\":true}", Files.readString(target));
        assertEquals("{\"old\":true}", Files.readString(dir.resolve("incident.json.bak")));
    }

    @org.junit.jupiter.api.Test
    void newerSchemaIsRefusedAndLeftUntouched() throws IOException {
        ProjectStore store = new ProjectStore(new ProjectLayout(dir));
        store.create("T", ZoneId.of("UTC"), Instant.EPOCH);
        Path file = dir.resolve("incident.json");
        String newer = Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99");
        Files.writeString(file, newer);
        ProjectException e = assertThrows(ProjectException.class, store::load);
        assertTrue(e.getMessage().contains("schemaVersion 99"), e.getMessage());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertEquals(newer, Files.readString(file));
    }

    @org.junit.jupiter.api.Test
    void creatingOverAnExistingProjectIsRefused() {
        ProjectStore store = new ProjectStore(new ProjectLayout(dir));
        store.create("T", ZoneId.of("UTC"), Instant.EPOCH);
        assertThrows(ProjectException.class, () -> store.create("T2", ZoneId.of("UTC"), Instant.EPOCH));
    }

    @org.junit.jupiter.api.Test
    void secondWriterIsRefusedWithALockMessage() {
        ProjectLayout layout = new ProjectLayout(dir);
        new ProjectStore(layout).create("T", ZoneId.of("UTC"), Instant.EPOCH);
        try (ProjectLock first = ProjectLock.acquire(layout)) {
            ProjectException e = assertThrows(ProjectException.class, () -> ProjectLock.acquire(layout));
            assertTrue(e.getMessage().contains("open in another pmw process"), e.getMessage());
        }
        ProjectLock.acquire(layout).close();
    }
}
