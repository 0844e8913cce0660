package dev.belfry.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixed load for minutes (batches and reads, each at a steady pace), with the server's heap after a full GC
 * taken every minute while the load runs, the first after one minute (idle right after warm-up the heap holds no
 * requests in flight, which made a misleading baseline of a third the size): a leak (retired connections kept, caches without bounds,
 * metrics series per id) shows as a rising line, which a few seconds of throughput cannot show. Heap figures come
 * from {@code jcmd <pid> GC.run} then {@code GC.heap_info}, the JDK's own tools.
 */
final class Soak {
    private Soak() {}

    static void measure(Bench bench, double minutes) throws Exception {
        Seed seed = bench.track(Seed.freshSqlite());
        seed.base(Bench.USERS, Bench.ROOM_BLOCK * Bench.BLOCKS);
        try (ServerUnderTest server =
                ServerUnderTest.start(bench.jar, bench.launcherServeFlags(), bench.serveOptions(seed))) {
            LoadGenerator.RoomPlan plan = new LoadGenerator.RoomPlan(Bench.USERS, 2, 0, Bench.ROOM_BLOCK);
            // warm up: JIT, pools, statement caches and metrics series all exist before the first sample
            LoadGenerator.run(2, 0, 20, 0, LoadGenerator.httpBatch(server.port, plan), null, null);
            List<long[]> samples = new ArrayList<>(); // {seconds since start, heap used after GC in KiB}
            long start = System.nanoTime();
            long total = (long) (minutes * 60) + 60; // the first sample is taken after a minute under load
            Thread writers = new Thread(() -> load(
                    () -> LoadGenerator.run(2, 0, total, 10, LoadGenerator.httpBatch(server.port, plan), null, null)));
            Thread readers = new Thread(() -> load(() -> LoadGenerator.run(
                    2,
                    0,
                    total,
                    50,
                    LoadGenerator.httpSimple(server.port, "GET", "/accounts/" + Seed.ACCOUNT, null, 200),
                    null,
                    null)));
            writers.start();
            readers.start();
            for (long minute = 1; minute * 60 <= total; minute++) {
                long due = start + TimeUnit.SECONDS.toNanos(minute * 60);
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                samples.add(new long[] {minute * 60, heapAfterGc(server)}); // sampled while the load runs
            }
            writers.join();
            readers.join();
            long first = samples.get(0)[1];
            long last = samples.get(samples.size() - 1)[1];
            double ratio = (double) last / first;
            StringBuilder line = new StringBuilder();
            for (long[] s : samples) {
                line.append(line.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%d s: %.1f MB", s[0], s[1] / 1024.0));
            }
            bench.md
                    .append("### Heap under a ")
                    .append(Bench.fmt(minutes))
                    .append("-minute mixed load (SQLite)\n\n")
                    .append("2 clients write 50-member batches at 10 per second each, 2 clients read GetAccount at 50")
                    .append(" per second each. Server heap used after a full GC (`jcmd GC.run`, then `GC.heap_info`): ")
                    .append(line)
                    .append(". End ÷ the first sample: ")
                    .append(Bench.fmt2(ratio))
                    .append(".\n\n");
            bench.targets.add(new String[] {
                "heap after GC flat over " + Bench.fmt(minutes) + " min of mixed load (end ≤ 1.2 × start)",
                Bench.fmt2(ratio) + " ×",
                ratio <= 1.2 ? "yes" : "**no**"
            });
        }
    }

    private interface Load {
        void run() throws Exception;
    }

    private static void load(Load load) {
        try {
            load.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** Heap used (KiB) right after a full collection: the sum over the heap's spaces, Metaspace excluded. */
    static long heapAfterGc(ServerUnderTest server) throws Exception {
        jcmd(server.process.pid(), "GC.run");
        String info = jcmd(server.process.pid(), "GC.heap_info");
        long used = 0;
        for (String l : info.split("\n")) {
            if (l.strip().startsWith("Metaspace") || l.strip().startsWith("class space")) {
                break;
            }
            if (l.startsWith(" ") && !l.startsWith("   ")) { // a heap or generation line, not a region detail
                Matcher m = USED.matcher(l);
                if (m.find()) {
                    used += Long.parseLong(m.group(1));
                }
            }
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
