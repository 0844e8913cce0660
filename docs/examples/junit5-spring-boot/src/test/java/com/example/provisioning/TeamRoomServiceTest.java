package com.example.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.belfry.junit5.BelfryExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The service under test, on its own Jetty in this JVM, calling Belfry as it once called Amazon Chime. */
class TeamRoomServiceTest {
    @RegisterExtension
    static BelfryExtension belfry = BelfryExtension.builder()
            .enterpriseAccounts()
            .fixtures("chime-fixtures.yaml")
            .resetBeforeEach()
            .build();

    private static ConfigurableApplicationContext app;
    private static URI base;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startTheService() throws Exception {
        app = SpringApplication.run(
                ProvisioningApplication.class,
                "--server.port=0",
                "--chime.endpoint=" + belfry.endpoint(),
                "--chime.region=" + belfry.region(),
                "--chime.access-key-id=" + belfry.accessKeyId(),
                "--chime.secret-access-key=" + belfry.secretAccessKey());
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
        AllClassesAtOnce.arrive();
    }

    @AfterAll
    static void stopTheService() {
        app.close();
    }

    private static JsonNode post(String path, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    @Test
    void makesATeamRoomWithItsLeadAsAdministrator() throws Exception {
        String acme = belfry.id("acme");
        JsonNode room = post(
                "/accounts/" + acme + "/team-rooms",
                Map.of(
                        "name", "payments",
                        "lead", belfry.id("acme.alice"),
                        "members", List.of(belfry.id("acme.bob"), belfry.id("acme.pager"))),
                201);
        assertThat(room.get("refused")).isEmpty();

        var members = belfry.chime()
                .listRoomMemberships(b -> b.accountId(acme).roomId(room.get("roomId").asText()))
                .roomMemberships();
        assertThat(members)
                .extracting(m -> m.member().memberId(), m -> m.roleAsString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(belfry.id("acme.alice"), "Administrator"),
                        org.assertj.core.groups.Tuple.tuple(belfry.id("acme.bob"), "Member"),
                        org.assertj.core.groups.Tuple.tuple(belfry.id("acme.pager"), "Member"));
    }

    @Test
    void answersTheMembersChimeRefused() throws Exception {
        String acme = belfry.id("acme");
        JsonNode room = post(
                "/accounts/" + acme + "/team-rooms",
                Map.of("name", "billing", "lead", belfry.id("acme.carol"), "members", List.of("no-such-user")),
                201);
        assertThat(room.get("refused")).extracting(JsonNode::asText).containsExactly("no-such-user");
        // resetBeforeEach: this test sees the fixtures' room and its own, not the other test's
        assertThat(belfry.chime().listRooms(b -> b.accountId(acme)).rooms())
                .extracting(r -> r.name())
                .containsExactlyInAnyOrder("ops", "billing");
    }
}
