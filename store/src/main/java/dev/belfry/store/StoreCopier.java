package dev.belfry.store;

import dev.belfry.rooms.RoomStore;
import dev.belfry.store.internal.JdbcRoomStore;
import dev.belfry.store.internal.TableCopier;

/**
 * Copies a whole Belfry database into another one (e.g. SQLite to PostgreSQL for
 * {@code belfry admin migrate}). The target must be empty; both schemas must be at the same version,
 * which opening both stores with this build guarantees. Row counts are checked at the end.
 */
public final class StoreCopier {
    public CopyReport copy(RoomStore from, RoomStore to) {
        return copy(from, to, CopyProgress.NONE);
    }

    /** Copies, telling {@code progress} the running count of each table. PostgreSQL targets are written with COPY. */
    public CopyReport copy(RoomStore from, RoomStore to, CopyProgress progress) {
        return new CopyReport(TableCopier.copy(jdbc(from), jdbc(to), progress));
    }

    private static JdbcRoomStore jdbc(RoomStore store) {
        if (store instanceof JdbcRoomStore j) {
            return j;
        }
        throw new StoreException("can only copy between stores opened with Stores.open");
    }
}
