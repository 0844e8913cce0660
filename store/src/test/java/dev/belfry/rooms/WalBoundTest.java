package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log stays under its configured limit however long writers keep writing and readers keep
 * reading: 16 writers adding and removing batches of members and 4 readers listing them, for 20 s, with the limit
 * set to 8 MiB. Without the reset the log grew past a gigabyte in 45 s (a PASSIVE checkpoint never restarts it).
 */
class WalBoundTest {
    static final long LIMIT = 8L << 20;
    static final int WRITERS = 16;
    static final int READERS = 4;
    static final long MILLIS = 20_000;
    static final Caller CALLER = new Caller("111122223333", "arn:aws:iam::111122223333:user/load");

    @TempDir
    Path data;

    @Test
    void theLogStaysUnderItsLimitUnderSustainedLoad() throws Exception {
        load(false);
    }

    /**
     * Another process checkpointing the same file (the sqlite3 shell, a backup tool): its PASSIVE checkpoints make
     * the leader's TRUNCATE answer busy=1 at once, with no busy wait, which is also what a starved background
     * checkpointer does under CPU starvation. One attempt per group let the log grow past the limit.
     */
    @Test
    void theLogStaysUnderItsLimitWhileAnotherConnectionCheckpoints() throws Exception {
        load(true);
    }

    private void load(boolean outsideCheckpoints) throws Exception {
        try (RoomStore store = Stores.open(StoreConfig.sqlite(data).withWalLimitBytes(LIMIT))) {
            RoomsDomain d = new RoomsDomain(
                    store, Clock.systemUTC(), new Limits(100_000, 100_000, 1_000, 10), AccountType.EnterpriseLWA);
            String account = d.accounts().create(CALLER, "load").accountId();
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                rooms.add(d.rooms().create(CALLER, account, "room " + i, null).roomId());
            }
            List<BatchAdd.Item> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = d.users()
                        .create(CALLER, account, "u" + i, "u" + i + "@example.com", UserType.PrivateUser)
                        .userId();
                members.add(new BatchAdd.Item(user, Role.Member));
            }
            Path wal = data.resolve(StoreConfig.SQLITE_FILE + "-wal");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong batches = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String room = rooms.get(w);
                threads.add(new Thread(() -> {
                    while (!stop.get()) {
                        d.memberships().addAll(CALLER, account, room, members);
                        for (BatchAdd.Item m : members.subList(0, 10)) {
                            d.memberships().remove(CALLER, account, room, m.memberId());
                        }
                        batches.incrementAndGet();
                    }
                }));
            }
            for (int r = 0; r < READERS; r++) {
                threads.add(new Thread(() -> {
                    while (!stop.get()) {
                        for (String room : rooms) {
                            d.memberships().list(CALLER, account, room, null, null);
                        }
                    }
                }));
            }
            if (outsideCheckpoints) {
                String url = "jdbc:sqlite:" + data.resolve(StoreConfig.SQLITE_FILE);
                threads.add(new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url);
                            Statement s = c.createStatement()) {
                        while (!stop.get()) {
                            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            long largest = 0;
            long end = System.currentTimeMillis() + MILLIS;
            while (System.currentTimeMillis() < end) {
                largest = Math.max(largest, Files.exists(wal) ? Files.size(wal) : 0);
                Thread.sleep(20);
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            System.out.printf(
                    "WalBoundTest: %d batches in %d s, largest WAL %.1f MiB (limit %d MiB)%n",
                    batches.get(), MILLIS / 1000, largest / 1048576.0, LIMIT >> 20);
            assertThat(batches.get()).as("the load ran").isGreaterThan(100);
            assertThat(largest).as("largest WAL in bytes").isLessThanOrEqualTo(LIMIT);
        }
    }
}
