package dev.belfry.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.belfry.it.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.RoomMembership;

/** serve --fixtures: applied before ready, idempotent across restarts, fixed ids kept, its snapshot (D92, D93). */
final class FixturesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String FIXED_ROOM = "1b3c5d7e-0000-4000-8000-000000000001";

    @TempDir
    Path temp;

    private static String send(String method, String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Ready comes only after the fixtures are applied (listening comes first). */
    static void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String answer = "";
        while (System.nanoTime() < deadline) {
            answer = send("GET", url + "/_belfry/ready");
            if (answer.contains("\"ready\":true")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not ready within 30 s: " + answer);
    }

    private static ChimeClient client(String url) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @Test
    void appliesTheFileOnceAndTestsGoBackToIt() throws Exception {
        // the bot in the room declares its endpoint (D124), which gets the fixture's Invite like any bot's
        dev.belfry.testsupport.BotEndpoint bot = dev.belfry.testsupport.BotEndpoint.start();
        Path file = temp.resolve("chime-fixtures.yaml");
        Files.writeString(file, """
                accounts:
                  acme:
                    name: Acme
                    users:
                      alice: { email: alice@example.com }
                      bob: { username: bob }
                    bots: { helper: { displayName: Helper, eventsEndpoint: "%s" } }
                    rooms:
                      ops:
                        id: %s
                        members: { alice: Administrator, bob: Member, helper: Member }
                        webhooks: [deploys]
                """.formatted(bot.url(), FIXED_ROOM));
        List<String> args =
                List.of("--data", temp.resolve("data").toString(), "--test-mode", "--fixtures", file.toString());
        JsonNode first;
        try (ServerProcess server = ServerProcess.start(args, Map.of());
                ChimeClient chime = client(server.url())) {
            awaitReady(server.url());
            first = new ObjectMapper()
                    .readTree(send("GET", server.url() + "/_belfry/fixtures"))
                    .get("Ids");
            String account = first.get("acme").asText();
            assertThat(first.get("acme.ops").asText()).isEqualTo(FIXED_ROOM);
            assertThat(
                            chime
                                    .listRoomMemberships(
                                            b -> b.accountId(account).roomId(FIXED_ROOM))
                                    .roomMemberships()
                                    .stream()
                                    .map(RoomMembership::roleAsString))
                    .containsExactlyInAnyOrder("Administrator", "Member", "Member", "Member"); // a webhook is one
            String helper = first.get("acme.helper").asText();
            assertThat(chime.getEventsConfiguration(b -> b.accountId(account).botId(helper))
                            .eventsConfiguration()
                            .outboundEventsHTTPSEndpoint())
                    .isEqualTo(bot.url());
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
            while (bot.events() < 1 && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(bot.events())
                    .as("the Invite of the fixture's membership")
                    .isGreaterThanOrEqualTo(1);
            chime.createRoom(b -> b.accountId(account).name("scratch"));
            chime.deleteRoom(b -> b.accountId(account).roomId(FIXED_ROOM));
            assertThat(send("POST", server.url() + "/_belfry/snapshots/fixtures/restore"))
                    .contains("fixtures");
            assertThat(chime.listRooms(b -> b.accountId(account)).rooms())
                    .singleElement()
                    .satisfies(r -> assertThat(r.roomId()).isEqualTo(FIXED_ROOM));
        }
        try (ServerProcess again = ServerProcess.start(args, Map.of());
                ChimeClient chime = client(again.url())) {
            awaitReady(again.url());
            JsonNode second = new ObjectMapper()
                    .readTree(send("GET", again.url() + "/_belfry/fixtures"))
                    .get("Ids");
            assertThat(second).isEqualTo(first);
            assertThat(chime.listAccounts(b -> {}).accounts()).hasSize(1);
            assertThat(chime.listUsers(b -> b.accountId(first.get("acme").asText()))
                            .users())
                    .hasSize(2);
        } finally {
            bot.close();
        }
    }

    @Test
    void aBadFileStopsTheStartWithItsLine() throws Exception {
        Path file = temp.resolve("bad.yaml");
        Files.writeString(file, "accounts: { a: { rooms: { r: { members: { ghost: Member } } } } }\n");
        Process p = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-jar",
                        ServerProcess.jar().toString(),
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        temp.resolve("d").toString(),
                        "--fixtures",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(output.strip())
                .isEqualTo("belfry serve: fixture file " + file
                        + ": accounts.a.rooms.r.members: ghost is not a user or bot of this account (known: [])");
    }
}
