package dev.belfry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Incoming webhook posts (issue 14): posts per second sustained across many webhooks and the p99 of a post, against
 * the HTTP ceiling (signed GetAccount) of the same server in the same run. Pacing is off for the measurement
 * (--webhook-posts-per-second 0): at Chime's 1 post per second per webhook, the figure would only count webhooks.
 * The pace check itself is a comparison on the webhook row every post locks anyway.
 */
final class Webhooks {
    static final int ROOMS = 20;
    static final int PER_ROOM = 10;

    private Webhooks() {}

    static void measure(Bench b, String db) throws Exception {
        Seed seed = b.track(db.equals("sqlite") ? Seed.freshSqlite() : Seed.freshPostgres(b.pgBase));
        seed.base(10, ROOMS);
        List<String> options = new ArrayList<>(b.serveOptions(seed));
        options.addAll(List.of("--webhook-posts-per-second", "0"));
        try (ServerUnderTest server = ServerUnderTest.start(b.jar, b.launcherServeFlags(), options)) {
            List<String[]> hooks = create(server.port, ROOMS, PER_ROOM);
            LoadGenerator.ClientFactory post = LoadGenerator.keepAlive(server.port, (http, t, k) -> {
                String[] hook = hooks.get((int) ((t * 7919L + k) % hooks.size()));
                int status = http.send(KeepAliveClient.unsigned(
                        server.port,
                        "POST",
                        "/incomingwebhooks/" + hook[0],
                        "token=" + hook[1],
                        "{\"Content\":\"/md build " + k + " of client " + t + " **passed**\"}"));
                if (status != 200) {
                    throw new IllegalStateException("webhook post answered " + status + ": " + http.body());
                }
                return 1;
            });
            LoadGenerator.run(16, 0, b.full ? 10 : 4, 0, post, null, null); // JIT warm-up, not measured
            LoadGenerator.Result get = LoadGenerator.run(
                    16,
                    b.warmup,
                    b.seconds,
                    0,
                    LoadGenerator.httpSimple(server.port, "GET", "/accounts/" + Seed.ACCOUNT, null, 200),
                    server,
                    null);
            LoadGenerator.Result posts = LoadGenerator.run(16, b.warmup, b.seconds, 0, post, server, null);
            double rate = posts.opsPerSecond() / 2;
            LoadGenerator.Result half = LoadGenerator.run(4, b.warmup, b.seconds, rate / 4, post, server, null);
            double ratio = posts.opsPerSecond() / get.opsPerSecond();
            b.md.append("### Incoming webhook posts on ")
                    .append(seed.label)
                    .append(" (")
                    .append(hooks.size())
                    .append(" webhooks in ")
                    .append(ROOMS)
                    .append(" rooms, 16 clients, keep-alive, pacing off)\n\n")
                    .append("Posts: ")
                    .append(Bench.num(posts.opsPerSecond()))
                    .append(" /s (p50 ")
                    .append(Bench.fmt(posts.percentileMs(50)))
                    .append(" ms, p99 ")
                    .append(Bench.fmt(posts.percentileMs(99)))
                    .append(" ms, server CPU ")
                    .append(Bench.cpu(posts.serverCpuNanos(), posts.seconds()))
                    .append(") against the HTTP ceiling of ")
                    .append(Bench.num(get.opsPerSecond()))
                    .append(" signed GetAccount/s: ")
                    .append(Bench.fmt2(ratio))
                    .append(" ×. Paced at half that rate from 4 clients: p50 ")
                    .append(Bench.fmt(half.percentileMs(50)))
                    .append(" ms, p99 ")
                    .append(Bench.fmt(half.percentileMs(99)))
                    .append(" ms.\n\n");
            b.targets.add(new String[] {
                seed.label + ": webhook posts ≥ 0.25 × HTTP ceiling (informational: each post is a durable write)",
                Bench.fmt2(ratio) + " ×",
                ratio >= 0.25 ? "yes" : "**no**"
            });
            b.targets.add(new String[] {
                seed.label + ": webhook post p99 ≤ 20 ms at half of peak",
                Bench.fmt(half.percentileMs(99)) + " ms",
                half.percentileMs(99) <= 20 ? "yes" : "**no**"
            });
            System.err.printf(
                    "%s webhooks posts/s=%.0f ceiling=%.0f ratio=%.2f p99(half)=%.1f%n",
                    seed.label, posts.opsPerSecond(), get.opsPerSecond(), ratio, half.percentileMs(99));
        }
    }

    /** Creates the webhooks through Belfry's signed admin operation; returns their ids and tokens. */
    static List<String[]> create(int port, int rooms, int perRoom) throws Exception {
        List<String[]> out = new ArrayList<>();
        KeepAliveClient http = new KeepAliveClient(port);
        try {
            for (int r = 0; r < rooms; r++) {
                for (int i = 0; i < perRoom; i++) {
                    int status = http.send(KeepAliveClient.request(
                            port,
                            "POST",
                            "/_belfry/admin/accounts/" + Seed.ACCOUNT + "/rooms/" + Seed.room(r) + "/webhooks",
                            null,
                            "{\"Name\":\"bench " + r + "." + i + "\"}"));
                    String body = http.body();
                    if (status != 201) {
                        throw new IllegalStateException("create-webhook answered " + status + ": " + body);
                    }
                    String url = body.replaceAll(".*\"Url\":\"([^\"]+)\".*", "$1");
                    String id = url.replaceAll(".*/incomingwebhooks/([^?]+)\\?.*", "$1");
                    out.add(new String[] {id, url.replaceAll(".*\\?token=", "")});
                }
            }
        } finally {
            http.close();
        }
        return out;
    }
}
