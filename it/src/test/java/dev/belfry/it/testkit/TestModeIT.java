package dev.belfry.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;

/** serve --test-mode's reset and snapshots through HTTP and the AWS SDK, and their refusal without it (D91, D92). */
final class TestModeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private static HttpResponse<String> send(String method, String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ChimeClient client(String url) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private ServerProcess testModeServer() throws Exception {
        return ServerProcess.start(
                List.of(
                        "--data",
                        temp.resolve("data").toString(),
                        "--test-mode",
                        "--create-account-type",
                        "EnterpriseLWA"),
                Map.of());
    }

    @Test
    void refusedWithoutTestMode() throws Exception {
        try (RunningServer server = RunningServer.start(StoreConfig.sqlite(temp))) {
            for (String[] call : List.of(
                    new String[] {"POST", "/_belfry/reset"},
                    new String[] {"POST", "/_belfry/snapshots/a"},
                    new String[] {"POST", "/_belfry/snapshots/a/restore"},
                    new String[] {"GET", "/_belfry/snapshots"})) {
                HttpResponse<String> r = send(call[0], server.url() + call[1]);
                assertThat(r.statusCode()).as(call[1]).isEqualTo(403);
                assertThat(r.body()).contains("\"Code\":\"ForbiddenException\"").contains("--test-mode");
            }
        }
    }

    @Test
    void resetsAndRestoresWhatTheSdkWrote() throws Exception {
        try (ServerProcess server = testModeServer();
                ChimeClient chime = client(server.url())) {
            String account = chime.createAccount(b -> b.name("Acme")).account().accountId();
            String room = chime.createRoom(b -> b.accountId(account).name("ops"))
                    .room()
                    .roomId();
            List<MembershipItem> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String user = chime.createUser(b -> b.accountId(account).email("u" + Math.random() + "@example.com"))
                        .user()
                        .userId();
                items.add(MembershipItem.builder().memberId(user).role("Member").build());
            }
            chime.batchCreateRoomMembership(
                    b -> b.accountId(account).roomId(room).membershipItemList(items));

            assertThat(send("POST", server.url() + "/_belfry/snapshots/seeded").statusCode())
                    .isEqualTo(201);
            assertThat(send("POST", server.url() + "/_belfry/reset").body()).isEqualTo("{\"Reset\":\"all\"}");
            assertThat(chime.listAccounts(b -> {}).accounts()).isEmpty();

            assertThat(send("POST", server.url() + "/_belfry/snapshots/seeded/restore")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(chime.listRoomMemberships(b -> b.accountId(account).roomId(room))
                            .roomMemberships())
                    .hasSize(5);
            assertThat(send("GET", server.url() + "/_belfry/snapshots").body())
                    .isEqualTo("{\"Snapshots\":[\"seeded\"]}");

            assertThat(send("POST", server.url() + "/_belfry/reset?account-id=" + account)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send("POST", server.url() + "/_belfry/reset?account-id=" + account)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(send("POST", server.url() + "/_belfry/snapshots/missing/restore")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(send("POST", server.url() + "/_belfry/snapshots/bad%20name")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(send("GET", server.url() + "/_belfry/reset").statusCode())
                    .isEqualTo(405);
            // a restore after a reset of the tenant (the development credential's) brings the account back
            assertThat(send("POST", server.url() + "/_belfry/reset?tenant=000000000000")
                            .statusCode())
                    .isEqualTo(200);
            send("POST", server.url() + "/_belfry/snapshots/seeded/restore");
            assertThat(chime.getAccount(b -> b.accountId(account)).account().name())
                    .isEqualTo("Acme");
        }
    }

    /** D99: a snapshot's restore of one account or one tenant, over HTTP, in the shapes the other endpoints use. */
    @Test
    void restoresOneAccountOrTenantFromASnapshot() throws Exception {
        try (ServerProcess server = testModeServer();
                ChimeClient chime = client(server.url())) {
            String url = server.url() + "/_belfry/snapshots/seeded/restore";
            String kept = chime.createAccount(b -> b.name("Kept")).account().accountId();
            String reset = chime.createAccount(b -> b.name("Reset")).account().accountId();
            chime.createRoom(b -> b.accountId(reset).name("seeded-room"));
            assertThat(send("POST", server.url() + "/_belfry/snapshots/seeded").statusCode())
                    .isEqualTo(201);
            chime.createRoom(b -> b.accountId(reset).name("later"));
            chime.createRoom(b -> b.accountId(kept).name("later"));
            String made = chime.createAccount(b -> b.name("Made")).account().accountId();

            HttpResponse<String> r = send("POST", url + "?account-id=" + reset);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"Snapshot\":\"seeded\",\"AccountId\":\"" + reset + "\"}");
            assertThat(chime.listRooms(b -> b.accountId(reset)).rooms())
                    .extracting(room -> room.name())
                    .containsExactly("seeded-room");
            assertThat(chime.listRooms(b -> b.accountId(kept)).rooms()).hasSize(1); // untouched

            assertThat(send("POST", url + "?account-id=" + made).statusCode()).isEqualTo(200); // not in it: gone
            HttpResponse<String> missing = send("POST", url + "?account-id=" + made);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"Code\":\"NotFoundException\"");
            assertThat(send("POST", url + "?account-id=a&tenant=b").statusCode())
                    .isEqualTo(400);
            assertThat(send("POST", server.url() + "/_belfry/snapshots/none/restore?tenant=000000000000")
                            .statusCode())
                    .isEqualTo(404);

            assertThat(send("POST", url + "?tenant=000000000000").body())
                    .isEqualTo("{\"Snapshot\":\"seeded\",\"Tenant\":\"000000000000\"}");
            assertThat(chime.listRooms(b -> b.accountId(kept)).rooms()).isEmpty(); // back as the snapshot has it
            assertThat(chime.listAccounts(b -> {}).accounts())
                    .extracting(a -> a.accountId())
                    .containsExactlyInAnyOrder(kept, reset);
        }
    }
}
