package dev.belfry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wall time per call of {@code ./belfry chime batch-create-room-membership} against {@code /usr/bin/aws chime …}:
 * the same request to the same server, calls alternating so both see the same machine noise.
 * The launcher runs from a private copy (script + app/target artefacts) so a colleague's rebuild cannot land
 * mid-measurement; the copy is the same script and jar, so it measures exactly what {@code ./belfry} does.
 */
final class Cli {
    private Cli() {}

    static void measure(Bench bench, ServerUnderTest server, Path repo) throws Exception {
        Path aws = Path.of(System.getenv().getOrDefault("BENCH_AWS", "/usr/bin/aws"));
        if (!Files.isExecutable(aws)) {
            // the baseline is missing: say so in the table instead of failing the whole pass
            bench.md
                    .append("### CLI\n\nNot measured: ")
                    .append(aws)
                    .append(
                            " (the AWS CLI v2, `apt-get install awscli`) is not installed, so there is no baseline.\n\n");
            bench.targets.add(new String[] {"CLI ≤ 0.35 × AWS CLI", "not measured (no " + aws + ")", "**no**"});
            return;
        }
        Path launcher = privateLauncher(repo, bench.jar);
        if (Files.isExecutable(repo.resolve("cli/bench.sh")) && colleagueScript(bench, server, repo, launcher)) {
            return;
        }
        String room = Seed.room(Bench.ROOM_BLOCK * Bench.BLOCKS - 1);
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"MemberId\":\"")
                    .append(Seed.user(i))
                    .append("\",\"Role\":\"Member\"}");
        }
        items.append(']');
        List<String> args = List.of(
                "chime",
                "batch-create-room-membership",
                "--account-id",
                Seed.ACCOUNT,
                "--room-id",
                room,
                "--membership-item-list",
                items.toString(),
                "--endpoint-url",
                "http://127.0.0.1:" + server.port,
                "--region",
                "us-east-1");
        List<String> belfryCmd = new ArrayList<>(List.of(launcher.toString()));
        belfryCmd.addAll(args);
        List<String> awsCmd = new ArrayList<>(List.of(aws.toString()));
        awsCmd.addAll(args);
        int n = bench.full ? 21 : 9;
        call(belfryCmd);
        call(awsCmd); // warm the page cache for both
        List<Double> b = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.add(call(belfryCmd));
            a.add(call(awsCmd));
        }
        double bm = Bench.median(b);
        double am = Bench.median(a);
        double ratio = bm / am;
        bench.md
                .append("### CLI: wall time per call (median of ")
                .append(n)
                .append(", alternating, same 50-member BatchCreateRoomMembership to the same server)\n\n")
                .append("| client | median ms | min ms | ÷ AWS CLI |\n|---|---|---|---|\n")
                .append("| `./belfry chime batch-create-room-membership` | ")
                .append(Bench.fmt(bm))
                .append(" | ")
                .append(Bench.fmt(b.stream().mapToDouble(d -> d).min().orElse(0)))
                .append(" | ")
                .append(Bench.fmt2(ratio))
                .append(" |\n| `")
                .append(aws)
                .append(" chime batch-create-room-membership` | ")
                .append(Bench.fmt(am))
                .append(" | ")
                .append(Bench.fmt(a.stream().mapToDouble(d -> d).min().orElse(0)))
                .append(" | 1.00 |\n\n");
        bench.targets.add(
                new String[] {"CLI ≤ 0.35 × AWS CLI", Bench.fmt2(ratio) + " ×", ratio <= 0.35 ? "yes" : "**no**"});
    }

    /**
     * The CLI's own measurement (cli/bench.sh, kept by the CLI's authors) pointed at this run's server and
     * launcher copy, so there is one way of measuring the figure. False when it fails (then we measure here).
     */
    static boolean colleagueScript(Bench bench, ServerUnderTest server, Path repo, Path launcher) throws Exception {
        String runs = bench.full ? "21" : "9";
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", repo.resolve("cli/bench.sh").toString(), runs)
                .redirectErrorStream(true)
                .directory(repo.toFile());
        pb.environment().put("BELFRY_URL", "http://127.0.0.1:" + server.port);
        pb.environment().put("BELFRY_CMD", launcher + " chime");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.err.println("cli/bench.sh failed, measuring here instead:\n" + out);
            return false;
        }
        java.util.regex.Matcher b = java.util.regex.Pattern.compile("belfry chime median wall time:\\s*([\\d.]+)")
                .matcher(out);
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("aws chime median wall time:\\s*([\\d.]+)")
                .matcher(out);
        if (!b.find() || !a.find()) {
            System.err.println("cli/bench.sh printed no medians, measuring here instead:\n" + out);
            return false;
        }
        double bm = Double.parseDouble(b.group(1));
        double am = Double.parseDouble(a.group(1));
        double ratio = bm / am;
        bench.md
                .append("### CLI: wall time per call (`cli/bench.sh ")
                .append(runs)
                .append("`, the CLI's own measurement, run against this pass's server and launcher)\n\n")
                .append("| client | median ms | ÷ AWS CLI |\n|---|---|---|\n")
                .append("| `./belfry chime batch-create-room-membership` | ")
                .append(Bench.fmt(bm))
                .append(" | ")
                .append(Bench.fmt2(ratio))
                .append(" |\n| `/usr/bin/aws chime batch-create-room-membership` | ")
                .append(Bench.fmt(am))
                .append(" | 1.00 |\n\n");
        bench.targets.add(
                new String[] {"CLI ≤ 0.35 × AWS CLI", Bench.fmt2(ratio) + " ×", ratio <= 0.35 ? "yes" : "**no**"});
        return true;
    }

    /**
     * Copies ./belfry and the jar into a private tree. Class archives are not copied: they record the jar's
     * path and would be silently ignored elsewhere; the private launcher makes its own on the warm-up call,
     * exactly as ./belfry does on its first call after a build.
     */
    static Path privateLauncher(Path repo, Path jar) throws IOException {
        Path dir = Files.createTempDirectory("belfry-bench-cli");
        Files.createDirectories(dir.resolve("app/target"));
        Path script = dir.resolve("belfry");
        Files.copy(repo.resolve("belfry"), script, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, dir.resolve("app/target/belfry.jar"));
        return script;
    }

    static double call(List<String> cmd) throws Exception {
        return call(cmd, Map.of());
    }

    static double call(List<String> cmd, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        long s = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        double ms = (System.nanoTime() - s) / 1e6;
        String text = new String(out, StandardCharsets.UTF_8);
        if (code != 0 || text.contains("ErrorCode")) {
            throw new IllegalStateException(String.join(" ", cmd.subList(0, 3)) + " failed (" + code + "): " + text);
        }
        return ms;
    }
}
