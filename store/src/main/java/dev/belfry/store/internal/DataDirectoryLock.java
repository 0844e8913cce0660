package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One store at a time per data directory (D37): {@code belfry.lock}, held with an OS file lock for as long as the
 * store is open. Two servers on one SQLite file would each keep their own group commit and checkpointer and share
 * the single writer silently; the second now refuses to start and names the holder. The OS drops the lock when the
 * holder exits, however it exits (SIGKILL included), so a stale file never blocks a restart.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "belfry.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory's lock, or throws the one line an operator needs when another store holds it. */
    static DataDirectoryLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot open the lock file " + file + ": " + Connect.oneLine(e.toString()), e, StoreFailure.FAILED);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by a store in this same JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(
                    "cannot lock " + file + ": " + Connect.oneLine(e.toString()), e, StoreFailure.FAILED);
        }
        if (lock == null) {
            String holder = holder(channel);
            closeQuietly(channel);
            throw new StoreException(
                    "the data directory " + dir + " is in use by another Belfry server" + holder
                            + "; stop that one, or give this one another --data directory",
                    null,
                    StoreFailure.FAILED);
        }
        try {
            // the holder's pid, for the message above and for an operator reading the file; locks are advisory on
            // Linux and macOS, so a refused process can still read it
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            // not needed for the lock itself
        }
        return new DataDirectoryLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    /** Releases the lock; the file stays (deleting it would race a starting server that just opened it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }
}
