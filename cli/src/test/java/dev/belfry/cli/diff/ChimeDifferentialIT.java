package dev.belfry.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.cli.AwsCommandLine;
import dev.belfry.cli.ChimeCli;
import dev.belfry.testsupport.RequiredTools;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case through /usr/bin/aws (AWS CLI v2) and through belfry against the same scripted stub,
 * comparing exit code, stdout, stderr and the requests sent. The only normalisation is the program
 * name in argparse usage lines ("aws" there, "belfry" here) and per-request values that are random
 * or clock-bound (idempotency UUIDs, the signature itself). Cases run concurrently, each with its own stub.
 */
@Execution(ExecutionMode.CONCURRENT)
class ChimeDifferentialIT {
    static final Path AWS = RequiredTools.AWS_CLI_V2;

    static Stream<DiffCase> cases() {
        List<DiffCase> all = new ArrayList<>();
        all.addAll(SeedCases.all());
        all.addAll(OperationCases.all());
        all.addAll(OutputCases.all());
        all.addAll(ErrorCases.all());
        all.addAll(UsageCases.all());
        all.addAll(InputCases.all());
        all.addAll(ConfigCases.all());
        all.addAll(PagingCases.all());
        all.addAll(ParityCases.all());
        all.addAll(QueryCases.all());
        String only = System.getProperty("diff.only");
        return all.stream().filter(c -> only == null || c.name().contains(only));
    }

    /** What a client did: exit code, output, and the requests the stub received. */
    record Outcome(int exit, String stdout, String stderr, List<String> requests) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsAwsCli(DiffCase c) throws Exception {
        RequiredTools.awsCliV2();
        Assumptions.assumeTrue(c.knownGap() == null, () -> "known difference: " + c.knownGap());
        Path home = home(c);
        Map<String, String> env = env(c, home);
        Outcome aws;
        Outcome belfry;
        try (StubServer stub = new StubServer()) {
            List<String> args = c.argsWith(stub.endpoint(), home.toString());
            List<String> line = new ArrayList<>(List.of("chime"));
            line.addAll(args);
            aws = runAws(stub, line, env, home, c);
            belfry = runBelfry(stub, args, env, c);
        }
        assertThat(belfry.exit()).as("exit code; aws stderr: %s", aws.stderr()).isEqualTo(aws.exit());
        assertThat(belfry.stdout()).as("stdout").isEqualTo(aws.stdout());
        if (c.compareStderr()) {
            assertThat(belfry.stderr()).as("stderr").isEqualTo(normaliseProgramName(aws.stderr()));
        }
        assertThat(belfry.requests()).as("requests on the wire").isEqualTo(aws.requests());
    }

    /**
     * The same case twice more, as scripts write it: the global options moved before {@code chime}, run by
     * belfry's whole-command-line entry ({@link AwsCommandLine}, what {@code ./belfry} runs), and again through
     * the launcher called as {@code aws} (the shim). /usr/bin/aws runs the moved line once; both must match it.
     * Through the shim the program name is "aws", as in the AWS CLI, so its stderr is compared unchanged.
     */
    @ParameterizedTest(name = "{0} [globals before chime; direct and through the aws shim]")
    @MethodSource("cases")
    void sameAsAwsCliWithGlobalOptionsFirstAndThroughTheShim(DiffCase c) throws Exception {
        RequiredTools.awsCliV2();
        Assumptions.assumeTrue(c.knownGap() == null, () -> "known difference: " + c.knownGap());
        Path home = home(c);
        Map<String, String> env = env(c, home);
        Outcome aws;
        Outcome direct;
        Outcome shim;
        List<String> line;
        try (StubServer stub = new StubServer()) {
            line = GlobalsFirst.line(c.argsWith(stub.endpoint(), home.toString()));
            aws = runAws(stub, line, env, home, c);
            direct = runWholeLine(stub, line, env, c);
            shim = AwsShim.run(stub, line, env, home, c);
        }
        assertThat(shown(direct)).as("globals first: %s", line).isEqualTo(shown(aws, c, true));
        assertThat(shown(shim)).as("through the aws shim: %s", line).isEqualTo(shown(aws, c, false));
    }

