package dev.belfry.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.model.JsonTree;
import dev.belfry.rooms.Caller;
import dev.belfry.rooms.Message;
import dev.belfry.testsupport.RequiredTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.model.RoomMembership;

/**
 * The console in a real browser (issue 18): Debian's Chromium driven by Playwright ({@code playwright-core} from
 * npm, installed from it/src/test/browser's package-lock.json into it/target/browser) runs
 * it/src/test/browser/console_scenario.mjs against a server with two tenants; this class then checks through the AWS
 * SDK what the browser did, and the screenshots it took land in docs/console/.
 */
class ConsoleBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SOURCES = Path.of("src/test/browser");
    static final Path WORK = Path.of("target/browser");
    static final Path SHOTS = Path.of("../docs/console");

    @Test
    void signInAddMembersWatchAWebhookMessageArriveRedactItReadTheAuditRetryABotEventAndTheOtherTenantSeesNothing()
            throws Exception {
        RequiredTools.require(Files.isExecutable(CHROMIUM), "chromium (apt-get install chromium)");
        RequiredTools.require(onPath("node") && onPath("npm"), "node and npm (apt-get install nodejs npm)");
        installPlaywright();
        try (ConsoleFixture f = new ConsoleFixture(Databases.forSuite())) {
            Files.createDirectories(SHOTS);
            Map<String, Map<String, Object>> steps = runScenario(f);

            // the secret and the session never reach script-readable storage (the cookie is HttpOnly)
            assertThat(steps.get("signed-in").get("browserStorage")).isEqualTo("{}{}");
            // the two members, with the roles given in the page, as the AWS SDK lists them
            Map<String, String> roles = memberships(f).stream()
                    .collect(Collectors.toMap(m -> m.member().memberId(), m -> m.roleAsString()));
            assertThat(roles).containsEntry(f.aliceId, "Administrator").containsEntry(f.botId, "Member");
            // the webhook's message appeared in the open page and was announced to screen readers
            Map<String, Object> live = steps.get("message-live");
            assertThat((String) live.get("announced")).contains((String) live.get("content"));
            // the redaction reached the store: the message lists without content
            List<Message> messages = f.server
                    .server()
                    .domain()
                    .messages()
                    .list(
                            new Caller("111111111111", "arn:aws:iam::111111111111:user/t1"),
                            f.accountId,
                            f.roomId,
                            null,
                            false,
                            100,
                            null)
                    .items();
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).redacted()).isTrue();
            assertThat(messages.get(0).content()).isNull();
            // the room's audit trail showed both additions with the roles given, made by t1's credential
            @SuppressWarnings("unchecked")
            List<String> audit = (List<String>) steps.get("audit").get("rows");
            assertThat(audit)
                    .anySatisfy(row -> assertThat(row)
                            .contains("CreateRoomMembership", f.aliceId, "— → Administrator", "(t1)", "127.0.0.1"));
            assertThat(audit)
                    .anySatisfy(row -> assertThat(row)
                            .contains("CreateRoomMembership", f.botId, "— → Member", "(t1)", "127.0.0.1"));
            // the bot's refused Invite was shown dead with the endpoint's answer, retried, and delivered
            Map<String, Object> deliveries = steps.get("deliveries");
            assertThat((String) deliveries.get("dead")).contains("400");
            assertThat((String) deliveries.get("delivered")).contains("delivered");
            assertThat(f.botReceived).containsExactly("Invite", "Invite");
            assertThat(((Number) steps.get("narrow").get("overflow")).intValue())
                    .isLessThanOrEqualTo(0);
            assertThat(((Number) steps.get("signed-out").get("accountsStatus")).intValue())
                    .isEqualTo(401);
            // the second tenant lists no account of the first and gets the API's NotFound for its ids
            Map<String, Object> other = steps.get("second-tenant");
            assertThat((String) other.get("listed")).doesNotContain(ConsoleFixture.ACCOUNT_NAME);
            assertThat((String) other.get("refused")).contains("was not found");
            @SuppressWarnings("unchecked")
            Map<String, Object> direct = (Map<String, Object>) other.get("direct");
            assertThat(((Number) direct.get("status")).intValue()).isEqualTo(404);
            assertThat((String) direct.get("body")).doesNotContain(ConsoleFixture.ROOM_NAME);
            for (String shot : List.of("sign-in", "accounts", "account", "room", "room-audit", "bot", "room-narrow")) {
                assertThat(SHOTS.resolve(shot + ".png")).isNotEmptyFile();
            }
        }
    }

    private static List<RoomMembership> memberships(ConsoleFixture f) {
        return f.chime
                .listRoomMemberships(b -> b.accountId(f.accountId).roomId(f.roomId))
                .roomMemberships();
    }

    /** Runs the scenario; each of its JSON lines by step name. A failing scenario fails with its output. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> runScenario(ConsoleFixture f) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "console_scenario.mjs").directory(WORK.toFile());
        Map<String, String> env = pb.environment();
        env.put("CONSOLE_URL", f.consoleUrl());
        env.put("SHOTS", SHOTS.toAbsolutePath().normalize().toString());
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("KEY1", "t1");
        env.put("SECRET1", "s1");
        env.put("KEY2", "t2");
        env.put("SECRET2", "s2");
        env.put("ACCOUNT_NAME", ConsoleFixture.ACCOUNT_NAME);
        env.put("ACCOUNT_ID", f.accountId);
        env.put("ROOM_NAME", ConsoleFixture.ROOM_NAME);
        env.put("OTHER_ROOM_NAME", ConsoleFixture.OTHER_ROOM_NAME);
        env.put("ROOM_ID", f.roomId);
        env.put("USER_SEARCH", "alice@");
        env.put("USER_NAME", "alice");
        env.put("BOT_SEARCH", "build");
        env.put("BOT_NAME", ConsoleFixture.BOT_NAME);
        env.put("BOT_ID", f.botId);
        env.put("BOT_ENDPOINT", f.botEndpointUrl());
        env.put("ALICE_ID", f.aliceId);
        Path err = Files.createTempFile("console-scenario", ".err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String diagnostics = "stdout:\n" + out + "\nstderr:\n" + Files.readString(err);
        assertThat(ended && p.exitValue() == 0).as(diagnostics).isTrue();
        Map<String, Map<String, Object>> steps = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                Map<String, Object> step = (Map<String, Object>) JsonTree.read(line);
                steps.put((String) step.get("step"), step);
            }
        }
        assertThat(steps).as(diagnostics).containsKey("done");
        return steps;
    }

    /** Copies the scenario and its lock file to target/browser and installs playwright-core there once. */
    private static void installPlaywright() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String name : List.of("package.json", "package-lock.json", "console_scenario.mjs")) {
            Files.copy(SOURCES.resolve(name), WORK.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(npm.getInputStream().readAllBytes());
        assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0)
                .as("npm ci of playwright-core:\n" + log)
                .isTrue();
    }

    private static boolean onPath(String tool) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
