package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite: a fresh data directory per test. */
final class SqliteRoomStoreTest extends RoomStoreContract {
    @TempDir
    Path temp;

    private int n;

    @Override
    StoreConfig freshDatabase() {
        return StoreConfig.sqlite(temp.resolve("data-" + n++));
    }

    @Test
    void createsTheDataDirectoryAndAWalDatabase() {
        assertThat(config.dataDir().resolve("belfry.db")).exists();
        assertThat(config.dataDir().resolve("belfry.db-wal")).exists();
    }

    @Test
    void aDataDirectoryThatIsAFileIsAClearError() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create the data directory")
                .hasMessageNotContaining("\n");
    }

    /** Two stores on one file stand for two processes: BEGIN IMMEDIATE + busy timeout queue their writers. */
    @Test
    void twoStoresOnOneFileSerializeTheirWriters() throws Exception {
        dev.belfry.rooms.Room r = Fixtures.room(acct.accountId(), "0", 1);
        store.write((dev.belfry.rooms.StoreTransaction tx) -> {
            tx.insertRoom(r);
            return null;
        });
        try (dev.belfry.rooms.RoomStore second = Stores.open(sameDatabase())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                dev.belfry.rooms.RoomStore s = t % 2 == 0 ? store : second;
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 25; k++) {
                        s.write((dev.belfry.rooms.StoreTransaction tx) -> {
                            dev.belfry.rooms.Room locked =
                                    tx.lockRoom(acct.accountId(), r.roomId()).orElseThrow();
                            tx.updateRoom(locked.renamed(
                                    Integer.toString(Integer.parseInt(locked.name()) + 1), Fixtures.at(2)));
                            return null;
                        });
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(store.read((dev.belfry.rooms.StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId()))
                        .orElseThrow()
                        .name())
                .isEqualTo("200");
    }
}
