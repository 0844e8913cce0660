package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `belfry admin` (D35) against a real server and without one: JSON printed byte for byte as `belfry chime` prints
 * the same account, set-account-status, and every failure one line with the exit code `belfry chime` (the AWS CLI)
 * gives the same situation, never a stack trace.
 */
public class AdminCommandIT {
    public record Run(int code, String out, String err) {}

    @Test
    void adminCallsPrintLikeChimeAndFailLikeIt() throws Exception {
        Map<String, String> env = cliEnvironment();
        try (ServerProcess server = ServerProcess.start(
                List.of("--data", Databases.tempDir("belfry-admin").toString()), Map.of())) {
            String url = server.url();
            Run created = belfry(
                    env, "admin", "create-account", "--name", "Ops", "--type", "EnterpriseLWA", "--endpoint-url", url);
            assertThat(created.code()).as(created.err()).isZero();
            assertThat(created.err()).isEmpty();
            String id = created.out().replaceAll("(?s).*\"AccountId\": \"([^\"]+)\".*", "$1");
            Run got = belfry(env, "chime", "get-account", "--account-id", id, "--endpoint-url", url);
            assertThat(got.code()).isZero();
            assertThat(created.out()).isEqualTo(got.out()); // the same printer, byte for byte
            assertThat(created.out())
                    .contains("\"AccountType\": \"EnterpriseLWA\"")
                    .startsWith("{\n    \"Account\"");

            Run suspended = belfry(
                    env,
                    "admin",
                    "set-account-status",
                    "--account-id",
                    id,
                    "--status",
                    "Suspended",
                    "--endpoint-url",
                    url);
            assertThat(suspended.code()).as(suspended.err()).isZero();
            assertThat(belfry(env, "chime", "get-account", "--account-id", id, "--endpoint-url", url)
                            .out())
                    .isEqualTo(suspended.out())
                    .contains("\"AccountStatus\": \"Suspended\"");
            assertThat(belfry(
                                    env,
                                    "admin",
                                    "set-account-status",
                                    "--account-id",
                                    id,
                                    "--status",
                                    "active",
                                    "--endpoint-url",
                                    url,
                                    "--query",
                                    "Account.AccountStatus",
                                    "--output",
                                    "text")
                            .out())
                    .isEqualTo("Active\n");

            // the server's refusal: 254 and the AWS CLI's sentence
            Run unknown = belfry(
                    env,
                    "admin",
                    "set-account-status",
                    "--account-id",
                    "no-such-account",
                    "--status",
                    "Active",
                    "--endpoint-url",
                    url);
            assertThat(unknown.code()).isEqualTo(254);
            assertThat(unknown.err().strip())
                    .startsWith("An error occurred (NotFoundException) when calling the BelfrySetAccountStatus"
                            + " operation: ");
            assertOneLine(unknown);
        }

        // without a server, a region or a known profile: the same line and code as `belfry chime`
        String down = "http://127.0.0.1:" + ServerProcess.freePort();
        assertSameFailure(
                env,
                255,
                List.of("admin", "create-account", "--name", "x", "--type", "Team", "--endpoint-url", down),
                List.of("chime", "list-accounts", "--endpoint-url", down),
                "Could not connect to the endpoint URL: \"" + down + "/");
        Map<String, String> noRegion = new HashMap<>(env);
        noRegion.remove("AWS_DEFAULT_REGION");
        assertSameFailure(
                noRegion,
                253,
                List.of("admin", "create-account", "--name", "x", "--type", "Team"),
                List.of("chime", "list-accounts"),
                "You must specify a region.");
        assertSameFailure(
                env,
                255,
                List.of("admin", "set-account-status", "--account-id", "a", "--status", "Active", "--profile", "nope"),
                List.of("chime", "--profile", "nope", "list-accounts"),
                "The config profile (nope) could not be found");
        Map<String, String> noKeys = new HashMap<>(env);
        noKeys.remove("AWS_ACCESS_KEY_ID");
        noKeys.remove("AWS_SECRET_ACCESS_KEY");
        assertSameFailure(
                noKeys,
                253,
                List.of("admin", "create-account", "--name", "x", "--type", "Team"),
                List.of("chime", "list-accounts"),
                "Unable to locate credentials.");

        // usage errors: one line, 252
        Run badType = belfry(env, "admin", "create-account", "--name", "x", "--type", "Huge");
        assertThat(badType.code()).isEqualTo(252);
        assertThat(badType.err().strip()).startsWith("belfry admin: Invalid value for option '--type'");
        assertOneLine(badType);
        Run missing = belfry(env, "admin", "set-account-status", "--status", "Active");
        assertThat(missing.code()).isEqualTo(252);
        assertThat(missing.err().strip()).startsWith("belfry admin: Missing required option: '--account-id");
        assertOneLine(missing);
        assertThat(belfry(env, "admin", "no-such-command").code()).isEqualTo(252);
    }

    private static void assertSameFailure(
            Map<String, String> env, int code, List<String> admin, List<String> chime, String message)
            throws Exception {
        Run a = belfry(env, admin.toArray(String[]::new));
        Run c = belfry(env, chime.toArray(String[]::new));
        assertThat(a.code()).as(a.err()).isEqualTo(code).isEqualTo(c.code());
        assertThat(a.err().strip()).startsWith(message);
        assertThat(a.out()).isEmpty();
        assertOneLine(a);
        if (!message.startsWith("Could not connect")) { // chime's URL is another path
            assertThat(a.err()).isEqualTo(c.err());
        }
    }

    private static void assertOneLine(Run r) {
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception in");
    }

    /** A fresh HOME and the development credential, region and one attempt, as a CLI user's environment. */
    public static Map<String, String> cliEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", Files.createTempDirectory("belfry-admin-home").toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_MAX_ATTEMPTS", "1");
        return env;
    }

    public static Run belfry(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(java(), "-jar", ServerProcess.jar().toString()));
        command.addAll(List.of(args));
        return exec(command, env);
    }

    static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** Runs {@code command} with only PATH and {@code env}; stdout and stderr kept apart. */
    static Run exec(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        Path err = Files.createTempFile("belfry-admin", ".err");
        builder.redirectError(err.toFile());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
