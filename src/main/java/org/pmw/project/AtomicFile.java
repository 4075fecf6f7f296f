package org.pmw.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that, whatever point a write is interrupted at, the file holds either its old or its
 * new content: the new bytes go to a temporary file that is forced to disk, the old file is copied to
 * {@code NAME.bak}, and the temporary file is renamed over the original in one atomic step.
 */
public final class AtomicFile {

    /** The steps of a write, in order; tests interrupt a write at each of them. */
    public enum Step { WRITE_TEMP, SYNC_TEMP, BACKUP, RENAME, SYNC_DIR }

    /** Called before each step; a test hook throws to simulate a crash there. */
    @FunctionalInterface
    public interface StepHook {
        void before(Step step) throws IOException;
    }

    private static final StepHook NO_HOOK = step -> { };

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, NO_HOOK);
    }

    public static void write(Path target, byte[] content, StepHook hook) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Path backup = dir.resolve(target.getFileName() + ".bak");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            hook.before(Step.WRITE_TEMP);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            hook.before(Step.SYNC_TEMP);
            channel.force(true);
        }
        if (Files.exists(target)) {
            hook.before(Step.BACKUP);
            Path backupTemp = dir.resolve(target.getFileName() + ".bak.tmp");
            Files.copy(target, backupTemp, StandardCopyOption.REPLACE_EXISTING);
            move(backupTemp, backup);
        }
        hook.before(Step.RENAME);
        move(temp, target);
        hook.before(Step.SYNC_DIR);
        syncDirectory(dir);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is then harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }
}
