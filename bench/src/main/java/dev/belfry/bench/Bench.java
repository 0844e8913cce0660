package dev.belfry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark harness behind {@code ./bench/run [--quick|--full]}: every figure next to a baseline measured in
 * the same run, printed as Markdown and written between markers in BENCHMARKS.md.
 *
 * <p>Options: --quick (default) | --full; --only throughput,ceiling,large,startup,cli,release,webhooks,members,testkit,botevents,soak; --db sqlite,postgres; --soak-minutes M (5);
 * --out FILE (default BENCHMARKS.md, "-" for none); --jar PATH; --pg JDBC-URL; --seconds S (measured window).
 */
public final class Bench {
    static final String BEGIN = "<!-- bench:begin (written by ./bench/run; edit outside the markers) -->";
    static final String END = "<!-- bench:end -->";
    static final long USERS = 100_000;
    static final long ROOM_BLOCK = 500;
    static final int BLOCKS = 24;

    final boolean full;
    final double warmup;
    final double seconds;
    final Set<String> only;
    final List<String> dbs;
    final Path jar;
    /** --only soak (and --full): minutes of mixed load with the heap after GC sampled each minute. */
    final double soakMinutes;

    final String pgBase;
    final Path repo;
    final StringBuilder md = new StringBuilder();
    final List<String[]> targets = new ArrayList<>();
    final List<String> serverJvm;

    Bench(Map<String, String> opts) throws IOException {
        full = opts.containsKey("full");
        warmup = Double.parseDouble(opts.getOrDefault("warmup", full ? "3" : "1.5"));
        seconds = Double.parseDouble(opts.getOrDefault("seconds", full ? "10" : "3"));
        only = new LinkedHashSet<>(Arrays.asList(
                opts.getOrDefault("only", "startup,throughput,ceiling,large,cli,release,webhooks,botevents")
                        .split(",")));
        dbs = Arrays.asList(opts.getOrDefault("db", "sqlite,postgres").split(","));
        soakMinutes = Double.parseDouble(opts.getOrDefault("soak-minutes", "5"));
        repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path built = Path.of(
                opts.getOrDefault("jar", repo.resolve("app/target/belfry.jar").toString()));
        // a private copy: colleagues rebuilding app/target/belfry.jar mid-run must not change the server under test
        jar = Files.createTempFile("belfry-bench", ".jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        jar.toFile().deleteOnExit();
        pgBase = opts.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        serverJvm = opts.containsKey("server-jvm")
                ? Arrays.asList(opts.get("server-jvm").split(" "))
                : List.of();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            if (name.equals("quick") || name.equals("full")) {
                opts.put(name, "true");
            } else {
                opts.put(name, args[++i]);
            }
        }
        Bench bench = new Bench(opts);
        String out = opts.getOrDefault("out", "BENCHMARKS.md");
        String command = System.getProperty("bench.command", "./bench/run " + String.join(" ", args));
        bench.run(command);
        System.out.println(bench.md);
        if (!out.equals("-")) {
            Path file = bench.repo.resolve(out);
            writeSection(file, bench.md.toString());
            System.out.println("written to " + file);
        }
    }

    /** Seeds made by the section running now; dropped when it ends (see {@link Seed#close}). */
    private final List<Seed> seeds = new java.util.ArrayList<>();

    Seed track(Seed seed) {
        seeds.add(seed);
        return seed;
    }

    private void dropSeeds() throws Exception {
        for (Seed seed : seeds) {
            seed.close();
        }
        seeds.clear();
    }

    void run(String command) throws Exception {
        try {
            sections(command);
        } finally {
            dropSeeds();
        }
    }

