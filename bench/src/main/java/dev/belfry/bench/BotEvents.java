package dev.belfry.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bot-event delivery (issue 15, the issue 19 row "bot-event delivery: commit-to-delivery p99"): the time from a
 * committed change's acknowledgement (the client has read the 201/200/204) to the bot receiving its event, and the
 * events per second the server's dispatcher sustains. The bots are a real HTTP server in the bench process
 * ({@link BotEndpoint}), so both instants are read from one clock. Changes: for each of {@link #BOTS} bots in each of
 * {@link #ROOMS} rooms, in turn, CreateRoomMembership (Invite), two webhook posts naming the bot (Mention), then
 * DeleteRoomMembership (Remove); one client owns a bot's room at a time, so the n-th change it acknowledged is the
 * n-th event the bot gets for that room (D104's order). Measured at a steady paced rate and under closed-loop load.
 */
final class BotEvents {
    static final int BOTS = 8;
    static final int ROOMS = 16;
    static final int MENTIONS = 2;
    /** The paced run: changes per second, offered from 4 clients. */
    static final double PACED_RATE = 20;

    private static final Pattern FIELD = Pattern.compile("\"(BotId|BotEmail)\"\\s*:\\s*\"([^\"]+)\"");

    private final int port;
    private final String[] botIds = new String[BOTS];
    private final String[] botEmails = new String[BOTS];
    private final List<String[]> hooks;
    /** Per pair (bot, room): the next step (0 Invite, 1..MENTIONS Mention, then Remove) and events so far. */
    private final int[] step = new int[BOTS * ROOMS];

    private final long[] ordinal = new long[BOTS * ROOMS];
    /** "bot|room|n" → the acknowledgement's nanoTime, for the changes of the run being measured. */
    private final Map<String, Long> acks = new ConcurrentHashMap<>();

    private volatile boolean measuring;
    /** The threads of the run going on (8, 4 or 16: each divides the pairs evenly). */
    private volatile int runThreads = 1;

    private BotEvents(int port, List<String[]> hooks) {
        this.port = port;
        this.hooks = hooks;
    }

    static void measure(Bench b, String db) throws Exception {
        Seed seed = b.track(db.equals("sqlite") ? Seed.freshSqlite() : Seed.freshPostgres(b.pgBase));
        seed.base(10, ROOMS);
        List<String> options = new ArrayList<>(b.serveOptions(seed));
        options.addAll(List.of("--webhook-posts-per-second", "0"));
        try (BotEndpoint endpoint = new BotEndpoint();
                ServerUnderTest server = ServerUnderTest.start(b.jar, b.launcherServeFlags(), options)) {
            BotEvents bench = new BotEvents(server.port, Webhooks.create(server.port, ROOMS, 1));
            bench.bots(endpoint);
            LoadGenerator.ClientFactory change = LoadGenerator.keepAlive(server.port, bench::change);
            bench.runThreads = 8;
            LoadGenerator.run(8, 0, b.full ? 10 : 4, 0, change, null, null); // JIT warm-up, not measured
            bench.drain(endpoint);
            Run paced = bench.run(b, endpoint, server, 4, PACED_RATE / 4, change);
            Run loaded = bench.run(b, endpoint, server, 16, 0, change);
            Thread.sleep(2_000);
            long idleFrom = server.cpuNanos();
            double idleCheckouts = checkouts(server.port);
            Thread.sleep(IDLE_SECONDS * 1000L);
            double idleCpu = (server.cpuNanos() - idleFrom) / (IDLE_SECONDS * 1e9);
            double idleCheckoutsPerSecond = (checkouts(server.port) - idleCheckouts) / IDLE_SECONDS;
            b.md.append("### Bot-event delivery on ")
                    .append(seed.label)
                    .append(" (")
                    .append(BOTS)
                    .append(" bots × ")
                    .append(ROOMS)
                    .append(" rooms; Invite, ")
                    .append(MENTIONS)
                    .append(" Mentions by webhook post, Remove; the bots a real HTTP server in the bench process)\n\n")
                    .append(
                            "| run | changes/s acknowledged | events/s delivered (to the last arrival) | ack → bot p50 ms | p99 ms | max ms"
                                    + " | delivered before the ack | backlog drained in | duplicates | server CPU |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|\n");
            paced.row(b, "paced, " + Bench.num(PACED_RATE) + " changes/s from 4 clients");
            loaded.row(b, "closed loop, 16 clients");
            b.md.append("\nIdle afterwards (")
                    .append(IDLE_SECONDS)
                    .append(" s, nothing to deliver): server CPU ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f%%", idleCpu * 100))
                    .append(String.format(
                            java.util.Locale.ROOT,
                            ", %.1f database transactions/s (HikariCP's connection checkouts)",
                            idleCheckoutsPerSecond))
                    .append(".\n\n");
            b.targets.add(new String[] {
                seed.label + ": bot-event delivery: commit-to-delivery p99 ≤ 100 ms at " + Bench.num(PACED_RATE)
                        + " changes/s (issue 19)",
                Bench.fmt(paced.p99) + " ms",
                paced.p99 <= 100 ? "yes" : "**no**"
            });
            System.err.printf(
                    "%s botevents paced p50=%.1f p99=%.1f max=%.1f; loaded %.0f changes/s %.0f events/s p99=%.1f%n",
                    seed.label,
                    paced.p50,
                    paced.p99,
                    paced.max,
                    loaded.changesPerSecond,
                    loaded.eventsPerSecond,
                    loaded.p99);
        }
    }

    static final int IDLE_SECONDS = 10;

    /**
     * Connections the server's pools handed out so far (HikariCP's usage count in /_belfry/metrics, all pools): at
     * idle, each one is a look for due events, so the idle rate is what finding events costs when there are none.
     */
    private static double checkouts(int port) throws Exception {
        try (KeepAliveClient http = new KeepAliveClient(port)) {
            http.send(KeepAliveClient.unsigned(port, "GET", "/_belfry/metrics", null, null));
            double n = 0;
            for (String line : http.body().split("\n")) {
                if (line.startsWith("hikaricp_connections_usage_seconds_count")) {
                    n += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return n;
        }
    }

    /** One measured run's figures. */
    private record Run(
            double changesPerSecond,
            double eventsPerSecond,
            double p50,
            double p99,
            double max,
            long early,
            long events,
            double drainSeconds,
            long duplicates,
            String serverCpu) {
        void row(Bench b, String name) {
            b.md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(Bench.num(changesPerSecond))
                    .append(" | ")
                    .append(Bench.num(eventsPerSecond))
                    .append(" | ")
                    .append(Bench.fmt(p50))
                    .append(" | ")
                    .append(Bench.fmt(p99))
                    .append(" | ")
                    .append(Bench.fmt(max))
                    .append(" | ")
                    .append(early)
                    .append(" of ")
                    .append(events)
                    .append(" | ")
                    .append(Bench.fmt(drainSeconds))
                    .append(" s | ")
                    .append(duplicates)
                    .append(" | ")
                    .append(serverCpu)
                    .append(" |\n");
        }
    }

    private Run run(
            Bench b,
            BotEndpoint endpoint,
            ServerUnderTest server,
            int clients,
            double perClientRate,
            LoadGenerator.ClientFactory change)
            throws Exception {
        acks.clear();
        runThreads = clients;
        long duplicatesBefore = endpoint.duplicates.get();
        long receivedBefore = endpoint.received.get();
        measuring = true;
        long start = System.nanoTime();
        LoadGenerator.Result r = LoadGenerator.run(clients, 0, b.seconds, perClientRate, change, server, null);
        long end = System.nanoTime();
        measuring = false;
        double drain = drain(endpoint);
        // events/s sustained: this run's events over the time from its start to the last one's arrival
        long last = acks.keySet().stream()
                .mapToLong(k -> endpoint.arrivals.getOrDefault(k, end))
                .max()
                .orElse(end);
        long[] latencies = new long[acks.size()];
        int n = 0;
        long early = 0;
        for (Map.Entry<String, Long> ack : acks.entrySet()) {
            Long arrived = endpoint.arrivals.get(ack.getKey());
            if (arrived == null) {
                throw new IllegalStateException("the bot never got the event of " + ack.getKey());
            }
            long d = arrived - ack.getValue();
            if (d < 0) {
                early++; // the dispatcher was faster than the client reading its answer
            }
            latencies[n++] = Math.max(0, d);
        }
        Arrays.sort(latencies);
        return new Run(
                r.opsPerSecond(),
                acks.size() / ((Math.max(end, last) - start) / 1e9),
                Bench.pct(latencies, 50),
                Bench.pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6,
                early,
                latencies.length,
                drain,
                endpoint.duplicates.get() - duplicatesBefore,
                Bench.cpu(r.serverCpuNanos(), r.seconds()) + " (" + (endpoint.received.get() - receivedBefore)
                        + " requests)");
    }

    /** Waits until every acknowledged change's event arrived (all runs') (at most 60 s); returns how long that took. */
    private double drain(BotEndpoint endpoint) throws InterruptedException {
        long s = System.nanoTime();
        long deadline = s + 60_000_000_000L;
        long changes = Arrays.stream(ordinal).sum();
        while (System.nanoTime() < deadline) {
            if (endpoint.arrivals.size() >= changes
                    && acks.keySet().stream().allMatch(endpoint.arrivals::containsKey)) {
                break;
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - s) / 1e9;
    }

    /** Makes the bots (CreateBot) and gives each its endpoint (PutEventsConfiguration: the verification handshake). */
    private void bots(BotEndpoint endpoint) throws Exception {
        try (KeepAliveClient http = new KeepAliveClient(port)) {
            for (int i = 0; i < BOTS; i++) {
                int status = http.send(KeepAliveClient.request(
                        port,
                        "POST",
                        "/accounts/" + Seed.ACCOUNT + "/bots",
                        null,
                        "{\"DisplayName\":\"benchbot" + i + "\",\"Domain\":\"bench.example\"}"));
                if (status != 201) {
                    throw new IllegalStateException("CreateBot answered " + status + ": " + http.body());
                }
                Matcher m = FIELD.matcher(http.body());
                while (m.find()) {
                    if (m.group(1).equals("BotId")) {
                        botIds[i] = m.group(2);
                    } else {
                        botEmails[i] = m.group(2);
                    }
                }
                status = http.send(KeepAliveClient.request(
                        port,
                        "PUT",
                        "/accounts/" + Seed.ACCOUNT + "/bots/" + botIds[i] + "/events-configuration",
                        null,
                        "{\"OutboundEventsHTTPSEndpoint\":\"" + endpoint.url(i) + "\"}"));
                if (status != 201) {
                    throw new IllegalStateException("PutEventsConfiguration answered " + status + ": " + http.body());
                }
            }
        }
    }

    /**
     * Client t's k-th change: the next step of one of its pairs (the pairs p with p % clients == t, in turn), whose
     * event is the pair's next ordinal.
     */
    private int change(KeepAliveClient http, int thread, long k) throws Exception {
        int pair = pairOf(thread, k);
        int bot = pair % BOTS;
        int room = pair / BOTS;
        String roomId = Seed.room(room);
        int s = step[pair];
        int status;
        int expect;
        if (s == 0) {
            expect = 201;
            status = http.send(KeepAliveClient.request(
                    port,
                    "POST",
                    "/accounts/" + Seed.ACCOUNT + "/rooms/" + roomId + "/memberships",
                    null,
                    "{\"MemberId\":\"" + botIds[bot] + "\"}"));
        } else if (s <= MENTIONS) {
            expect = 200;
            String[] hook = hooks.get(room);
            status = http.send(KeepAliveClient.unsigned(
                    port,
                    "POST",
                    "/incomingwebhooks/" + hook[0],
                    "token=" + hook[1],
                    "{\"Content\":\"@" + botEmails[bot] + " job " + (ordinal[pair] + 1) + "\"}"));
        } else {
            expect = 204;
            status = http.send(KeepAliveClient.request(
                    port,
                    "DELETE",
                    "/accounts/" + Seed.ACCOUNT + "/rooms/" + roomId + "/memberships/" + botIds[bot],
                    null,
                    null));
        }
        long acked = System.nanoTime();
        if (status != expect) {
            throw new IllegalStateException("change " + s + " answered " + status + ": " + http.body());
        }
        long n = ++ordinal[pair];
        step[pair] = (s + 1) % (MENTIONS + 2);
        if (measuring) {
            acks.put(BotEndpoint.key(bot, roomId, n), acked);
        }
        return 1;
    }

    /** Thread t of a run takes pairs t, t + T, t + 2T, … in turn, T being the run's thread count. */
    private int pairOf(int thread, long k) {
        int mine = (BOTS * ROOMS) / runThreads;
        return thread + runThreads * (int) (k % mine);
    }
}
