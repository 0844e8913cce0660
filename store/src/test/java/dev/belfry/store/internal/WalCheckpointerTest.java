package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Enums;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.StoreTransaction;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer never checkpoints on its own; the background checkpointer keeps the log flowing into the file. */
final class WalCheckpointerTest {
    @TempDir
    Path temp;

    @Test
    void writesReachTheDatabaseFileWithoutAnyCommitCheckpointing() throws Exception {
        Path db = temp.resolve(StoreConfig.SQLITE_FILE);
        try (RoomStore store = Stores.open(StoreConfig.sqlite(temp))) {
            long before = Files.size(db);
            Instant t = Instant.ofEpochMilli(1_000);
            Account acct = new Account(
                    "acct",
                    "111122223333",
                    "A",
                    Enums.AccountType.EnterpriseLWA,
                    Enums.AccountStatus.Active,
                    Enums.License.Pro,
                    List.of(Enums.License.Pro),
                    t);
            store.write((StoreTransaction tx) -> {
                tx.insertAccount(acct);
                return null;
            });
            String name = "x".repeat(1000);
            for (int i = 0; i < 400; i++) {
                Room r = new Room("room-" + i, "acct", name, null, t, t);
                store.write((StoreTransaction tx) -> {
                    tx.insertRoom(r);
                    return null;
                });
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (Files.size(db) < before + 300_000 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(db)).isGreaterThan(before + 300_000);
        }
        // closing folds the rest in: the log is empty (or gone)
        Path wal = temp.resolve(StoreConfig.SQLITE_FILE + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).isTrue();
    }
}