    private static String shown(Outcome o) {
        return "exit " + o.exit() + "\n--- stdout\n" + o.stdout() + "\n--- stderr\n" + o.stderr() + "\n--- requests\n"
                + String.join("\n", o.requests());
    }

    private static String shown(Outcome aws, DiffCase c, boolean belfryName) {
        String stderr = belfryName ? normaliseProgramName(aws.stderr()) : aws.stderr();
        return shown(new Outcome(aws.exit(), aws.stdout(), c.compareStderr() ? stderr : "", aws.requests()));
    }

    static Path home(DiffCase c) throws IOException {
        Path home = Files.createTempDirectory("belfry-diff");
        for (Map.Entry<String, String> f : c.homeFiles().entrySet()) {
            Path p = home.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue().replace("@HOME@", home.toString()));
        }
        return home;
    }

    static Outcome runWholeLine(StubServer stub, List<String> line, Map<String, String> env, DiffCase c) {
        stub.reset(c.responses());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AwsCommandLine.run(
                line.toArray(String[]::new),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        String stderr = c.compareStderr() ? err.toString(StandardCharsets.UTF_8) : "";
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), stderr, requests(stub));
    }

    static Map<String, String> env(DiffCase c, Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        c.env().forEach((k, v) -> {
            if (v == null || v.equals("<unset>")) {
                env.remove(k);
            } else {
                env.put(k, v.replace("@HOME@", home.toString()));
            }
        });
        return env;
    }

    /** @param line the whole command line after the program name */
    static Outcome runAws(StubServer stub, List<String> line, Map<String, String> env, Path home, DiffCase c)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(line);
        return runProcess(stub, command, env, home, c);
    }

    static Outcome runProcess(StubServer stub, List<String> command, Map<String, String> env, Path home, DiffCase c)
            throws Exception {
        stub.reset(c.responses());
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(new File("/dev/null"));
        Process p = pb.start();
        byte[][] streams = new byte[2][];
        Thread err = new Thread(() -> streams[1] = readAll(p.getErrorStream()));
        err.start();
        streams[0] = readAll(p.getInputStream());
        int exit = p.waitFor();
        err.join();
        return new Outcome(
                exit,
                new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8),
                requests(stub));
    }

    static Outcome runBelfry(StubServer stub, List<String> args, Map<String, String> env, DiffCase c) {
        stub.reset(c.responses());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChimeCli.run(
                args.toArray(String[]::new),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Outcome(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), requests(stub));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static List<String> requests(StubServer stub) {
        List<String> out = new ArrayList<>();
        for (StubServer.Request r : stub.requests()) {
            StringBuilder sb =
                    new StringBuilder(r.method()).append(' ').append(r.target()).append('\n');
            for (String name :
                    List.of("Host", "Content-Type", "Content-Length", "X-Amz-Security-Token", "Proxy-Authorization")) {
                if (r.header(name) != null) {
                    sb.append(name).append(": ").append(r.header(name)).append('\n');
                }
            }
            sb.append("X-Amz-Date present: ")
                    .append(r.header("X-Amz-Date") != null)
                    .append('\n');
            String auth = r.header("Authorization");
            sb.append("Authorization: ")
                    .append(
                            auth == null
                                    ? "none"
                                    : auth.replaceAll("Signature=[0-9a-f]+", "Signature=…")
                                            .replaceAll("/\\d{8}/", "/<day>/"))
                    .append('\n');
            sb.append(r.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid4>"));
            out.add(sb.toString());
        }
        return out;
    }

    /** argparse prints "aws" as the program name; belfry prints "belfry" in the same places. */
    static String normaliseProgramName(String stderr) {
        return stderr.replaceAll("(?m)^usage: aws ", "usage: belfry ")
                .replaceAll("(?m)^  aws ", "  belfry ")
                .replaceAll("(?m)^  aws$", "  belfry")
                .replaceAll("(?m)^aws: error:", "belfry: error:");
    }
}
