package dev.belfry.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.BelfryVersion;
import dev.belfry.testsupport.RequiredTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The release archive on a machine with only a Java runtime (D39): app/target/belfry-VERSION.tar.gz unpacked into an
 * empty directory, run with a PATH that holds {@code java}, bash and the few coreutils the launcher uses, and no Maven.
 * {@code bin/belfry serve} and {@code bin/belfry chime} must answer as the checkout's jar and the AWS CLI v2 do, and
 * the class archives must appear in the archive's own cache directory.
 */
class ReleaseArchiveIT {
    /** What the launcher calls; everything else (mvn above all) is absent from the test's PATH. */
    private static final List<String> TOOLS = List.of(
            "bash",
            "env",
            "cat",
            "cp",
            "mv",
            "rm",
            "mkdir",
            "stat",
            "find",
            "ls",
            "head",
            "nproc",
            "readlink",
            "dirname",
            "basename");

    private Path home;
    private Path pathDir;
    private Path cache;
    private Path releaseLauncher;

    @Test
    void theUnpackedArchiveServesAndAnswersLikeTheCheckout() throws Exception {
        Path aws = RequiredTools.awsCliV2();
        String version = BelfryVersion.version();
        Path archive = Path.of("../app/target/belfry-" + version + ".tar.gz");
        assertThat(archive).as("mvn package makes the release archive").isRegularFile();
        Path unpacked = Files.createTempDirectory("belfry-release");
        run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString()), Map.of(), null);
        Path root = unpacked.resolve("belfry-" + version);
        for (String file :
                List.of("bin/belfry", "lib/belfry.jar", "LICENSE", "NOTICE", "README.md", "conf/belfry.properties")) {
            assertThat(root.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.isExecutable(root.resolve("bin/belfry"))).isTrue();
        assertThat(Files.readString(root.resolve("LICENSE"))).contains("Apache License", "Version 2.0");

        home = Files.createTempDirectory("belfry-release-home");
        cache = home.resolve("cache");
        pathDir = Files.createDirectories(home.resolve("path"));
        Files.createSymbolicLink(
                pathDir.resolve("java"),
                Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath());
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(pathDir.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }

        Path launcher = root.resolve("bin/belfry");
        releaseLauncher = launcher;
        Run v = run(List.of(launcher.toString(), "--version"), releaseEnv(), null);
        assertThat(v.out()).startsWith("belfry/" + version + " aws-cli/" + BelfryVersion.AWS_CLI_COMPATIBLE + " Java/");

        int port = ServerProcess.freePort();
        Path log = home.resolve("serve.log");
        Path data = home.resolve("data");
        ProcessBuilder serve = new ProcessBuilder(
                        launcher.toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString(),
                        "--create-account-type",
                        "EnterpriseLWA")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        serve.environment().clear();
        serve.environment().putAll(releaseEnv());
        Process server = serve.start();
        try {
            awaitBanner(server, log, Duration.ofSeconds(120));
            String url = "http://127.0.0.1:" + port;
            assertThat(Files.readString(log)).doesNotContain("building the jar");

            String account =
                    field(release(url, "create-account", "--name", "released").out(), "AccountId");
            String user = field(
                    release(url, "create-user", "--account-id", account, "--username", "u", "--email", "u@example.com")
                            .out(),
                    "UserId");
            String roomA = field(
                    release(url, "create-room", "--account-id", account, "--name", "a")
                            .out(),
                    "RoomId");
            String roomB = field(
                    release(url, "create-room", "--account-id", account, "--name", "b")
                            .out(),
                    "RoomId");

            // the same command from the archive and from the checkout's jar: the same answer but for ids and dates
            List<String> batch = List.of(
                    "batch-create-room-membership",
                    "--account-id",
                    account,
                    "--membership-item-list",
                    "MemberId=" + user + ",Role=Administrator",
                    "MemberId=no-such-member,Role=Member");
            String fromArchive = release(url, with(batch, "--room-id", roomA)).out();
            String fromCheckout = checkout(url, with(batch, "--room-id", roomB)).out();
            assertThat(masked(fromArchive)).isEqualTo(masked(fromCheckout)).contains("no-such-member");

            List<String> created = List.of("create-account", "--name", "twice");
            assertThat(masked(release(url, created.toArray(String[]::new)).out()))
                    .isEqualTo(masked(checkout(url, List.of("create-account", "--name", "thrice"))
                            .out()
                            .replace("thrice", "twice")));

            // reads of the same state: byte for byte as the checkout's jar and as the AWS CLI v2
            for (List<String> read : List.of(
                    List.of("list-accounts"),
                    List.of("list-room-memberships", "--account-id", account, "--room-id", roomA),
                    List.of("get-room", "--account-id", account, "--room-id", roomA, "--output", "table"))) {
                String released = release(url, read.toArray(String[]::new)).out();
                assertThat(released)
                        .as("%s", read)
                        .isEqualTo(checkout(url, read).out());
                assertThat(released)
                        .as("%s", read)
                        .isEqualTo(awsCli(aws, url, read).out());
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> made = Files.walk(cache)) {
            List<String> names = made.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("the archive's cache directory").contains("belfry-serve.jsa", "belfry-chime.jsa");
        }
    }

    record Run(int exit, String out, String err) {}

    /** The environment of a machine with only a JRE: no Maven, no JDK 25, the cache under a fresh home. */
    private Map<String, String> releaseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", pathDir.toString());
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("BELFRY_FAST_JDK", home.resolve("no-jdk-25").toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        return env;
    }

    private Run release(String url, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(releaseLauncher.toString(), "chime"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", url));
        return ok(run(cmd, releaseEnv(), home));
    }

    private Run release(String url, List<String> args) throws Exception {
        return release(url, args.toArray(String[]::new));
    }

    private Run checkout(String url, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                ServerProcess.jar().toAbsolutePath().toString(),
                "dev.belfry.cli.AwsCommandLine",
                "chime"));
        cmd.addAll(args);
        cmd.addAll(List.of("--endpoint-url", url));
        Map<String, String> env = releaseEnv();
        env.put("PATH", System.getenv("PATH"));
        return ok(run(cmd, env, home));
    }

    private Run awsCli(Path aws, String url, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws.toString(), "chime"));
        cmd.addAll(args);
        cmd.addAll(List.of("--endpoint-url", url));
        Map<String, String> env = releaseEnv();
        env.put("PATH", "/usr/bin:/bin");
        return ok(run(cmd, env, home));
    }

    private static Run ok(Run r) {
        assertThat(r.exit()).as("stdout: %s\nstderr: %s", r.out(), r.err()).isZero();
        return r;
    }

    private static Run run(List<String> cmd, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        File err = File.createTempFile("belfry-release", ".err");
        pb.redirectError(err);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    /** Ids, request ids and times masked: what two runs of one command may differ in. */
    private static String masked(String out) {
        return out.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?", "<time>")
                .replaceAll("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT", "<date>");
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\": \"([^\"]+)\".*", "$1");
    }

    private static void awaitBanner(Process server, Path log, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains("serving the Amazon Chime chat-room API at")) {
                return;
            }
            assertThat(server.isAlive()).as(out).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("bin/belfry serve did not start: " + Files.readString(log));
    }
}
