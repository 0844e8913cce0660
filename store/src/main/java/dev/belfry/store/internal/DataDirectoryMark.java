package dev.belfry.store.internal;

import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mark that a data directory has held a database: {@code belfry.id}, written once its {@code belfry.db} exists.
 * A directory with the mark and no database lost its database (deleted, moved, a failed restore), and starting a new,
 * empty one there would look like a healthy server with no data: the restart after {@code rm belfry.db*} came up
 * with 0 accounts and no warning. Such a start is refused with what to do instead.
 */
final class DataDirectoryMark {
    static final String FILE = "belfry.id";

    private DataDirectoryMark() {}

    /** Before the database is opened or created: refuses a marked directory whose database is missing. */
    static void refuseLostDatabase(Path dir) {
        Path db = dir.resolve(StoreConfig.SQLITE_FILE);
        if (Files.exists(dir.resolve(FILE)) && !Files.exists(db)) {
            throw new StoreException(
                    "the data directory " + dir + " had a database, but " + db.getFileName()
                            + " is missing (deleted or moved?); restore it, or delete " + FILE
                            + " to start a new, empty database there",
                    null,
                    StoreFailure.FAILED);
        }
    }

    /** Once the database exists: marks the directory (a read-only directory is left unmarked). */
    static void mark(Path dir) {
        Path mark = dir.resolve(FILE);
        if (Files.exists(mark)) {
            return;
        }
        try {
            Files.writeString(
                    mark,
                    "This directory holds a Belfry database (" + StoreConfig.SQLITE_FILE
                            + "). Belfry refuses to start here without it.\n");
        } catch (IOException e) {
            // not fatal: the mark only protects against a later loss
        }
    }
}
