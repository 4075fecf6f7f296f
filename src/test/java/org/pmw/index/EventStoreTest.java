package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {

    @TempDir
    Path dir;

    private static byte[] record(int i) {
        return ("record " + i + " " + "x".repeat(i % 700)).getBytes(StandardCharsets.UTF_8);
    }

    private List<String> storeFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".store")).sorted().toList();
        }
    }

    private static EventStore.Committed commit(EventStore store) throws IOException {
        EventStore.Committed committed = store.prepareCommit();
        store.committed(committed);
        return committed;
    }

    @Test
    void recordsReadBackWhateverTheirSizeAcrossBufferBoundaries() throws IOException {
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            List<Long> addresses = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                addresses.add(store.append(record(i)));
            }
            byte[] huge = new byte[3 << 20];   // larger than the write buffer
            Arrays.fill(huge, (byte) 'h');
            long hugeAt = store.append(huge);
            long afterHuge = store.append(record(7));
            store.flush();
            for (int i = 0; i < 5000; i += 37) {
                assertArrayEquals(record(i), store.read(addresses.get(i)));
            }
            assertArrayEquals(huge, store.read(hugeAt));
            assertArrayEquals(record(7), store.read(afterHuge));
        }
    }

    @Test
    void whatTheLastCommitDoesNotCoverIsCutOffOnReopen() throws IOException {
        EventStore.Committed committed;
        long kept;
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            kept = store.append(record(1));
            committed = commit(store);
            store.append(record(2));
            store.flush();   // written, but never committed: as after a crash or a rollback
        }
        assertTrue(Files.size(dir.resolve(storeFiles().get(0))) > committed.length());
        try (EventStore store = EventStore.openWritable(dir, committed)) {
            assertEquals(committed.length(), Files.size(dir.resolve(storeFiles().get(0))));
            assertArrayEquals(record(1), store.read(kept));
            long next = store.append(record(3));
            store.flush();
            assertArrayEquals(record(3), store.read(next));
        }
    }

    @Test
    void aRebuildWritesANewGenerationAndTheOldOneGoesOnlyWhenTheRebuildCommits() throws IOException {
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            long old = store.append(record(1));
            commit(store);
            store.startOver();
            long rebuilt = store.append(record(2));
            store.flush();
            assertEquals(2, storeFiles().size());
            assertArrayEquals(record(1), store.read(old));   // searches still see the old index meanwhile
            assertArrayEquals(record(2), store.read(rebuilt));
            commit(store);
            assertEquals(List.of("events-1.store"), storeFiles());
            assertArrayEquals(record(2), store.read(rebuilt));
        }
    }

    @Test
    void anAbandonedRebuildIsDeletedAndTheCommittedGenerationKept() throws IOException {
        EventStore.Committed committed;
        long old;
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            old = store.append(record(1));
            committed = commit(store);
            store.startOver();
            store.append(record(2));
            store.flush();
        }
        try (EventStore store = EventStore.openWritable(dir, committed)) {
            assertEquals(List.of("events-0.store"), storeFiles());
            assertArrayEquals(record(1), store.read(old));
        }
    }

    @Test
    void aStoreShorterThanItsCommitIsReportedNotRead() throws IOException {
        EventStore.Committed committed;
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            store.append(record(1));
            committed = commit(store);
        }
        assertTrue(EventStore.holds(dir, committed));
        Files.write(dir.resolve("events-0.store"), new byte[3]);
        assertFalse(EventStore.holds(dir, committed));
        assertThrows(IOException.class, () -> EventStore.openWritable(dir, committed));
        Files.delete(dir.resolve("events-0.store"));
        assertFalse(EventStore.holds(dir, committed));
        assertTrue(EventStore.holds(dir, EventStore.Committed.EMPTY));
    }

    @Test
    void generationsPastTheAddressBitsStayApart() throws IOException {
        try (EventStore store = EventStore.openWritable(dir, new EventStore.Committed(255, 0))) {
            long old = store.append(record(1));
            commit(store);
            store.startOver();   // generation 256: the same low bits as generation 0, none of 255
            long rebuilt = store.append(record(2));
            store.flush();
            assertArrayEquals(record(1), store.read(old));
            assertArrayEquals(record(2), store.read(rebuilt));
            commit(store);
            assertEquals(List.of("events-256.store"), storeFiles());
        }
    }

    @Test
    void clearingALeftoverGenerationLeavesTheOneWithTheSameLowBitsOpen() throws IOException {
        try (EventStore store = EventStore.openWritable(dir, EventStore.Committed.EMPTY)) {
            store.append(record(1));
            commit(store);
        }
        // generation 256 shares its address bits with the leftover generation 0, which opening deletes
        try (EventStore store = EventStore.openWritable(dir, new EventStore.Committed(256, 0))) {
            assertEquals(List.of("events-256.store"), storeFiles());
            long at = store.append(record(2));
            store.flush();
            assertArrayEquals(record(2), store.read(at));
        }
    }
}
