package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.AccountType;
import software.amazon.awssdk.services.chime.model.BatchCreateRoomMembershipResponse;
import software.amazon.awssdk.services.chime.model.DeleteRoomMembershipResponse;
import software.amazon.awssdk.services.chime.model.MemberError;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.RoomMembership;
import software.amazon.awssdk.services.chime.model.RoomMembershipRole;
import software.amazon.awssdk.services.chime.model.UpdateRoomMembershipResponse;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * Two {@code belfry serve} processes on one PostgreSQL schema, 32 clients alternating between them.
 *
 * <p>The checkable model: every (room, member) pair is a register whose states are "absent" and
 * "present with role R". Each acknowledged operation is a write with a client-side interval [sent,
 * answered]: a batch item that succeeded writes present(R) (or present(any role) when the item had no
 * Role, since an existing member keeps hers); an UpdateRoomMembership 200 writes present(R); a
 * DeleteRoomMembership 204 writes absent. The write that takes effect last cannot have been followed by
 * a write that was sent after it was answered, so the final state must match one of the writes no other
 * write strictly follows (the initial "absent" when there were none). Each client also owns a private
 * set of members that only it touches, one request at a time; for those the last acknowledged write is
 * unique, so the check is exact: a lost update fails it. Shared members are hit by overlapping batches,
 * updates and deletes of all clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class TwoServersConcurrencyIT {
    static final int LIMIT = 40;
    static final int CLIENTS = 32;
    static final int ROOMS = 4;
    static final int SHARED = 30;
    static final int PRIVATE_PER_CLIENT = 4;
    /** Each client sends this many requests (800 in all), unless the time cap ends the run first. */
    static final int OPS_PER_CLIENT = 25;

    static final long RUN_MILLIS = 45_000;

    String url;
    String schema;
    ServerProcess a;
    ServerProcess b;
    ChimeClient admin;
    String accountId;
    List<String> users = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        url = Databases.freshPostgresUrl();
        schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String[] opts = {"--create-account-type", "EnterpriseLWA", "--max-members-per-room", String.valueOf(LIMIT)};
        // both start at once on the empty schema, as replicas of one deployment do: Flyway must serialize them
        ExecutorService starting = Executors.newFixedThreadPool(2);
        Future<ServerProcess> first = starting.submit(() -> PgServers.serve(url, opts));
        Future<ServerProcess> second = starting.submit(() -> PgServers.serve(url, opts));
        try {
            a = first.get(60, TimeUnit.SECONDS);
        } finally {
            b = second.get(60, TimeUnit.SECONDS); // assigned even when the first failed, so @AfterAll stops it
            starting.shutdown();
        }
        admin = PgServers.client(a.url());
        accountId = admin.createAccount(r -> r.name("concurrency")).account().accountId();
        assertThat(admin.getAccount(r -> r.accountId(accountId)).account().accountType())
                .isEqualTo(AccountType.ENTERPRISE_LWA);
        int needed = SHARED + CLIENTS * PRIVATE_PER_CLIENT + 60;
        for (int i = 0; i < needed; i++) {
            int n = i;
            users.add(admin.createUser(r -> r.accountId(accountId)
                            .username("u" + n)
                            .email("u" + n + "@example.com")
                            .userType(UserType.PRIVATE_USER))
                    .user()
                    .userId());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    // ---- recording ----

    enum Kind {
        PRESENT,
        PRESENT_ANY_ROLE,
        ABSENT
    }

    /** One acknowledged write to one (room, member) register. */
    record Write(long start, long end, Kind kind, String role, String what) {}

    record Key(String room, String member) {}

    final Map<Key, List<Write>> writes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    void write(String room, String member, Write w) {
        writes.computeIfAbsent(new Key(room, member), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(w);
    }

    /** A service error must be a 4xx in the API's shape: x-amzn-ErrorType, a request id, a Code. */
    void serviceError(String op, AwsServiceException e) {
        int status = e.statusCode();
        String type = e.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("x-amzn-ErrorType")
                .orElse(null);
        count(op + " " + status + " " + type);
        if (status >= 500 || status < 400) {
            violations.add(op + " answered " + status + " " + type + ": " + e.getMessage());
        } else if (type == null || e.requestId() == null || e.awsErrorDetails().errorCode() == null) {
            violations.add(op + " answered " + status + " without the API's error shape: " + e.getMessage());
        }
    }

    // ---- the run ----

    @Test
    void overlappingBatchUpdateDeleteOnTwoServersKeepEveryAcknowledgedWriteAndTheLimit() throws Exception {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            int n = i;
            rooms.add(admin.createRoom(r -> r.accountId(accountId).name("busy " + n))
                    .room()
                    .roomId());
        }
        List<String> shared = users.subList(0, SHARED);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong maxSeen = new AtomicLong();
        Thread monitor = new Thread(() -> watchRoomSizes(stop, maxSeen), "room-size-monitor");
        monitor.start();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.currentTimeMillis() + RUN_MILLIS;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            List<String> mine = users.subList(SHARED + c * PRIVATE_PER_CLIENT, SHARED + (c + 1) * PRIVATE_PER_CLIENT);
            done.add(pool.submit(() -> {
                go.await();
                runClient(client, rooms, shared, mine, deadline);
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get(RUN_MILLIS + 90_000, TimeUnit.MILLISECONDS);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        stop.set(true);
        monitor.join();

        // final state, read directly and through both servers
        Map<Key, String> finalRoles = new HashMap<>();
        try (Connection c = PgServers.sql(url)) {
            assertThat(PgServers.count(
                            c,
                            "SELECT COUNT(*) FROM (SELECT room_id, member_id FROM memberships"
                                    + " GROUP BY room_id, member_id HAVING COUNT(*) > 1) d"))
                    .as("duplicate rows")
                    .isZero();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT room_id, member_id, role FROM memberships")) {
                while (rs.next()) {
                    if (!rooms.contains(rs.getString(1))) {
                        continue; // the paging test's room
                    }
                    finalRoles.put(new Key(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
            lockChecks(c);
        }
        for (String room : rooms) {
            for (ServerProcess s : List.of(a, b)) {
                try (ChimeClient client = PgServers.client(s.url())) {
                    List<RoomMembership> listed = listAll(client, room, 7);
                    Set<String> ids =
                            listed.stream().map(m -> m.member().memberId()).collect(Collectors.toSet());
                    if (ids.size() != listed.size()) {
                        violations.add("members listed twice in " + room + " via " + s.url());
                    }
                    if (listed.size() > LIMIT) {
                        violations.add(
                                "room " + room + " ended with " + listed.size() + " members, over the limit " + LIMIT);
                    }
                    Map<String, String> sqlRoles = new TreeMap<>();
                    finalRoles.forEach((k, v) -> {
                        if (k.room().equals(room)) {
                            sqlRoles.put(k.member(), v);
                        }
                    });
                    Map<String, String> apiRoles = new TreeMap<>();
                    listed.forEach(m -> apiRoles.put(m.member().memberId(), m.roleAsString()));
                    if (!apiRoles.equals(sqlRoles)) {
                        violations.add(
                                "ListRoomMemberships of " + room + " via " + s.url() + " differs from the table");
                    }
                }
            }
        }

        // every acknowledged write is reflected unless a later one changed it
        int exact = 0;
        int ambiguous = 0;
        Set<Key> keys = new LinkedHashSet<>(writes.keySet());
        keys.addAll(finalRoles.keySet());
        for (Key key : keys) {
            List<Write> ws = new ArrayList<>(writes.getOrDefault(key, List.of()));
            List<Write> candidates = new ArrayList<>();
            for (Write w : ws) {
                if (ws.stream().noneMatch(o -> o.start() > w.end())) {
                    candidates.add(w);
                }
            }
            if (ws.isEmpty()) {
                candidates.add(new Write(0, 0, Kind.ABSENT, null, "initial"));
            }
            String actual = finalRoles.get(key);
            boolean ok = candidates.stream().anyMatch(w -> switch (w.kind()) {
                case ABSENT -> actual == null;
                case PRESENT_ANY_ROLE -> actual != null;
                case PRESENT -> w.role().equals(actual);
            });
            if (candidates.size() == 1) {
                exact++;
            } else {
                ambiguous++;
            }
            if (!ok) {
                violations.add("lost update on " + key + ": final " + (actual == null ? "absent" : actual)
                        + ", last acknowledged writes " + candidates);
            }
        }

        System.out.printf(
                "[pg-concurrency] %d clients, 2 servers, %d ms: %s%n",
                CLIENTS,
                elapsedMs,
                new TreeMap<>(outcomes.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().get()))));
        System.out.printf(
                "[pg-concurrency] registers checked: %d exact, %d with overlapping last writes;"
                        + " largest room seen %d (limit %d)%n",
                exact, ambiguous, maxSeen.get(), LIMIT);
        assertThat(violations).isEmpty();
        assertThat(maxSeen.get()).as("largest room observed while running").isLessThanOrEqualTo(LIMIT);
        assertThat(outcomes.getOrDefault("batch item ResourceLimitExceeded", new AtomicLong())
                        .get())
                .as("the limit was reached and reported per item")
                .isPositive();
        assertThat(outcomes.getOrDefault("batch 201", new AtomicLong()).get()).isGreaterThan(100);
        assertThat(outcomes.getOrDefault("update 200", new AtomicLong()).get()).isGreaterThan(10);
        assertThat(outcomes.getOrDefault("delete 204", new AtomicLong()).get()).isGreaterThan(10);
        assertThat(exact).as("registers with a decidable last write").isGreaterThan(30);
    }

    private void runClient(int client, List<String> rooms, List<String> shared, List<String> mine, long deadline) {
        Random random = new Random(1000L + client);
        ChimeClient[] servers = {PgServers.client(a.url()), PgServers.client(b.url())};
        try {
            for (int i = 0; i < OPS_PER_CLIENT && System.currentTimeMillis() < deadline; i++) {
                ChimeClient chime = servers[(client + i) % 2];
                String room = rooms.get(random.nextInt(rooms.size()));
                int dice = random.nextInt(100);
                if (dice < 45) {
                    batch(chime, random, room, shared, mine);
                } else if (dice < 75) {
                    String member = random.nextInt(3) == 0 ? pick(random, shared) : pick(random, mine);
                    update(chime, room, member, random.nextBoolean() ? "Administrator" : "Member");
                } else {
                    String member = random.nextInt(4) == 0 ? pick(random, shared) : pick(random, mine);
                    delete(chime, room, member);
                }
            }
        } finally {
            servers[0].close();
            servers[1].close();
        }
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void batch(ChimeClient chime, Random random, String room, List<String> shared, List<String> mine) {
        Set<String> ids = new LinkedHashSet<>();
        int n = 1 + random.nextInt(8);
        while (ids.size() < n) {
            ids.add(random.nextInt(3) == 0 ? pick(random, mine) : pick(random, shared));
        }
        Map<String, String> roles = new LinkedHashMap<>();
        List<MembershipItem> items = new ArrayList<>();
        for (String id : ids) {
            int r = random.nextInt(3);
            String role = r == 0 ? null : r == 1 ? "Member" : "Administrator";
            roles.put(id, role);
            items.add(MembershipItem.builder().memberId(id).role(role).build());
        }
        long start = System.nanoTime();
        try {
            BatchCreateRoomMembershipResponse response = chime.batchCreateRoomMembership(
                    r -> r.accountId(accountId).roomId(room).membershipItemList(items));
            long end = System.nanoTime();
            int status = response.sdkHttpResponse().statusCode();
            count("batch " + status);
            if (status != 201) {
                violations.add("batch answered " + status);
            }
            Map<String, MemberError> failed = new HashMap<>();
            for (MemberError e : response.errors()) {
                count("batch item " + e.errorCodeAsString());
                if (e.memberId() == null || !roles.containsKey(e.memberId()) || failed.put(e.memberId(), e) != null) {
                    violations.add("batch item error for an id not (once) in the request: " + e);
                }
                if (!"ResourceLimitExceeded".equals(e.errorCodeAsString())) {
                    violations.add("unexpected batch item error " + e);
                }
            }
            roles.forEach((id, role) -> {
                if (!failed.containsKey(id)) {
                    count("batch item ok");
                    write(
                            room,
                            id,
                            new Write(start, end, role == null ? Kind.PRESENT_ANY_ROLE : Kind.PRESENT, role, "batch"));
                }
            });
        } catch (AwsServiceException e) {
            serviceError("batch", e);
        } catch (RuntimeException e) {
            count("batch transport error");
            violations.add("batch: no HTTP answer: " + e);
        }
    }

    private void update(ChimeClient chime, String room, String member, String role) {
        long start = System.nanoTime();
        try {
            UpdateRoomMembershipResponse response = chime.updateRoomMembership(
                    r -> r.accountId(accountId).roomId(room).memberId(member).role(role));
            long end = System.nanoTime();
            int status = response.sdkHttpResponse().statusCode();
            count("update " + status);
            if (status != 200 || !role.equals(response.roomMembership().roleAsString())) {
                violations.add("update answered " + status + " " + response.roomMembership());
            }
            write(room, member, new Write(start, end, Kind.PRESENT, role, "update"));
        } catch (AwsServiceException e) {
            serviceError("update", e);
            if (e.statusCode() != 404) {
                violations.add("update of a user member answered " + e.statusCode() + " (only 404 expected)");
            }
        } catch (RuntimeException e) {
            count("update transport error");
            violations.add("update: no HTTP answer: " + e);
        }
    }

    private void delete(ChimeClient chime, String room, String member) {
        long start = System.nanoTime();
        try {
            DeleteRoomMembershipResponse response = chime.deleteRoomMembership(
                    r -> r.accountId(accountId).roomId(room).memberId(member));
            long end = System.nanoTime();
            int status = response.sdkHttpResponse().statusCode();
            count("delete " + status);
            if (status != 204) {
                violations.add("delete answered " + status);
            }
            write(room, member, new Write(start, end, Kind.ABSENT, null, "delete"));
        } catch (AwsServiceException e) {
            serviceError("delete", e);
            if (e.statusCode() != 404) {
                violations.add("delete answered " + e.statusCode() + " (only 404 expected)");
            }
        } catch (RuntimeException e) {
            count("delete transport error");
            violations.add("delete: no HTTP answer: " + e);
        }
    }

    /** Committed room sizes, as often as the database answers; the largest one seen. */
    private void watchRoomSizes(AtomicBoolean stop, AtomicLong max) {
        try (Connection c = PgServers.sql(url);
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(n), 0) FROM"
                        + " (SELECT COUNT(*) AS n FROM memberships GROUP BY room_id) x")) {
            while (!stop.get()) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    max.accumulateAndGet(rs.getLong(1), Math::max);
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            violations.add("room size monitor failed: " + e);
        }
    }

    /**
     * Nothing left waiting or holding locks once every client has its answer: no backend holds a lock on a
     * table of this schema, and none of them waits. (pg_locks is cluster-wide and other suites may run
     * beside this one, so the unscoped count is only printed.)
     */
    private void lockChecks(Connection c) throws Exception {
        String ours = "SELECT l.pid FROM pg_locks l JOIN pg_class k ON k.oid = l.relation"
                + " JOIN pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = '" + schema
                + "' AND l.pid <> pg_backend_pid()";
        // The servers are still running: their bot-event dispatchers poll once a second (D95) and hold a table
        // lock for the few milliseconds of that query. A lock a finished request left behind stays; a poll's goes.
        // So the check looks again for up to 5 s before it fails (CI saw one poll's lock once).
        long deadline = System.nanoTime() + 5_000_000_000L;
        long held;
        long waiting;
        long idleInTx;
        while (true) {
            held = PgServers.count(c, "SELECT COUNT(*) FROM (" + ours + ") x");
            waiting = PgServers.count(c, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND pid IN (" + ours + ")");
            idleInTx = PgServers.count(
                    c,
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'" + " AND pid IN ("
                            + ours + ")");
            if ((held == 0 && waiting == 0 && idleInTx == 0) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        long all = PgServers.count(c, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted");
        System.out.printf(
                "[pg-concurrency] after the run: locks held on %s %d, waiting %d, idle in transaction %d;"
                        + " ungranted locks cluster-wide %d%n",
                schema, held, waiting, idleInTx, all);
        assertThat(held).isZero();
        assertThat(waiting).isZero();
        assertThat(idleInTx).isZero();
    }

    List<RoomMembership> listAll(ChimeClient client, String room, int pageSize) {
        return listAll(List.of(client), room, pageSize, 0);
    }

    /** Pages through a room, the next page from the next client (server), optionally pausing between pages. */
    List<RoomMembership> listAll(List<ChimeClient> clients, String room, int pageSize, long pauseMs) {
        List<RoomMembership> all = new ArrayList<>();
        String token = null;
        int page = 0;
        do {
            String next = token;
            var response = clients.get(page++ % clients.size())
                    .listRoomMemberships(r -> r.accountId(accountId)
                            .roomId(room)
                            .maxResults(pageSize)
                            .nextToken(next));
            assertThat(response.roomMemberships().size()).isLessThanOrEqualTo(pageSize);
            all.addAll(response.roomMemberships());
            token = response.nextToken();
            if (pauseMs > 0 && token != null) {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } while (token != null);
        return all;
    }

    /**
     * ListRoomMemberships with MaxResults 7, pages alternating between the servers, while writers add
     * members, promote and demote the ones already there, and delete the ones they added: every member
     * present for the whole listing appears exactly once.
     */
    @Test
    void pagingWhileOthersAddNeitherRepeatsNorSkipsAMemberPresentThroughout() throws Exception {
        String room = admin.createRoom(r -> r.accountId(accountId).name("paged"))
                .room()
                .roomId();
        List<String> stable = users.subList(0, 25);
        List<String> movers = users.subList(users.size() - 60, users.size());
        for (int i = 0; i < stable.size(); i += 10) {
            List<MembershipItem> items = stable.subList(i, Math.min(stable.size(), i + 10)).stream()
                    .map(id -> MembershipItem.builder().memberId(id).build())
                    .toList();
            assertThat(admin.batchCreateRoomMembership(
                                    r -> r.accountId(accountId).roomId(room).membershipItemList(items))
                            .errors())
                    .isEmpty();
        }
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writesDone = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            List<String> own = movers.subList(writer * 10, writer * 10 + 10);
            running.add(writers.submit(() -> {
                Random random = new Random(77 + writer);
                try (ChimeClient chime = PgServers.client((writer % 2 == 0 ? a : b).url())) {
                    while (!stop.get()) {
                        try {
                            int dice = random.nextInt(3);
                            if (dice == 0) {
                                List<MembershipItem> items = new ArrayList<>();
                                new LinkedHashSet<>(List.of(pick(random, own), pick(random, own), pick(random, own)))
                                        .forEach(id -> items.add(MembershipItem.builder()
                                                .memberId(id)
                                                .build()));
                                chime.batchCreateRoomMembership(
                                        r -> r.accountId(accountId).roomId(room).membershipItemList(items));
                            } else if (dice == 1) {
                                chime.updateRoomMembership(r -> r.accountId(accountId)
                                        .roomId(room)
                                        .memberId(pick(random, stable))
                                        .role(
                                                random.nextBoolean()
                                                        ? RoomMembershipRole.ADMINISTRATOR
                                                        : RoomMembershipRole.MEMBER));
                            } else {
                                chime.deleteRoomMembership(
                                        r -> r.accountId(accountId).roomId(room).memberId(pick(random, own)));
                            }
                            writesDone.incrementAndGet();
                        } catch (AwsServiceException e) {
                            if (e.statusCode() >= 500) {
                                problems.add("paging writer got " + e.statusCode() + ": " + e.getMessage());
                            }
                        }
                    }
                }
                return null;
            }));
        }
        List<ChimeClient> readers = List.of(PgServers.client(a.url()), PgServers.client(b.url()));
        int listings = 0;
        long pages = 0;
        try {
            long end = System.currentTimeMillis() + 8_000;
            while (System.currentTimeMillis() < end || listings < 3) {
                List<RoomMembership> listed = listAll(readers, room, 7, 15);
                listings++;
                pages += (listed.size() + 6) / 7;
                Map<String, Long> seen = listed.stream()
                        .collect(Collectors.groupingBy(m -> m.member().memberId(), Collectors.counting()));
                for (String id : stable) {
                    assertThat(seen.getOrDefault(id, 0L))
                            .as("listing %d: times %s appears", listings, id)
                            .isEqualTo(1L);
                }
            }
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
            readers.forEach(ChimeClient::close);
        }
        System.out.printf(
                "[pg-paging] %d listings (~%d pages of 7) during %d concurrent writes%n",
                listings, pages, writesDone.get());
        assertThat(problems).isEmpty();
        assertThat(writesDone.get()).isGreaterThan(30);
    }
}
