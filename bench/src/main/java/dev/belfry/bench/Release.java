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
        List<Double> checkoutAdmin = new ArrayList<>();
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
            List<String> admin = List.of(
                    "admin",
                    "create-account",
                    "--name",
                    "bench",
                    "--type",
                    "EnterpriseLWA",
                    "--endpoint-url",
                    "http://127.0.0.1:" + server.port);
            for (int i = -1; i < 3 * n; i++) {
                double r = Cli.call(with(release, args), releaseEnv);
                double c = Cli.call(with(checkout, args), Map.of());
                double a = Cli.call(with(checkout, admin), Map.of());
                if (i >= 0) {
                    releaseCli.add(r);
                    checkoutCli.add(c);
                    checkoutAdmin.add(a);
                }
            }
        }
        double serveRatio = Bench.median(releaseServe) / Bench.median(checkoutServe);
        double cliRatio = Bench.median(releaseCli) / Bench.median(checkoutCli);
        double adminRatio = Bench.median(checkoutAdmin) / Bench.median(checkoutCli);
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
                .append(" |\n\n")
                .append("`./belfry admin create-account` wall time (median of ")
                .append(3 * n)
                .append(", alternating with the calls above): ")
                .append(Bench.fmt(Bench.median(checkoutAdmin)))
                .append(" ms, ")
                .append(Bench.fmt2(adminRatio))
                .append(" × the checkout's `chime list-accounts`.\n\n");
        bench.targets.add(new String[] {
            "release serve start-up ≤ 1.15 × checkout",
            Bench.fmt2(serveRatio) + " ×",
            serveRatio <= 1.15 ? "yes" : "**no**"
        });
        bench.targets.add(new String[] {
            "admin call ≤ 2 × chime call", Bench.fmt2(adminRatio) + " ×", adminRatio <= 2 ? "yes" : "**no**"
        });
        bench.targets.add(new String[] {
            "release CLI call ≤ 1.15 × checkout", Bench.fmt2(cliRatio) + " ×", cliRatio <= 1.15 ? "yes" : "**no**"
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
