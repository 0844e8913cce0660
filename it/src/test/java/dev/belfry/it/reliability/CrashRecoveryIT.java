package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Sustained BatchCreateRoomMembership load from 4 clients while the server process is killed with SIGKILL
 * at a random moment (0.3–1.2 s into the load), {@value #KILLS} times on SQLite and {@value #KILLS} times
 * on PostgreSQL, each restart on the same data. Every request carries its own (room, member) pairs, so
 * "answered 201 ⇒ present" is checkable pair by pair. After every kill, before the restart: every
 * acknowledged membership is in the table, none is duplicated, no membership points at a missing room,
 * and the database passes its integrity check (SQLite PRAGMA integrity_check; PostgreSQL amcheck on every
 * index of the schema, when the extension is installed).
 */
class CrashRecoveryIT {
    static final int KILLS = 20;
    static final int CLIENTS = 4;
    static final int PER_BATCH = 5;

    @Test
    void sqliteKeepsEveryAcknowledgedMembershipAcrossKills() throws Exception {
        Path data = Databases.tempDir("belfry-crash");
        String jdbc = "jdbc:sqlite:" + data.resolve(StoreConfig.SQLITE_FILE);
        run(List.of("--data", data.toString()), jdbc, true);
    }

    @Test
    void postgresKeepsEveryAcknowledgedMembershipAcrossKills() throws Exception {
        String url = Databases.freshPostgresUrl();
        run(List.of("--db", url), url, false);
    }

    private void run(List<String> storeArgs, String jdbc, boolean sqlite) throws Exception {
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(storeArgs);
        args.addAll(List.of("--create-account-type", "EnterpriseLWA", "--no-access-log"));
        ServerProcess server = LoadFixtures.start(args);
        Random random = new Random(42);
        LoadFixtures.Seed seed;
        try (ChimeClient c = LoadFixtures.client(server.url(), "test", "test")) {
            seed = LoadFixtures.seed(c, 60, 50);
        }
        ConcurrentLinkedQueue<Unit> work = new ConcurrentLinkedQueue<>(units(seed, random));
        Set<String> acked = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                int port = server.port();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < CLIENTS; t++) {
                    Thread thread = new Thread(
                            () -> {
                                Unit unit;
                                while (!stop.get() && (unit = work.poll()) != null) {
                                    String target = "/accounts/" + seed.account() + "/rooms/" + unit.room()
                                            + "/memberships?operation=batch-create";
                                    try {
                                        Http.Response r = Http.send(
                                                port,
                                                Http.signedRaw(
                                                        port,
                                                        "POST",
                                                        target,
                                                        LoadFixtures.batchBody(unit.members()),
                                                        "test",
                                                        "test"));
                                        if (r.status() == 201 && r.text().endsWith("}")) {
                                            List<String> failed = LoadFixtures.failedMembers(r.text());
                                            if (!failed.isEmpty()) {
                                                serverErrors.add("per-item errors " + r.text());
                                            }
                                            for (String m : unit.members()) {
                                                if (!failed.contains(m)) {
                                                    acked.add(unit.room() + "|" + m);
                                                }
                                            }
                                            answered.incrementAndGet();
                                        } else if (r.status() >= 400) {
                                            serverErrors.add(r.toString());
                                        } else {
                                            cut.incrementAndGet(); // the connection died mid-answer: unknown outcome
                                        }
                                    } catch (IOException | RuntimeException e) {
                                        cut.incrementAndGet(); // refused or reset by the kill: unknown outcome
                                    }
                                }
                            },
                            "crash-load-" + t);
                    thread.start();
                    clients.add(thread);
                }
                Thread.sleep(300 + random.nextInt(900));
                server.kill();
                stop.set(true);
                for (Thread thread : clients) {
                    thread.join(30_000);
                }
                check(jdbc, sqlite, acked);
                server = LoadFixtures.start(args);
            }
            assertThat(serverErrors).as("error answers under load").isEmpty();
            // Through the API too: every room lists its acknowledged members exactly once.
            try (ChimeClient c = LoadFixtures.client(server.url(), "test", "test")) {
                Set<String> listed = new HashSet<>();
                int rows = 0;
                for (String room : seed.rooms()) {
                    String token = null;
                    do {
                        String t = token;
                        var page = c.listRoomMemberships(b -> b.accountId(seed.account())
                                .roomId(room)
                                .maxResults(99)
                                .nextToken(t));
                        for (var m : page.roomMemberships()) {
                            listed.add(room + "|" + m.member().memberId());
                            rows++;
                        }
                        token = page.nextToken();
                    } while (token != null);
                }
                assertThat(rows).as("no membership listed twice").isEqualTo(listed.size());
                assertThat(listed).containsAll(acked);
            }
            System.out.printf(
                    "CrashRecoveryIT[%s]: %d SIGKILLs, %d batches answered 201 (%d memberships acknowledged),"
                            + " %d requests cut by a kill, %.1f s%n",
                    sqlite ? "SQLite" : "PostgreSQL",
                    KILLS,
                    answered.get(),
                    acked.size(),
                    cut.get(),
                    (System.nanoTime() - started) / 1e9);
            assertThat(answered.get()).as("load actually ran").isGreaterThan(KILLS);
        } finally {
            server.close();
        }
    }

    record Unit(String room, List<String> members) {}

    private static List<Unit> units(LoadFixtures.Seed seed, Random random) {
        List<Unit> units = new ArrayList<>();
        for (String room : seed.rooms()) {
            for (int i = 0; i + PER_BATCH <= seed.users().size(); i += PER_BATCH) {
                units.add(new Unit(room, seed.users().subList(i, i + PER_BATCH)));
            }
        }
        Collections.shuffle(units, random);
        return units;
    }

    private static void check(String jdbc, boolean sqlite, Set<String> acked) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
                Statement s = c.createStatement()) {
            if (sqlite) {
                try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                    r.next();
                    assertThat(r.getString(1)).as("PRAGMA integrity_check").isEqualTo("ok");
                }
                try (ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
                    assertThat(r.next())
                            .as("PRAGMA foreign_key_check finds nothing")
                            .isFalse();
                }
            } else {
                amcheck(s);
            }
            try (ResultSet r = s.executeQuery("SELECT room_id, member_id, COUNT(*) FROM memberships"
                    + " GROUP BY room_id, member_id HAVING COUNT(*) > 1")) {
                assertThat(r.next()).as("duplicated memberships").isFalse();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM memberships m WHERE NOT EXISTS"
                    + " (SELECT 1 FROM rooms r WHERE r.room_id = m.room_id)")) {
                r.next();
                assertThat(r.getLong(1)).as("memberships of missing rooms").isZero();
            }
            Set<String> present = new HashSet<>();
            try (ResultSet r = s.executeQuery("SELECT room_id, member_id FROM memberships")) {
                while (r.next()) {
                    present.add(r.getString(1) + "|" + r.getString(2));
                }
            }
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(present);
            assertThat(missing)
                    .as("acknowledged (201) memberships missing after SIGKILL")
                    .isEmpty();
        }
    }

    /** B-tree structure of every index in the schema, when amcheck can be installed (it ships with PostgreSQL). */
    private static void amcheck(Statement s) throws Exception {
        String schema = null;
        try {
            s.execute("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public");
            try (ResultSet r = s.executeQuery("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
                    + " ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'")) {
                schema = r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            schema = null;
        }
        if (schema == null) {
            System.out.println("CrashRecoveryIT: amcheck unavailable; skipping PostgreSQL index checks");
            return;
        }
        List<String> indexes = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_am a ON a.oid = c.relam WHERE c.relkind = 'i' AND a.amname = 'btree'"
                + " AND n.nspname = current_schema()")) {
            while (r.next()) {
                indexes.add(r.getString(1));
            }
        }
        assertThat(indexes).isNotEmpty();
        for (String oid : indexes) {
            s.execute("SELECT \"" + schema + "\".bt_index_check(" + oid + "::regclass, true)");
        }
    }
}
