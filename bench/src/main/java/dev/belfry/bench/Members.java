package dev.belfry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Membership past the API's limits (issue 16): {@code belfry rooms add-members} putting 100,000 members into one room,
 * and {@code belfry rooms sync-members} bringing a 100,000-member room to a list that differs by 1 % (500 out, 500
 * in), each against the raw BatchCreateRoomMembership throughput of the same server in the same run (4 keep-alive
 * clients sending batches of 50 new members into another room, after 10,000 unmeasured ones warm the server). Every
 * change is audited, so the audit's write is in all the figures.
 */
final class Members {
    static final int ROOM_SIZE = 100_000;
    static final int RAW_BATCHES = 400; // 20,000 members
    static final int WARMUP_BATCHES = 200; // 10,000 members, not measured: the JIT warms on the same calls
    static final int CLIENTS = 4;

    private Members() {}

    static void measure(Bench b, String db) throws Exception {
        Seed seed = db.equals("sqlite") ? Seed.freshSqlite() : Seed.freshPostgres(b.pgBase);
        long users = ROOM_SIZE + 500 + (WARMUP_BATCHES + RAW_BATCHES) * 50L;
        seed.base(users, 2);
        try (ServerUnderTest server = ServerUnderTest.start(b.jar, b.launcherServeFlags(), b.serveOptions(seed))) {
            raw(server.port, ROOM_SIZE + 500, WARMUP_BATCHES);
            double raw = raw(server.port, ROOM_SIZE + 500 + WARMUP_BATCHES * 50L, RAW_BATCHES);
            Path dir = Files.createTempDirectory("bench-members");
            Path list = dir.resolve("members.txt");
            StringBuilder text = new StringBuilder();
            for (long i = 0; i < ROOM_SIZE; i++) {
                text.append(Seed.user(i)).append('\n');
            }
            Files.writeString(list, text);
            String url = "http://127.0.0.1:" + server.port;
            List<String> add = command(b, url, "add-members", "--from", list.toString(), "--concurrency", "4");
            double addMs = Cli.call(add, Map.of());
            double addRate = ROOM_SIZE / (addMs / 1000);

            StringBuilder desired = new StringBuilder();
            for (long i = 500; i < ROOM_SIZE + 500; i++) {
                desired.append(Seed.user(i)).append('\n');
            }
            Path want = dir.resolve("desired.txt");
            Files.writeString(want, desired);
            double syncMs = Cli.call(command(b, url, "sync-members", "--from", want.toString()), Map.of());
            double noopMs = Cli.call(command(b, url, "sync-members", "--from", want.toString()), Map.of());
            double syncRate = ROOM_SIZE / (syncMs / 1000);
            b.md.append("### Room membership past the API's limits on ")
                    .append(seed.label)
                    .append(" (issue 16)\n\n| | time | members/s | ÷ raw batch throughput |\n|---|---|---|---|\n")
                    .append("| raw BatchCreateRoomMembership, ")
                    .append(CLIENTS)
                    .append(" clients, ")
                    .append(Bench.num(RAW_BATCHES * 50L))
                    .append(" members | | ")
                    .append(Bench.num(raw))
                    .append(" | 1.00 |\n| `rooms add-members` 100,000 members into one room (--concurrency 4) | ")
                    .append(Bench.fmt(addMs / 1000))
                    .append(" s | ")
                    .append(Bench.num(addRate))
                    .append(" | ")
                    .append(Bench.fmt2(addRate / raw))
                    .append(" |\n| `rooms sync-members` of that room to a list 1 % different (500 out, 500 in) | ")
                    .append(Bench.fmt(syncMs / 1000))
                    .append(" s | ")
                    .append(Bench.num(syncRate))
                    .append(" reconciled | ")
                    .append(Bench.fmt2(syncRate / raw))
                    .append(" |\n| the same sync again (no change: listing the room only) | ")
                    .append(Bench.fmt(noopMs / 1000))
                    .append(" s | ")
                    .append(Bench.num(ROOM_SIZE / (noopMs / 1000)))
                    .append(" listed | ")
                    .append(Bench.fmt2(ROOM_SIZE / (noopMs / 1000) / raw))
                    .append(" |\n\n");
            b.targets.add(new String[] {
                seed.label + ": add-members ≥ 0.5 × raw batch throughput",
                Bench.fmt2(addRate / raw) + " ×",
                addRate / raw >= 0.5 ? "yes" : "**no**"
            });
        }
    }

    private static List<String> command(Bench b, String url, String sub, String... more) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                b.jar.toString(),
                "rooms",
                sub,
                "--account-id",
                Seed.ACCOUNT,
                "--room-id",
                Seed.room(0),
                "--no-progress",
                "--query",
                "length(Errors)",
                "--endpoint-url",
                url));
        cmd.addAll(List.of(more));
        return cmd;
    }

    /** Members per second of signed batches of 50 new members into room 1 from {@link #CLIENTS} clients. */
    private static double raw(int port, long firstUser, int batches) throws Exception {
        AtomicLong next = new AtomicLong();
        String path = "/accounts/" + Seed.ACCOUNT + "/rooms/" + Seed.room(1) + "/memberships";
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long s = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            threads.add(new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(port)) {
                    for (long batch; (batch = next.getAndIncrement()) < batches; ) {
                        StringBuilder body = new StringBuilder("{\"MembershipItemList\":[");
                        for (int i = 0; i < 50; i++) {
                            body.append(i == 0 ? "" : ",")
                                    .append("{\"MemberId\":\"")
                                    .append(Seed.user(firstUser + batch * 50 + i))
                                    .append("\"}");
                        }
                        int status = http.send(KeepAliveClient.request(
                                port,
                                "POST",
                                path,
                                "operation=batch-create",
                                body.append("]}").toString()));
                        if (status != 201 || http.body().contains("ErrorCode")) {
                            throw new IllegalStateException("batch answered " + status + ": " + http.body());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return batches * 50.0 / ((System.nanoTime() - s) / 1e9);
    }
}
