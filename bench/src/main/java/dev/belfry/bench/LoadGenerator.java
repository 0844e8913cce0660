package dev.belfry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/** Closed-loop (and paced) load: N threads, each repeating one operation; latencies of the measured window. */
final class LoadGenerator {
    /** One client's operation: call k (0, 1, 2, …) of thread t; returns the rows it wrote (or 1 per request). */
    interface Op {
        int run(int thread, long k) throws Exception;
    }

    /** Per-thread set-up (a connection), torn down after the run. */
    interface ClientFactory {
        Op open(int thread) throws Exception;

        default void closeAll() {}
    }

    record Result(
            int clients,
            long ops,
            long rows,
            double seconds,
            long[] latenciesNanos,
            long clientCpuNanos,
            long serverCpuNanos) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double opsPerSecond() {
            return ops / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    /**
     * Runs {@code clients} threads for warmup + measure seconds; only calls that start inside the measured window
     * count. With {@code perThreadRate > 0} each thread is paced (open loop: latency counts from the intended start,
     * so queueing is not hidden).
     */
    static Result run(
            int clients,
            double warmupSeconds,
            double measureSeconds,
            double perThreadRate,
            ClientFactory factory,
            ServerUnderTest server,
            RssSampler rss)
            throws Exception {
        long warmupNanos = (long) (warmupSeconds * 1e9);
        long measureNanos = (long) (measureSeconds * 1e9);
        AtomicLong ops = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        List<long[]> lat = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            final int thread = t;
            long[][] mine = {new long[1024]};
            int[] count = {0};
            synchronized (lat) {
                lat.add(null);
            }
            Thread th = new Thread(
                    () -> {
                        try {
                            Op op = factory.open(thread);
                            ready.countDown();
                            go.await();
                            long start = window[0];
                            long measureFrom = start + warmupNanos;
                            long end = measureFrom + measureNanos;
                            long interval = perThreadRate > 0 ? (long) (1e9 / perThreadRate) : 0;
                            long next = start + (interval > 0 ? (long) (Math.random() * interval) : 0);
                            for (long k = 0; ; k++) {
                                long begin;
                                if (interval > 0) {
                                    while (System.nanoTime() < next) {
                                        long sleep = next - System.nanoTime();
                                        if (sleep > 200_000) {
                                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                                        }
                                    }
                                    begin = next;
                                    next += interval;
                                } else {
                                    begin = System.nanoTime();
                                }
                                if (begin >= end) {
                                    break;
                                }
                                int written = op.run(thread, k);
                                long took = System.nanoTime() - begin;
                                if (begin >= measureFrom) {
                                    ops.incrementAndGet();
                                    rows.addAndGet(written);
                                    if (count[0] == mine[0].length) {
                                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                                    }
                                    mine[0][count[0]++] = took;
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                            ready.countDown();
                        } finally {
                            synchronized (lat) {
                                lat.set(thread, Arrays.copyOf(mine[0], count[0]));
                            }
                        }
                    },
                    "bench-client-" + t);
            threads.add(th);
            th.start();
        }
        ready.await();
        if (failure.get() != null) {
            go.countDown();
            throw new IllegalStateException("client set-up failed", failure.get());
        }
        long cpu0 = ServerUnderTest.selfCpuNanos();
        long srv0 = server == null ? 0 : server.cpuNanos();
        window[0] = System.nanoTime();
        go.countDown();
        Thread.sleep(warmupNanos / 1_000_000);
        long cpuM = ServerUnderTest.selfCpuNanos();
        long srvM = server == null ? 0 : server.cpuNanos();
        if (rss != null) {
            rss.active = true;
        }
        for (Thread th : threads) {
            th.join();
        }
        if (rss != null) {
            rss.active = false;
        }
        long cpu1 = ServerUnderTest.selfCpuNanos();
        long srv1 = server == null ? 0 : server.cpuNanos();
        factory.closeAll();
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        long[] all = lat.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        // CPU over the measured window only (the warm-up's share subtracted)
        return new Result(clients, ops.get(), rows.get(), measureSeconds, all, cpu1 - cpuM, srv1 - srvM);
    }

    /** Samples a server's VmRSS while {@link #active}. */
    static final class RssSampler extends Thread {
        private final ServerUnderTest server;
        volatile boolean active;
        volatile long maxKb;

        RssSampler(ServerUnderTest server) {
            this.server = server;
            setDaemon(true);
            setName("rss-sampler");
        }

        @Override
        public void run() {
            while (server.process.isAlive()) {
                try {
                    if (active) {
                        maxKb = Math.max(maxKb, server.rssKb());
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }
    }

    /**
     * The write ceiling: the same membership rows as a batch, by plain JDBC, one 50-row multi-row INSERT per
     * transaction. SQLite allows one writer at a time, so its threads share one connection in turn (as Belfry's
     * single-connection write pool does) instead of sleeping on the file lock.
     *
     * @param fsyncEachCommit for SQLite, commit with synchronous=FULL as Belfry does (see {@link Seed#connect(boolean)})
     */
    static ClientFactory jdbcCeiling(Seed seed, RoomPlan plan, boolean fsyncEachCommit) {
        String sql;
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < RoomPlan.BATCH; i++) {
            values.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?)");
        }
        sql =
                "INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at, updated_at) VALUES "
                        + values;
        ReentrantLock sqliteWriter = new ReentrantLock(true);
        Connection[] shared = new Connection[1];
        List<Connection> opened = new ArrayList<>();
        return new ClientFactory() {
            @Override
            public Op open(int thread) throws Exception {
                Connection c;
                synchronized (opened) {
                    if (seed.sqlite && shared[0] != null) {
                        c = shared[0];
                    } else {
                        c = seed.connect(fsyncEachCommit);
                        c.setAutoCommit(false);
                        opened.add(c);
                        if (seed.sqlite) {
                            shared[0] = c;
                        }
                    }
                }
                PreparedStatement ps;
                synchronized (c) {
                    ps = c.prepareStatement(sql);
                }
                long now = System.currentTimeMillis();
                return (t, k) -> {
                    String roomId = Seed.room(plan.room(t, k));
                    long firstUser = plan.firstUser(t, k);
                    if (seed.sqlite) {
                        sqliteWriter.lock();
                    }
                    try {
                        int p = 1;
                        for (int i = 0; i < RoomPlan.BATCH; i++) {
                            ps.setString(p++, roomId);
                            ps.setString(p++, Seed.user(firstUser + i));
                            ps.setString(p++, "User");
                            ps.setString(p++, "Member");
                            ps.setString(p++, "arn:aws:iam::000000000000:user/bench");
                            ps.setLong(p++, now);
                            ps.setLong(p++, now);
                        }
                        ps.executeUpdate();
                        c.commit();
                    } finally {
                        if (seed.sqlite) {
                            sqliteWriter.unlock();
                        }
                    }
                    return RoomPlan.BATCH;
                };
            }

            @Override
            public void closeAll() {
                for (Connection c : opened) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // ignore
                    }
                }
            }
        };
    }

    /** What one client does with its own keep-alive connection, call after call. */
    interface HttpOp {
        int run(KeepAliveClient http, int thread, long k) throws Exception;
    }

    /** One keep-alive connection per client thread, all closed after the run. */
    static ClientFactory keepAlive(int port, HttpOp op) {
        List<KeepAliveClient> opened = new ArrayList<>();
        return new ClientFactory() {
            @Override
            public Op open(int thread) throws Exception {
                KeepAliveClient http = new KeepAliveClient(port);
                synchronized (opened) {
                    opened.add(http);
                }
                return (t, k) -> op.run(http, t, k);
            }

            @Override
            public void closeAll() {
                opened.forEach(KeepAliveClient::close);
            }
        };
    }

    /** Signed BatchCreateRoomMembership of 50 new members per request, over one keep-alive connection per client. */
    static ClientFactory httpBatch(int port, RoomPlan plan) {
        return keepAlive(port, (http, t, k) -> {
            String roomId = Seed.room(plan.room(t, k));
            long firstUser = plan.firstUser(t, k);
            StringBuilder body = new StringBuilder(4096).append("{\"MembershipItemList\":[");
            for (int i = 0; i < RoomPlan.BATCH; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"MemberId\":\"")
                        .append(Seed.user(firstUser + i))
                        .append("\",\"Role\":\"Member\"}");
            }
            body.append("]}");
            byte[] req = KeepAliveClient.request(
                    port,
                    "POST",
                    "/accounts/" + Seed.ACCOUNT + "/rooms/" + roomId + "/memberships",
                    "operation=batch-create",
                    body.toString());
            int status = http.send(req);
            String answer = http.body();
            if (status != 201 || answer.contains("ErrorCode")) {
                throw new IllegalStateException("batch answered " + status + ": " + answer);
            }
            return RoomPlan.BATCH;
        });
    }

