package dev.belfry.store;

import static dev.belfry.store.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.StoreTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite runs concurrent writes in shared transactions (one savepoint each): every caller must still get
 * exactly its own result or its own failure, and a failed unit must leave nothing behind while the units
 * around it commit.
 */
final class GroupCommitTest {
    @TempDir
    Path temp;

    @Test
    void concurrentWritersGetTheirOwnOutcomeAndFailuresLeaveNothing() throws Exception {
        try (RoomStore store = Stores.open(StoreConfig.sqlite(temp))) {
            Account acct = account("111122223333", "Acme", 0);
            store.write((StoreTransaction tx) -> {
                tx.insertAccount(acct);
                return null;
            });
            int threads = 16;
            int perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    List<String> problems = new ArrayList<>();
                    for (int k = 0; k < perThread; k++) {
                        Room r = room(acct.accountId(), thread + "/" + k, k);
                        boolean fail = (thread + k) % 5 == 0;
                        try {
                            String got = store.write((StoreTransaction tx) -> {
                                tx.insertRoom(r);
                                if (fail) {
                                    throw new IllegalStateException("unit " + r.name() + " fails");
                                }
                                return r.name();
                            });
                            if (fail || !got.equals(r.name())) {
                                problems.add(r.name() + " returned " + got);
                            }
                        } catch (IllegalStateException e) {
                            if (!fail || !e.getMessage().equals("unit " + r.name() + " fails")) {
                                problems.add(r.name() + " threw " + e.getMessage());
                            }
                        }
                    }
                    return problems;
                }));
            }
            start.countDown();
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> f : done) {
                problems.addAll(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(problems).isEmpty();

            List<Room> rooms = store.read((StoreTransaction tx) -> tx.rooms(acct.accountId(), null, null, 10_000));
            long expected = 0;
            for (int t = 0; t < threads; t++) {
                for (int k = 0; k < perThread; k++) {
                    if ((t + k) % 5 != 0) {
                        expected++;
                    }
                }
            }
            assertThat(rooms).hasSize((int) expected);
            assertThat(rooms).noneMatch(r -> {
                String[] parts = r.name().split("/");
                return (Integer.parseInt(parts[0]) + Integer.parseInt(parts[1])) % 5 == 0;
            });
            assertThat(store.read((StoreTransaction tx) -> tx.countRooms(acct.accountId())))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aUnitSeesTheUnitsBeforeItAndReadsSeeOnlyCommittedWork() throws Exception {
        try (RoomStore store = Stores.open(StoreConfig.sqlite(temp))) {
            Account acct = account("111122223333", "Acme", 0);
            Room r = room(acct.accountId(), "0", 1);
            store.write((StoreTransaction tx) -> {
                tx.insertAccount(acct);
                tx.insertRoom(r);
                return null;
            });
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 50; k++) {
                        store.write((StoreTransaction tx) -> {
                            Room locked =
                                    tx.lockRoom(acct.accountId(), r.roomId()).orElseThrow();
                            tx.updateRoom(locked.renamed(Integer.toString(Integer.parseInt(locked.name()) + 1), at(2)));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId()))
                            .orElseThrow()
                            .name())
                    .isEqualTo("400");
        }
    }
}
