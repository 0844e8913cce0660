package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Notices when the SQLite file a running server opened is no longer the file at its path: deleted ({@code rm
 * belfry.db*}) or replaced (a restore copied over it). SQLite keeps writing to the open, unlinked file, so without
 * this check the server acknowledged 64,420 memberships into a file no one would ever read again. The check is a
 * stat of the path compared with the file's identity (device and inode) at open: microseconds, made before each
 * write group commits and before each read. Once the file is gone, every request answers 503 with the reason.
 */
final class DatabaseFileGuard {
    private final Path file;
    private final Object identity;
    private volatile String lost; // why, once noticed

    DatabaseFileGuard(Path file) {
        this.file = file;
        this.identity = identity(file);
    }

    /** @throws StoreException (unavailable) when the file at the path is not the one this store opened */
    void check() {
        String why = lost;
        if (why == null) {
            Object now = identity(file);
            if (Objects.equals(now, identity)) {
                return;
            }
            why = now == null
                    ? "the database file " + file + " was deleted while the server ran"
                    : "the database file " + file + " was replaced while the server ran";
            lost = why;
        }
        throw new StoreException(
                why + "; nothing more is written to it. Restore the file (or point --data at a new directory)"
                        + " and restart the server.",
                null,
                StoreFailure.UNAVAILABLE);
    }

    boolean intact() {
        return lost == null && Objects.equals(identity(file), identity);
    }

    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey(); // (dev, inode) on Linux and macOS
            return key != null ? key : attributes.creationTime();
        } catch (IOException e) {
            return null;
        }
    }
}