    private void sections(String command) throws Exception {
        md.append("## Server and CLI benchmarks (bench module)\n\n");
        md.append("- command: `")
                .append(command)
                .append("` (")
                .append(full ? "full" : "quick")
                .append(" pass: ")
                .append(fmt(warmup))
                .append(" s warm-up + ")
                .append(fmt(seconds))
                .append(
                        " s measured per figure, after 4 s (full: 10 s) of unmeasured batches to warm each server's JIT)\n");
        md.append("- date: ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append('\n');
        md.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs (nproc), ")
                .append(memTotal())
                .append(" RAM, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append("; load generator and server share the machine\n");
        md.append("- server: `java <the JVM options ./belfry serve uses> -jar belfry.jar serve` as its own process")
                .append(serverJvm.isEmpty() ? "" : " with `" + String.join(" ", serverJvm) + "`")
                .append(", `--no-access-log`, limits raised by options\n\n");
        long t0 = System.nanoTime();
        if (only.contains("startup")) {
            startup();
        }
        if (only.contains("release")) {
            Release.measure(this);
            dropSeeds();
        }
        if (only.contains("soak") || full) {
            Soak.measure(this, soakMinutes);
            dropSeeds();
        }
        for (String db : dbs) {
            if (only.contains("throughput") || only.contains("ceiling") || only.contains("cli")) {
                throughput(db);
                dropSeeds();
            }
        }
        if (only.contains("testkit")) {
            Testkit.measure(this);
        }
        if (only.contains("members")) {
            for (String db : dbs) {
                Members.measure(this, db);
            }
        }
        if (only.contains("webhooks")) {
            for (String db : dbs) {
                Webhooks.measure(this, db);
                dropSeeds();
            }
        }
        if (only.contains("botevents")) {
            for (String db : dbs) {
                BotEvents.measure(this, db);
                dropSeeds();
            }
        }
        if (only.contains("large")) {
            for (String db : dbs) {
                large(db);
                dropSeeds();
            }
        }
        md.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (String[] t : targets) {
            md.append("| ")
                    .append(t[0])
                    .append(" | ")
                    .append(t[1])
                    .append(" | ")
                    .append(t[2])
                    .append(" |\n");
        }
        md.append("\n(whole pass: ").append(fmt((System.nanoTime() - t0) / 1e9)).append(" s)\n");
    }

    // ---------------------------------------------------------------- start-up and memory

    /**
     * The JVM flags `./belfry serve` starts the server with, for every server of the pass: its collector choice,
     * its class archive, made here the way the launcher makes it (a training run of dev.belfry.app.ServeTraining
     * on this jar), and SQLite's native library copied out once; plus --server-jvm.
     */
    List<String> launcherServeFlags() throws Exception {
        Path archive = Path.of(jar + ".serve.jsa");
        if (!Files.exists(archive)) {
            Process p = new ProcessBuilder(
                            System.getProperty("java.home") + "/bin/java",
                            "-XX:ArchiveClassesAtExit=" + archive,
                            "-Xlog:disable",
                            "-Xlog:all=off",
                            "-cp",
                            jar.toString(),
                            "dev.belfry.app.ServeTraining")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
        }
        List<String> flags = new ArrayList<>();
        // the launcher's collector choice: the serial collector on one or two CPUs, unless the options name one
        if (Runtime.getRuntime().availableProcessors() <= 2
                && serverJvm.stream().noneMatch(o -> o.contains("GC"))) {
            flags.add("-XX:+UseSerialGC");
        }
        flags.addAll(serverJvm);
        if (Files.exists(archive)) {
            flags.addAll(List.of(
                    "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        // and SQLite's native library copied out of the jar once, as the launcher does
        // (dev.belfry.app.SqliteNativeCache)
        Path natives = Path.of(jar + ".serve.native");
        if (!Files.isDirectory(natives)) {
            new ProcessBuilder(
                            System.getProperty("java.home") + "/bin/java",
                            "-cp",
                            jar.toString(),
                            "dev.belfry.app.SqliteNativeCache",
                            natives.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        }
        String lib = System.mapLibraryName("sqlitejdbc");
        if (Files.exists(natives.resolve(lib))) {
            flags.addAll(List.of("-Dorg.sqlite.lib.path=" + natives, "-Dorg.sqlite.lib.name=" + lib));
        }
        return flags;
    }

    void startup() throws Exception {
        List<Double> fresh = new ArrayList<>();
        List<Double> reopen = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long idleRss = 0;
        int runs = full ? 5 : 3;
        Path dir = Files.createTempDirectory("belfry-bench-start");
        List<String> jvm = launcherServeFlags();
        for (int i = 0; i < runs; i++) {
            Path d = Files.createTempDirectory("belfry-bench-start");
            try (ServerUnderTest s =
                    ServerUnderTest.start(jar, jvm, List.of("--data", d.toString(), "--no-access-log"))) {
                fresh.add(s.startupNanos / 1e6);
            }
            try (ServerUnderTest s =
                    ServerUnderTest.start(jar, jvm, List.of("--data", dir.toString(), "--no-access-log"))) {
                reopen.add(s.startupNanos / 1e6);
                cpu.add(s.cpuNanos() / 1e6);
                if (i == runs - 1) {
                    Thread.sleep(2000);
                    idleRss = s.rssKb();
                }
            }
        }
        double freshMs = median(fresh);
        double reopenMs = median(reopen);
        md.append("### Start-up and memory (SQLite)\n\n| measure | value |\n|---|---|\n");
        md.append("| spawn `belfry serve` (JVM flags as `./belfry serve` uses them: its CDS archive) → first answered"
                        + " signed request, new data dir (median of ")
                .append(runs)
                .append(") | ")
                .append(fmt(freshMs))
                .append(" ms |\n");
        md.append("| same, existing database (median of ")
                .append(runs)
                .append(") | ")
                .append(fmt(reopenMs))
                .append(" ms |\n");
        md.append("| CPU time (user+sys, all threads) the server used up to its first answer, existing database | ")
                .append(fmt(median(cpu)))
                .append(" ms |\n");
        md.append("| resident memory (VmRSS) idle, 2 s after start | ")
                .append(idleRss / 1024)
                .append(" MB |\n");
        md.append('\n');
        targets.add(new String[] {
            "start-up ≤ 1.0 s (embedded DB)",
            fmt(Math.max(freshMs, reopenMs)) + " ms",
            Math.max(freshMs, reopenMs) <= 1000 ? "yes" : "**no**"
        });
        targets.add(
                new String[] {"idle RSS ≤ 200 MB", idleRss / 1024 + " MB", idleRss / 1024 <= 200 ? "yes" : "**no**"});
    }

    // ---------------------------------------------------------------- batch throughput, HTTP ceiling, CLI

    List<String> serveOptions(Seed seed) {
        List<String> o = new ArrayList<>(seed.serveOptions);
        o.addAll(List.of(
                "--create-account-type",
                "EnterpriseLWA",
                "--max-members-per-room",
                "2000000",
                "--max-rooms-per-member",
                "1000000",
                "--no-access-log"));
        return o;
    }

    void throughput(String db) throws Exception {
        Seed seed = track(db.equals("sqlite") ? Seed.freshSqlite() : Seed.freshPostgres(pgBase));
        seed.base(USERS, ROOM_BLOCK * BLOCKS);
        int[] block = {0};
        java.util.function.IntFunction<LoadGenerator.RoomPlan> plan =
                clients -> new LoadGenerator.RoomPlan(USERS, clients, ROOM_BLOCK * block[0]++, ROOM_BLOCK);
        try (ServerUnderTest server = ServerUnderTest.start(jar, launcherServeFlags(), serveOptions(seed))) {
            LoadGenerator.RssSampler rss = new LoadGenerator.RssSampler(server);
            rss.start();
            // JIT warm-up of the fresh server JVM (C2 took a fifth of the server's CPU in the first seconds): 16
            // clients
            // of batches, not measured. The JDBC baseline warms up inside each of its own runs.
            LoadGenerator.run(
                    16, 0, full ? 10 : 4, 0, LoadGenerator.httpBatch(server.port, plan.apply(16)), null, null);
            if (only.contains("throughput")) {
                md.append("### Batch throughput on ")
                        .append(seed.label)
                        .append(" (signed BatchCreateRoomMembership, 50 new members each, keep-alive)\n\n")
                        .append(
                                "| clients | JDBC ceiling rows/s | Belfry memberships/s | p50 ms | p99 ms | Belfry ÷ ceiling"
                                        + " | server CPU | load-generator CPU |")
                        .append(seed.sqlite ? " ceiling with fsync per commit (FULL) rows/s | Belfry ÷ that |" : "")
                        .append("\n|---|---|---|---|---|---|---|---|")
                        .append(seed.sqlite ? "---|---|" : "")
                        .append("\n");
                double peak = 0;
                double ratio16 = 0;
                double ratio16Full = 0;
                for (int clients : new int[] {1, 4, 16}) {
                    LoadGenerator.Result base = LoadGenerator.run(
                            clients,
                            warmup,
                            seconds,
                            0,
                            LoadGenerator.jdbcCeiling(seed, plan.apply(clients), false),
                            null,
                            null);
                    // SQLite's ceiling without fsync (NORMAL) is the historical baseline; Belfry fsyncs every commit
                    // (D28), so the same promise from raw JDBC is measured too: what group commit must recover.
                    LoadGenerator.Result baseFull = seed.sqlite
                            ? LoadGenerator.run(
                                    clients,
                                    warmup,
                                    seconds,
                                    0,
                                    LoadGenerator.jdbcCeiling(seed, plan.apply(clients), true),
                                    null,
                                    null)
                            : null;
                    LoadGenerator.Result http = LoadGenerator.run(
                            clients,
                            warmup,
                            seconds,
                            0,
                            LoadGenerator.httpBatch(server.port, plan.apply(clients)),
                            server,
                            rss);
                    double ratio = http.rowsPerSecond() / base.rowsPerSecond();
                    peak = Math.max(peak, http.rowsPerSecond());
                    double ratioFull = baseFull == null ? 0 : http.rowsPerSecond() / baseFull.rowsPerSecond();
                    if (clients == 16) {
                        ratio16 = ratio;
                        ratio16Full = ratioFull;
                    }
                    md.append("| ")
                            .append(clients)
                            .append(" | ")
                            .append(num(base.rowsPerSecond()))
                            .append(" | ")
                            .append(num(http.rowsPerSecond()))
                            .append(" | ")
                            .append(fmt(http.percentileMs(50)))
                            .append(" | ")
                            .append(fmt(http.percentileMs(99)))
                            .append(" | ")
                            .append(fmt2(ratio))
                            .append(" | ")
                            .append(cpu(http.serverCpuNanos(), http.seconds()))
                            .append(" | ")
                            .append(cpu(http.clientCpuNanos(), http.seconds()))
                            .append(" |")
                            .append(
                                    baseFull == null
                                            ? ""
                                            : " " + num(baseFull.rowsPerSecond()) + " | " + fmt2(ratioFull) + " |")
                            .append("\n");
                    System.err.printf(
                            "%s clients=%d ceiling=%.0f belfry=%.0f ratio=%.2f p99=%.1f%n",
                            seed.label,
                            clients,
                            base.rowsPerSecond(),
                            http.rowsPerSecond(),
                            ratio,
                            http.percentileMs(99));
                }
                // p99 at half of the peak, paced (open loop) from 4 clients
                double rate = peak / 2 / LoadGenerator.RoomPlan.BATCH;
                int pacedClients = 4;
                LoadGenerator.Result half = LoadGenerator.run(
                        pacedClients,
                        warmup,
                        seconds,
                        rate / pacedClients,
                        LoadGenerator.httpBatch(server.port, plan.apply(pacedClients)),
                        server,
                        rss);
                md.append("\nAt half of the peak (")
                        .append(num(peak / 2))
                        .append(" memberships/s offered, paced from ")
                        .append(pacedClients)
                        .append(" clients, latency from the intended send time): achieved ")
                        .append(num(half.rowsPerSecond()))
                        .append(" memberships/s, p50 ")
                        .append(fmt(half.percentileMs(50)))
                        .append(" ms, p99 ")
                        .append(fmt(half.percentileMs(99)))
                        .append(" ms.\n\n");
                targets.add(new String[] {
                    seed.label + ": 16 clients ≥ 0.5 × JDBC ceiling",
                    fmt2(ratio16) + " ×",
                    ratio16 >= 0.5 ? "yes" : "**no**"
                });
                if (seed.sqlite) {
                    targets.add(new String[] {
                        seed.label + ": 16 clients, Belfry ÷ JDBC ceiling with fsync per commit (informational)",
                        fmt2(ratio16Full) + " ×",
                        "—"
                    });
                }
                targets.add(new String[] {
                    seed.label + ": p99 ≤ 20 ms at half of peak",
                    fmt(half.percentileMs(99)) + " ms",
                    half.percentileMs(99) <= 20 ? "yes" : "**no**"
                });
            }
            if (only.contains("ceiling")) {
                LoadGenerator.Result get = LoadGenerator.run(
                        16,
                        warmup,
                        seconds,
                        0,
                        LoadGenerator.httpSimple(server.port, "GET", "/accounts/" + Seed.ACCOUNT, null, 200),
                        server,
                        rss);
                LoadGenerator.Result batch = LoadGenerator.run(
                        16, warmup, seconds, 0, LoadGenerator.httpBatch(server.port, plan.apply(16)), server, rss);
                md.append("HTTP ceiling on ")
                        .append(seed.label)
                        .append(", 16 clients: signed GetAccount (one primary-key read) ")
                        .append(num(get.opsPerSecond()))
                        .append(" req/s (p50 ")
                        .append(fmt(get.percentileMs(50)))
                        .append(" ms, p99 ")
                        .append(fmt(get.percentileMs(99)))
                        .append(" ms, server CPU ")
                        .append(cpu(get.serverCpuNanos(), get.seconds()))
                        .append(") against ")
                        .append(num(batch.opsPerSecond()))
                        .append(" batch req/s (p50 ")
                        .append(fmt(batch.percentileMs(50)))
                        .append(" ms): a batch costs ")
                        .append(fmt2(get.opsPerSecond() / batch.opsPerSecond()))
                        .append(" × a trivial request.\n\n");
            }
            md.append("Server VmRSS under load (max sampled): ")
                    .append(rss.maxKb / 1024)
                    .append(" MB (")
                    .append(seed.label)
                    .append(").\n\n");
            if (only.contains("cli") && db.equals("sqlite")) {
                Cli.measure(this, server, repo);
            }
        }
    }

    // ---------------------------------------------------------------- large rooms

    void large(String db) throws Exception {
        long[] sizes = {1_000, 100_000, 1_000_000};
        long pool = 1_000_000;
        int batches = full ? 40 : 20;
        int pages = full ? 60 : 30;
        Seed seed = track(db.equals("sqlite") ? Seed.freshSqlite() : Seed.freshPostgres(pgBase));
        long s0 = System.nanoTime();
        seed.base(pool + 3_000, 4, sizes);
        try (Connection c = seed.connect()) {
            for (int i = 0; i < sizes.length; i++) {
                seed.fillRoom(c, i, sizes[i]);
            }
            if (!seed.sqlite) {
                LoadGenerator.exec(c, "ANALYZE");
            }
        }
        double seedS = (System.nanoTime() - s0) / 1e9;
        md.append("### Large rooms on ")
                .append(seed.label)
                .append(" (members seeded by SQL in ")
                .append(fmt(seedS))
                .append(" s; sequential calls, one client)\n\n| room members | batch of 50 new p50 ms | p90 ms"
                        + " | ListRoomMemberships page (99) p50 ms | p90 ms |\n|---|---|---|---|---|\n");
        try (ServerUnderTest server = ServerUnderTest.start(jar, launcherServeFlags(), serveOptions(seed));
                KeepAliveClient http = new KeepAliveClient(server.port)) {
            // warm the server on room 3 (empty)
            LargeRoom warm = new LargeRoom(http, server.port, 3);
            warm.batches(pool + 2_000, 20);
            warm.pages(20);
            double[][] res = new double[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                LargeRoom room = new LargeRoom(http, server.port, i);
                long[] b = room.batches(pool, batches);
                long[] p = room.pages(pages);
                res[i] = new double[] {pct(b, 50), pct(b, 90), pct(p, 50), pct(p, 90)};
                md.append("| ")
                        .append(num(sizes[i]))
                        .append(" | ")
                        .append(fmt(res[i][0]))
                        .append(" | ")
                        .append(fmt(res[i][1]))
                        .append(" | ")
                        .append(fmt(res[i][2]))
                        .append(" | ")
                        .append(fmt(res[i][3]))
                        .append(" |\n");
            }
            double rb = res[2][0] / res[0][0];
            double rl = res[2][2] / res[0][2];
            md.append("\n1,000,000 ÷ 1,000: batch ")
                    .append(fmt2(rb))
                    .append(" ×, list page ")
                    .append(fmt2(rl))
                    .append(" ×.\n\n");
            targets.add(new String[] {
                seed.label + ": 1M-member room batch ≤ 1.5 × 1k room", fmt2(rb) + " ×", rb <= 1.5 ? "yes" : "**no**"
            });
            targets.add(new String[] {
                seed.label + ": 1M-member room list page ≤ 1.5 × 1k room", fmt2(rl) + " ×", rl <= 1.5 ? "yes" : "**no**"
            });
        }
    }

    /** Sequential batches and list pages in one room. */
    record LargeRoom(KeepAliveClient http, int port, long room) {
        long[] batches(long firstUser, int n) throws IOException {
            long[] t = new long[n];
            String path = "/accounts/" + Seed.ACCOUNT + "/rooms/" + Seed.room(room) + "/memberships";
            for (int b = 0; b < n; b++) {
                StringBuilder body = new StringBuilder("{\"MembershipItemList\":[");
                for (int i = 0; i < 50; i++) {
                    body.append(i == 0 ? "" : ",")
                            .append("{\"MemberId\":\"")
                            .append(Seed.user(firstUser + b * 50L + i))
                            .append("\"}");
                }
                byte[] req = KeepAliveClient.request(
                        port,
                        "POST",
                        path,
                        "operation=batch-create",
                        body.append("]}").toString());
                long s = System.nanoTime();
                int status = http.send(req);
                t[b] = System.nanoTime() - s;
                if (status != 201 || http.body().contains("ErrorCode")) {
                    throw new IllegalStateException("batch answered " + status + ": " + http.body());
                }
            }
            return t;
        }

        /** Pages of 99 from the start, following NextToken (restarting at the end). */
        long[] pages(int n) throws IOException {
            long[] t = new long[n];
            String path = "/accounts/" + Seed.ACCOUNT + "/rooms/" + Seed.room(room) + "/memberships";
            String token = null;
            for (int i = 0; i < n; i++) {
                String q = "max-results=99"
                        + (token == null
                                ? ""
                                : "&next-token="
                                        + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)
                                                .replace("+", "%20"));
                byte[] req = KeepAliveClient.request(port, "GET", path, q, null);
                long s = System.nanoTime();
                int status = http.send(req);
                t[i] = System.nanoTime() - s;
                if (status != 200) {
                    throw new IllegalStateException("list answered " + status + ": " + http.body());
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"NextToken\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(http.body());
                token = m.find() ? m.group(1) : null;
            }
            return t;
        }
    }

    // ---------------------------------------------------------------- helpers

    static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1));
        return s[i] / 1e6;
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String cpu(long nanos, double seconds) {
        return String.format(Locale.ROOT, "%.0f%%", nanos / 1e9 / seconds * 100);
    }

    static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "? GB";
    }

    /** Replaces the text between the markers (or appends it), leaving other sections (the CLI's) untouched. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        String block = BEGIN + "\n" + section + END;
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + block + text.substring(e + END.length());
        } else {
            text = text + (text.endsWith("\n\n") ? "" : "\n") + block + "\n";
        }
        Files.writeString(file, text);
    }
}
