package dev.belfry.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The release archive's figures (D39): {@code bin/belfry} unpacked from app/target/belfry-VERSION.tar.gz, its class
 * archives in a cache directory of its own, against the checkout's launcher (a private copy, as {@link Cli} uses) in
 * the same run. Each figure is a ratio, release ÷ checkout: the archive must start as fast as the checkout does.
 */
final class Release {
    private Release() {}

    static void measure(Bench bench) throws Exception {
        Path archive = archive(bench.repo.resolve("app/target"));
        if (archive == null) {
            bench.md.append(
                    "### Release archive\n\nNot measured: no app/target/belfry-*.tar.gz (run mvn package).\n\n");
            bench.targets.add(new String[] {"release start-up ≈ checkout", "not measured", "**no**"});
            return;
        }
        Path unpacked = Files.createTempDirectory("belfry-bench-release");
        run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()));
        Path release;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(unpacked)) {
            release = dirs.iterator().next().resolve("bin/belfry");
        }
        Map<String, String> releaseEnv =
                Map.of("XDG_CACHE_HOME", unpacked.resolve("cache").toString());
        Path checkout = Cli.privateLauncher(bench.repo, bench.jar);
        int n = bench.full ? 7 : 3;

        List<Double> releaseServe = new ArrayList<>();
        List<Double> checkoutServe = new ArrayList<>();
        for (int i = -1; i < n; i++) { // round -1 makes each launcher's archives, unmeasured
            releaseServe.add(serveMs(List.of(release.toString()), releaseEnv));
            checkoutServe.add(serveMs(List.of(checkout.toString()), Map.of()));
        }
        releaseServe.remove(0);
        checkoutServe.remove(0);

        List<Double> releaseCli = new ArrayList<>();
        List<Double> checkoutCli = new ArrayList<>();
        Map<String, List<Double>> paths = new java.util.LinkedHashMap<>();
        Path data = Files.createTempDirectory("belfry-bench-release-data");
        try (ServerUnderTest server = ServerUnderTest.start(
                List.of(checkout.toString()), Map.of(), List.of("--data", data.toString(), "--no-access-log"))) {
            List<String> args = List.of(
                    "chime",
                    "list-accounts",
                    "--endpoint-url",
                    "http://127.0.0.1:" + server.port,
                    "--region",
                    "us-east-1");
            for (int i = -1; i < 3 * n; i++) {
                double r = Cli.call(with(release, args), releaseEnv);
                double c = Cli.call(with(checkout, args), Map.of());
                if (i >= 0) {
                    releaseCli.add(r);
                    checkoutCli.add(c);
                }
            }
            startPaths(bench, release, releaseEnv, checkout, args, n, paths);
        }
        double serveRatio = Bench.median(releaseServe) / Bench.median(checkoutServe);
        double cliRatio = Bench.median(releaseCli) / Bench.median(checkoutCli);
        bench.md
                .append("### Release archive: `bin/belfry` against the checkout's `./belfry` (same jar, same run)\n\n")
                .append("| measure | release ms | checkout ms | release ÷ checkout |\n|---|---|---|---|\n")
                .append("| `serve` spawned → first answered signed request, new data dir (median of ")
                .append(n)
                .append(") | ")
                .append(Bench.fmt(Bench.median(releaseServe)))
                .append(" | ")
                .append(Bench.fmt(Bench.median(checkoutServe)))
                .append(" | ")
                .append(Bench.fmt2(serveRatio))
                .append(" |\n| `chime list-accounts` wall time (median of ")
                .append(3 * n)
                .append(", alternating) | ")
                .append(Bench.fmt(Bench.median(releaseCli)))
                .append(" | ")
                .append(Bench.fmt(Bench.median(checkoutCli)))
                .append(" | ")
                .append(Bench.fmt2(cliRatio))
                .append(" |\n\n");
        bench.targets.add(new String[] {
            "release serve start-up ≤ 1.15 × checkout",
            Bench.fmt2(serveRatio) + " ×",
            serveRatio <= 1.15 ? "yes" : "**no**"
        });
        bench.targets.add(new String[] {
            "release CLI call ≤ 1.15 × checkout", Bench.fmt2(cliRatio) + " ×", cliRatio <= 1.15 ? "yes" : "**no**"
        });
    }

    /**
     * Every way README documents to start the CLI, against /usr/bin/aws in the same alternating loop: the checkout's
     * launcher and the release's, each with JDK 25's AOT cache (when that JDK is installed) and on the plain default
     * JDK 17 with its CDS archive ({@code BELFRY_FAST_JDK} pointed nowhere, as on a machine without JDK 25).
     */
    private static void startPaths(
            Bench bench,
            Path release,
            Map<String, String> releaseEnv,
            Path checkout,
            List<String> args,
            int n,
            Map<String, List<Double>> paths)
            throws Exception {
        Path aws = Path.of(System.getenv().getOrDefault("BENCH_AWS", "/usr/bin/aws"));
        if (!Files.isExecutable(aws)) {
            bench.targets.add(new String[] {"CLI ≤ 0.35 × AWS CLI on every start path", "not measured", "**no**"});
            return;
        }
        boolean jdk25 = Files.isExecutable(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
        Map<String, String> plain17 = Map.of("BELFRY_FAST_JDK", "/nonexistent");
        Map<String, String> release17 = new java.util.HashMap<>(releaseEnv);
        release17.putAll(plain17);
        Map<String, Object[]> ways = new java.util.LinkedHashMap<>();
        ways.put(
                "checkout `./belfry`, " + (jdk25 ? "JDK 25 AOT cache" : "JDK 17 CDS (no JDK 25 here)"),
                new Object[] {checkout, Map.of()});
        ways.put("checkout `./belfry`, plain JDK 17 (CDS archive)", new Object[] {checkout, plain17});
        ways.put(
                "release `bin/belfry`, " + (jdk25 ? "JDK 25 AOT cache" : "JDK 17 CDS (no JDK 25 here)"),
                new Object[] {release, releaseEnv});
        ways.put("release `bin/belfry`, plain JDK 17 (CDS archive)", new Object[] {release, release17});
        List<String> awsCmd = new ArrayList<>(List.of(aws.toString()));
        awsCmd.addAll(args);
        List<Double> awsMs = new ArrayList<>();
        for (int i = -1; i < 3 * n; i++) { // round -1 makes each path's archives, unmeasured
            for (Map.Entry<String, Object[]> w : ways.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, String> env = (Map<String, String>) w.getValue()[1];
                double ms = Cli.call(with((Path) w.getValue()[0], args), env);
                if (i >= 0) {
                    paths.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
            double a = Cli.call(awsCmd);
            if (i >= 0) {
                awsMs.add(a);
            }
        }
        double am = Bench.median(awsMs);
        bench.md
                .append("### CLI on every start path (`chime list-accounts`, median of ")
                .append(3 * n)
                .append(", alternating with `")
                .append(aws)
                .append("`)\n\n| start path | median ms | ÷ AWS CLI |\n|---|---|---|\n");
        double worst = 0;
        for (Map.Entry<String, List<Double>> p : paths.entrySet()) {
            double m = Bench.median(p.getValue());
            worst = Math.max(worst, m / am);
            bench.md
                    .append("| ")
                    .append(p.getKey())
                    .append(" | ")
                    .append(Bench.fmt(m))
                    .append(" | ")
                    .append(Bench.fmt2(m / am))
                    .append(" |\n");
        }
        bench.md.append("| `").append(aws).append("` | ").append(Bench.fmt(am)).append(" | 1.00 |\n\n");
        bench.targets.add(new String[] {
            "CLI ≤ 0.35 × AWS CLI on every start path (the slowest)",
            Bench.fmt2(worst) + " ×",
            worst <= 0.35 ? "yes" : "**no**"
        });
    }

    private static double serveMs(List<String> launcher, Map<String, String> env) throws Exception {
        Path data = Files.createTempDirectory("belfry-bench-release-data");
        try (ServerUnderTest s =
                ServerUnderTest.start(launcher, env, List.of("--data", data.toString(), "--no-access-log"))) {
            return s.startupNanos / 1e6;
        }
    }

    private static Path archive(Path target) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "belfry-*.tar.gz")) {
            for (Path p : found) {
                return p;
            }
        }
        return null;
    }

    private static List<String> with(Path launcher, List<String> args) {
        List<String> all = new ArrayList<>(List.of(launcher.toString()));
        all.addAll(args);
        return all;
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
