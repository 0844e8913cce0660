package dev.belfry.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.testsupport.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same scenario through /usr/bin/aws and belfry against a running Belfry server. Ids, times and
 * dates differ between the two runs by nature, so they are normalised before comparing each step's
 * exit code, stdout and stderr. The server is BELFRY_SERVER_URL when set, otherwise a real server
 * started in this JVM on a free port.
 */
class ServerDifferentialIT {
    @Test
    void scenarioMatchesTheAwsCli() throws Exception {
        RequiredTools.awsCliV2();
        com.sun.net.httpserver.HttpServer bot = echoingBot();
        try (InJvmServer server = InJvmServer.start(
                java.net.URI.create("http://127.0.0.1:" + bot.getAddress().getPort()))) {
            Path home = Files.createTempDirectory("belfry-server-diff");
            Map<String, String> env = ChimeDifferentialIT.env(DiffCase.of("server", List.of()), home);
            Map<String, String> seeded = new HashMap<>(server.seededIds());
            seeded.put("botendpoint", "http://127.0.0.1:" + bot.getAddress().getPort() + "/events");
            List<String> aws = run(server.url(), seeded, env, home, "r1a", true);
            List<String> belfry = run(server.url(), seeded, env, home, "r1b", false);
            assertThat(belfry).hasSameSizeAs(aws);
            for (int i = 0; i < aws.size(); i++) {
                assertThat(belfry.get(i))
                        .as("step %d: %s", i, ServerScenario.steps().get(i))
                        .isEqualTo(aws.get(i));
            }
        } finally {
            bot.stop(0);
        }
    }

    /**
     * A bot endpoint that echoes PutEventsConfiguration's verification challenge, as Chime required (D108), and a
     * stand-in for Lambda's dry run.
     */
    private static com.sun.net.httpserver.HttpServer echoingBot() throws java.io.IOException {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 10);
        http.createContext("/events", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"Challenge\":\"(\\d+)\"").matcher(body);
            byte[] answer = (m.find() ? "{\"Challenge\":\"" + m.group(1) + "\"}" : "{}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        // and Lambda's Invoke API for the scenario's LambdaFunctionArn: its DryRun (D113) succeeds for any function
        // (BotEventsLambdaIT in the it module pins the invocation itself, signature and all)
        http.createContext("/2015-03-31/functions/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(
                    "DryRun".equals(ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type")) ? 204 : 200, -1);
            ex.close();
        });
        http.start();
        return http;
    }

    private static List<String> run(
            String url, Map<String, String> seeded, Map<String, String> env, Path home, String runId, boolean useAws)
            throws Exception {
        Map<String, String> ids = new HashMap<>(seeded);
        List<String> outcomes = new ArrayList<>();
        for (ServerScenario.Step step : ServerScenario.steps()) {
            List<String> args = new ArrayList<>();
            for (String a : step.args()) {
                String filled = a.replace("RUNID", runId);
                for (Map.Entry<String, String> id : ids.entrySet()) {
                    filled = filled.replace("{" + id.getKey() + "}", id.getValue());
                }
                // a step whose capture failed would run on a literal "{id}" in both runs and compare equal
                assertThat(filled).as("%s: every placeholder filled", step).doesNotContainPattern("\\{[a-z0-9]+\\}");
                args.add(filled);
            }
            args.add("--endpoint-url");
            args.add(url);
            ChimeDifferentialIT.Outcome o = useAws ? aws(args, env, home) : belfry(args, env);
            if (step.capture() != null && o.exit() == 0) {
                ids.put(step.key(), String.valueOf(path(PyJsonReader.read(o.stdout()), step.capture())));
            }
            outcomes.add("exit " + o.exit() + "\n" + normalise(o.stdout(), runId) + "\n--- stderr\n"
                    + normalise(useAws ? ChimeDifferentialIT.normaliseProgramName(o.stderr()) : o.stderr(), runId));
        }
        return outcomes;
    }

    private static ChimeDifferentialIT.Outcome aws(List<String> args, Map<String, String> env, Path home)
            throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("chime"));
        line.addAll(args);
        try (StubServer unused = new StubServer()) {
            return ChimeDifferentialIT.runAws(unused, line, env, home, DiffCase.of("server", List.of()));
        }
    }

    private static ChimeDifferentialIT.Outcome belfry(List<String> args, Map<String, String> env) throws Exception {
        try (StubServer unused = new StubServer()) {
            return ChimeDifferentialIT.runBelfry(unused, args, env, DiffCase.of("server", List.of()));
        }
    }

    private static Object path(Object json, String path) {
        Object current = json;
        for (String part : path.split("\\.")) {
            current = current instanceof Map<?, ?> m
                    ? m.get(part)
                    : current instanceof List<?> l && part.matches("\\d+") ? l.get(Integer.parseInt(part)) : null;
        }
        return current;
    }

    static String normalise(String text, String runId) {
        return text.replace(runId, "RUN")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(\\+00:00|Z)?", "<time>")
                .replaceAll("[A-Za-z0-9+/]{43}=", "<secret>")
                .replaceAll("\"PersonalPIN\": \"\\d{10}\"", "\"PersonalPIN\": \"<pin>\"") // D57: random
                .replaceAll("\\+1919555\\d{4}", "<number>") // each run orders the first number still free to it
                .replaceAll("\\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT", "<date>");
    }
}
