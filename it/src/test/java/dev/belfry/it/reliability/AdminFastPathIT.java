package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code belfry admin create-account|set-account-status} runs without picocli when its line is plain
 * ({@code AdminFastPath}, for start-up). Every line here is run twice against one server: through {@code Main}
 * (the fast path, or picocli when the fast path declines) and through {@code AdminCommand} alone (picocli only).
 * Exit code, stdout and stderr must be the same, ids and times masked; and for the plain lines picocli must not even
 * be loaded.
 */
class AdminFastPathIT {
    @Test
    void theFastPathAnswersExactlyAsPicocliDoes() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (ServerProcess server = ServerProcess.start(
                List.of("--data", Databases.tempDir("belfry-admin-fast").toString()), Map.of())) {
            String url = server.url();
            AdminCommandIT.Run created = run(
                    true, env, "create-account", "--name", "Fast", "--type", "EnterpriseLWA", "--endpoint-url", url);
            assertThat(created.code()).as(created.err()).isZero();
            String id = created.out().replaceAll("(?s).*\"AccountId\": \"([^\"]+)\".*", "$1");

            List<String[]> plain = List.of(
                    new String[] {"create-account", "--name", "A", "--type", "EnterpriseLWA", "--endpoint-url", url},
                    new String[] {
                        "create-account", "--name=B c", "--type=Team", "--endpoint-url=" + url, "--output", "text"
                    },
                    new String[] {
                        "create-account",
                        "--endpoint-url",
                        url,
                        "--type",
                        "EnterpriseOIDC",
                        "--name",
                        "C",
                        "--query",
                        "Account.[Name,AccountType]"
                    },
                    new String[] {
                        "set-account-status", "--account-id", id, "--status", "Suspended", "--endpoint-url", url
                    },
                    new String[] {
                        "set-account-status",
                        "--account-id",
                        id,
                        "--status",
                        "Active",
                        "--endpoint-url",
                        url,
                        "--output",
                        "yaml",
                        "--debug"
                    },
                    new String[] {
                        "set-account-status",
                        "--account-id",
                        "no-such-account",
                        "--status",
                        "Active",
                        "--endpoint-url",
                        url
                    },
                    new String[] {"create-account", "--name", "", "--type", "Team", "--endpoint-url", url},
                    new String[] {
                        "create-account", "--name", "D", "--type", "Team", "--endpoint-url", "http://127.0.0.1:1"
                    },
                    new String[] {
                        "create-account", "--name", "E", "--type", "Team", "--endpoint-url", url, "--profile", "nope"
                    },
                    new String[] {
                        "create-account", "--name", "F", "--type", "Team", "--endpoint-url", url, "--query", "Account.["
                    });
            List<String[]> left = List.of( // lines the fast path leaves to picocli
                    new String[] {"create-account", "--name", "G", "--type", "enterpriselwa", "--endpoint-url", url},
                    new String[] {"create-account", "--type", "Team", "--endpoint-url", url},
                    new String[] {"create-account", "--name", "H", "--name", "I", "--type", "Team"},
                    new String[] {"create-account", "--name", "J", "--type", "Team", "--bogus"},
                    new String[] {"create-account", "--help"},
                    new String[] {"set-account-status", "--account-id", id, "--status", "Gone"},
                    new String[] {"set-account-status", "--account-id"});
            for (String[] line : plain) {
                compare(env, line, line == plain.get(0) ? Boolean.TRUE : null);
            }
            for (String[] line : left) {
                compare(env, line, line == left.get(0) ? Boolean.FALSE : null);
            }
            Map<String, String> noRegion = new HashMap<>(env);
            noRegion.remove("AWS_DEFAULT_REGION");
            compare(
                    noRegion,
                    new String[] {"create-account", "--name", "K", "--type", "Team", "--endpoint-url", url},
                    true);
        }
    }

    /** @param fast whether picocli must stay unloaded (true) or be loaded (false); null: not traced (each is a JVM) */
    private static void compare(Map<String, String> env, String[] line, Boolean fast) throws Exception {
        AdminCommandIT.Run viaMain = run(true, env, line);
        AdminCommandIT.Run picocli = run(false, env, line);
        String what = String.join(" ", line);
        assertThat(viaMain.code()).as("exit code of %s", what).isEqualTo(picocli.code());
        assertThat(mask(viaMain.out())).as("stdout of %s", what).isEqualTo(mask(picocli.out()));
        assertThat(mask(viaMain.err())).as("stderr of %s", what).isEqualTo(mask(picocli.err()));
        if (fast == null) {
            return;
        }
        AdminCommandIT.Run traced = runTraced(env, line);
        if (fast) {
            assertThat(traced.out()).as("classes loaded for %s", what).doesNotContain("picocli.");
        } else {
            assertThat(traced.out()).as("classes loaded for %s", what).contains("picocli.");
        }
    }

    /** Account ids, request ids, signing dates and timestamps differ between two calls; nothing else may. */
    private static String mask(String s) {
        return s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?", "<time>")
                .replaceAll("\\d{8}T\\d{6}Z", "<amzdate>")
                .replaceAll("/\\d{8}/", "/<day>/")
                .replaceAll("Signature=[0-9a-f]+", "Signature=<sig>")
                .replaceAll("(?m)^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) ", "<logtime> ");
    }

    /** {@code Main admin …} (fast path first) or {@code AdminCommand …} (picocli alone). */
    private static AdminCommandIT.Run run(boolean viaMain, Map<String, String> env, String... line) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(AdminCommandIT.java(), "-cp", ServerProcess.jar().toString()));
        if (viaMain) {
            command.add("dev.belfry.app.Main");
            command.add("admin");
        } else {
            command.add("dev.belfry.app.AdminCommand");
        }
        command.addAll(List.of(line));
        return AdminCommandIT.exec(command, env);
    }

    private static AdminCommandIT.Run runTraced(Map<String, String> env, String... line) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                AdminCommandIT.java(),
                "-Xlog:class+load=info:stdout",
                "-cp",
                ServerProcess.jar().toString(),
                "dev.belfry.app.Main",
                "admin"));
        command.addAll(List.of(line));
        return AdminCommandIT.exec(command, env);
    }
}