    /** Any signed request that should answer {@code expect}; counts one per call. */
    static ClientFactory httpSimple(int port, String method, String path, String query, int expect) {
        return keepAlive(port, (http, t, k) -> {
            int status = http.send(KeepAliveClient.request(port, method, path, query, null));
            if (status != expect) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + http.body());
            }
            return 1;
        });
    }

    /**
     * Which room and users batch k of client t writes: every client fills its own rooms with consecutive runs of 50
     * of the {@code users} seeded users, moving to a fresh room when a room holds them all, so every row is new.
     * Each run takes its rooms from a fresh range.
     */
    static final class RoomPlan {
        static final int BATCH = 50;
        final long users;
        final int clients;
        final long firstRoom;
        final long roomsAvailable;

        RoomPlan(long users, int clients, long firstRoom, long roomsAvailable) {
            this.users = users;
            this.clients = clients;
            this.firstRoom = firstRoom;
            this.roomsAvailable = roomsAvailable;
        }

        long perRoom() {
            return users / BATCH;
        }

        long room(int t, long k) {
            long r = firstRoom + t + (long) clients * (k / perRoom());
            if (r >= firstRoom + roomsAvailable) {
                throw new IllegalStateException("benchmark ran out of seeded rooms; seed more");
            }
            return r;
        }

        /** Clients start at staggered users, so independent clients do not add the same people at the same moment. */
        long firstUser(int t, long k) {
            return ((k + t * perRoom() / clients) % perRoom()) * BATCH;
        }
    }

    static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
