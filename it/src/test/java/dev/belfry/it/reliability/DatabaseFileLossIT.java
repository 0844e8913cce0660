package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * The SQLite file deleted ({@code rm belfry.db*}) or replaced (another file moved over it) under a running server,
 * during a write load. SQLite would go on writing to the file it has open, acknowledging writes no one will ever
 * read. Every request that starts after the file is gone must answer 503, none 201, and the server must not
 * create a new, empty database in its place.
 */
class DatabaseFileLossIT {
    @Test
    void aDeletedDatabaseFileTurnsWritesInto503s() throws Exception {
        run(true, db -> {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        });
    }

    @Test
    void aReplacedDatabaseFileTurnsWritesInto503s() throws Exception {
        run(false, db -> {
            Path copy = db.resolveSibling("restored.db");
            Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    interface FileMishap {
        void happen(Path db) throws IOException;
    }

    private void run(boolean deleted, FileMishap mishap) throws Exception {
        Path data = Databases.tempDir("belfry-file-loss");
        Path db = data.resolve(StoreConfig.SQLITE_FILE);
        ServerProcess server =
                LoadFixtures.start(List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA"));
        try {
            LoadFixtures.Seed seed;
            try (ChimeClient c = LoadFixtures.client(server.url(), "test", "test")) {
                seed = LoadFixtures.seed(c, 10, 100);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean gone = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            Map<Integer, Integer> afterLoss = Collections.synchronizedMap(new TreeMap<>());
            AtomicInteger beforeLoss = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    while (!stop.get()) {
                        boolean startedAfterLoss = gone.get();
                        int n = next.getAndIncrement();
                        String room = seed.rooms().get(n % seed.rooms().size());
                        String user = seed.users()
                                .get((n / seed.rooms().size()) % seed.users().size());
                        String target = "/accounts/" + seed.account() + "/rooms/" + room
                                + "/memberships?operation=batch-create";
                        int port = server.port();
                        int status;
                        try {
                            status = Http.send(
                                            port,
                                            Http.signedRaw(
                                                    port,
                                                    "POST",
                                                    target,
                                                    LoadFixtures.batchBody(List.of(user)),
                                                    "test",
                                                    "test"))
                                    .status();
                        } catch (IOException e) {
                            status = -1;
                        }
                        if (startedAfterLoss) {
                            afterLoss.merge(status, 1, Integer::sum);
                        } else if (status == 201) {
                            beforeLoss.incrementAndGet();
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            Thread.sleep(600);
            mishap.happen(db);
            gone.set(true);
            Thread.sleep(1_000);
            stop.set(true);
            for (Thread thread : clients) {
                thread.join(30_000);
            }
            Http.Response read = Http.send(
                    server.port(),
                    Http.signedRaw(server.port(), "GET", "/accounts/" + seed.account(), null, "test", "test"));
            System.out.printf(
                    "DatabaseFileLossIT: %d memberships acknowledged before the file was lost; after it, answers by"
                            + " status %s; a read then: %d%n",
                    beforeLoss.get(), afterLoss, read.status());
            assertThat(beforeLoss.get()).as("the load ran before the loss").isPositive();
            assertThat(afterLoss)
                    .as("answers to requests started after the loss")
                    .isNotEmpty();
            assertThat(afterLoss.keySet()).as("only 503s after the loss").containsOnly(503);
            assertThat(read.status()).as("reads after the loss").isEqualTo(503);
            assertThat(server.output()).contains("was " + (deleted ? "deleted" : "replaced") + " while the server ran");
            if (deleted) {
                assertThat(db).as("no new, empty database in its place").doesNotExist();
            }
        } finally {
            server.kill();
        }
    }
}
