package org.pmw.project;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a project folder, so two writers (two windows, a window and a script) never
 * overwrite each other's work. Held until closed.
 */
public final class ProjectLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static ProjectLock acquire(ProjectLayout layout) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(layout);
            }
            return new ProjectLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw busy(layout);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ProjectException("cannot lock " + layout.root() + ": " + e.getMessage(), e);
        } catch (ProjectException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static ProjectException busy(ProjectLayout layout) {
        return new ProjectException(layout.root() + " is open in another pmw process (window or command);"
                + " close it there and try again");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        } finally {
            closeQuietly(channel);
        }
    }
}
