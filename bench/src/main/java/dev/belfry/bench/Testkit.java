package dev.belfry.bench;

import dev.belfry.junit5.BelfryExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Belfry in a test suite (issue 17, {@code --only testkit}): {@code BelfryExtension} itself (the child process from
 * the shaded jar, D90, D98) started as a test class would start it, its start-up to ready with no fixtures, a small
 * fixture file and one of 10,000 memberships (100 rooms × 100 users), and then, on that server, the full {@code POST
 * /_belfry/reset} (restored to the 10,000 before each), the extension's {@code reset()} (a restore of the
 * {@code fixtures} snapshot), its {@code resetAccount} (D99) and taking a snapshot, each over HTTP. The baseline is the
 * same reset on an empty server: the HTTP round trip and the transaction, with nothing to delete.
 */
final class Testkit {
    static final int ROOMS = 100;
    static final int USERS = 100;
    static final int RUNS = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Testkit() {}

    static void measure(Bench b) throws Exception {
        System.setProperty("belfry.jar", b.jar.toString()); // this pass's private copy, as the other sections use
        Path dir = Files.createTempDirectory("bench-testkit");
        Path small = dir.resolve("small.yaml");
        Files.writeString(
                small,
                "accounts:\n  acme:\n    name: Acme\n    users:\n      alice: { email: alice@example.com }\n"
                        + "      bob: { email: bob@example.com }\n    bots:\n      helper: { displayName: Helper }\n"
                        + "    rooms:\n      ops:\n        members: { alice: Administrator, helper: Member }\n");
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, bigFixtures());

        List<Double> bare = new ArrayList<>();
        List<Double> withSmall = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        long rssKb = 0;
        int starts = b.full ? 5 : 3;
        for (int i = 0; i < starts; i++) {
            try (BelfryExtension belfry = extension(null)) {
                bare.add(millis(belfry::start));
                for (int r = 0; r < RUNS; r++) {
                    baseline.add(millis(() -> post(belfry.endpoint(), "/_belfry/reset")));
                }
            }
            try (BelfryExtension belfry = extension(small)) {
                withSmall.add(millis(belfry::start));
                rssKb = Math.max(rssKb, childRssKb());
            }
        }
        List<Double> reset = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        List<Double> account = new ArrayList<>();
        List<Double> snapshot = new ArrayList<>();
        double bigStart;
        try (BelfryExtension belfry = extension(big)) {
            bigStart = millis(belfry::start);
            URI endpoint = belfry.endpoint();
            String acme = belfry.id("acme");
            for (int r = 0; r < RUNS; r++) {
                restore.add(millis(belfry::reset)); // back to the 10,000 memberships (from the 10,000)
                reset.add(millis(() -> post(endpoint, "/_belfry/reset"))); // and all of them gone
                belfry.reset();
                account.add(millis(() -> belfry.resetAccount(acme)));
                snapshot.add(millis(() -> post(endpoint, "/_belfry/snapshots/bench")));
            }
        }
        double resetMs = Bench.median(reset);
        double floor = Bench.median(baseline);
        b.md.append("### Belfry in a test suite: BelfryExtension's child process (issue 17)\n\n")
                .append("| measure | median | min | max | ÷ empty reset |\n|---|---|---|---|---|\n");
        row(b, "extension start → ready, no fixtures (" + starts + " starts)", bare, 0);
        row(b, "extension start → ready, fixture file of 1 account, 2 users, 1 bot, 1 room", withSmall, 0);
        row(
                b,
                "extension start → ready, fixture file of 10,000 memberships (100 rooms × 100 users)",
                List.of(bigStart),
                0);
        row(b, "`POST /_belfry/reset` on an empty server (baseline: HTTP and the transaction)", baseline, floor);
        row(b, "`POST /_belfry/reset` at 10,000 memberships", reset, floor);
        row(
                b,
                "`reset()` with that fixture file: restore of the `fixtures` snapshot, 10,000 memberships",
                restore,
                floor);
        row(b, "`resetAccount(acme)` with that fixture file: the account's restore (D99)", account, floor);
        row(b, "`POST /_belfry/snapshots/NAME` of 10,000 memberships", snapshot, floor);
        b.md.append("\nResident memory of the child after a start with the small fixture file: ")
                .append(rssKb / 1024)
                .append(" MB (VmRSS); the test JVM gains none of Belfry's classes. ")
                .append(RUNS)
                .append(" runs of each reset, over HTTP from the bench's JVM.\n\n");
        double bareMs = Bench.median(bare);
        double restoreMs = Bench.median(restore);
        b.targets.add(new String[] {
            "testkit: `POST /_belfry/reset` at 10,000 memberships ≤ 20 ms (median)",
            Bench.fmt(resetMs) + " ms",
            resetMs <= 20 ? "yes" : "**no**"
        });
        b.targets.add(new String[] {
            "testkit: extension start → ready (no fixtures) ≤ 3 s (D98)",
            Bench.fmt(bareMs) + " ms",
            bareMs <= 3000 ? "yes" : "**no**"
        });
        b.targets.add(new String[] {
            "testkit: snapshot restore of 10,000 memberships ≤ 250 ms (D98)",
            Bench.fmt(restoreMs) + " ms",
            restoreMs <= 250 ? "yes" : "**no**"
        });
    }

    private static BelfryExtension extension(Path fixtures) {
        BelfryExtension.Builder builder = BelfryExtension.builder()
                .enterpriseAccounts()
                .startTimeout(java.time.Duration.ofMinutes(5)); // 10,000 memberships on a loaded machine
        if (fixtures != null) {
            builder.fixtures(fixtures);
        }
        return builder.build();
    }

    /** One account of {@link #USERS} users, each in every one of {@link #ROOMS} rooms. */
    private static String bigFixtures() {
        StringBuilder y = new StringBuilder("accounts:\n  acme:\n    name: Acme\n    users:\n");
        for (int u = 0; u < USERS; u++) {
            y.append("      u").append(u).append(": { email: u").append(u).append("@example.com }\n");
        }
        y.append("    rooms:\n");
        for (int r = 0; r < ROOMS; r++) {
            y.append("      r").append(r).append(":\n        members: {");
            for (int u = 0; u < USERS; u++) {
                y.append(u == 0 ? " " : ", ").append('u').append(u).append(": Member");
            }
            y.append(" }\n");
        }
        return y.toString();
    }

    private static void row(Bench b, String what, List<Double> ms, double floor) {
        double median = Bench.median(ms);
        b.md.append("| ")
                .append(what)
                .append(" | ")
                .append(Bench.fmt(median))
                .append(" ms | ")
                .append(Bench.fmt(ms.stream().mapToDouble(d -> d).min().orElse(0)))
                .append(" | ")
                .append(Bench.fmt(ms.stream().mapToDouble(d -> d).max().orElse(0)))
                .append(" | ")
                .append(floor > 0 ? Bench.fmt2(median / floor) : "")
                .append(" |\n");
    }

    interface Step {
        void run() throws Exception;
    }

    private static double millis(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void post(URI endpoint, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(endpoint.resolve(path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The extension's child: the one child of this JVM that runs belfry.jar. */
    private static long childRssKb() throws Exception {
        for (ProcessHandle child :
                (Iterable<ProcessHandle>) ProcessHandle.current().children()::iterator) {
            if (child.info().commandLine().orElse("").contains("serve --test-mode")) {
                for (String l : Files.readAllLines(Path.of("/proc/" + child.pid() + "/status"))) {
                    if (l.startsWith("VmRSS:")) {
                        return Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
            }
        }
        return 0;
    }
}
