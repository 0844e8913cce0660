package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.RoomMembership;

/**
 * Memberships acknowledged with 201 survive the server process: a graceful stop (SIGTERM) and a SIGKILL right
 * after the responses arrived, each followed by a new `belfry serve` process on the same data.
 */
class DurabilityIT {

    static ChimeClient client(ServerProcess p) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(p.url()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** --data on SQLite (the default), --db on PostgreSQL when BELFRY_IT_DB=postgres. */
    static List<String> storage() throws Exception {
        if ("postgres".equalsIgnoreCase(System.getenv("BELFRY_IT_DB"))) {
            return List.of("--db", Databases.freshPostgresUrl());
        }
        Path data = Databases.tempDir("belfry-durable");
        return List.of("--data", data.toString());
    }

    static ServerProcess serve(List<String> storage) throws Exception {
        List<String> args = new ArrayList<>(storage);
        args.addAll(List.of("--create-account-type", "EnterpriseLWA", "--no-access-log"));
        return ServerProcess.start(args, Map.of());
    }

    static Map<String, String> roles(ChimeClient c, String acct, String room) {
        return Api.memberships(c, acct, room).stream()
                .collect(Collectors.toMap(m -> m.member().memberId(), RoomMembership::roleAsString));
    }

    @Test
    void membershipsSurviveATerminateAndAKill() throws Exception {
        List<String> storage = storage();
        String acct;
        String room;
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        try (ServerProcess first = serve(storage)) {
            ChimeClient c = client(first);
            acct = Api.account(c, "Durable").accountId();
            room = Api.room(c, acct, "durable room").roomId();
            for (int i = 0; i < 24; i++) {
                users.add(Api.user(c, acct, "d" + i).userId());
            }
            String botId = Api.configuredBot(c, acct, "durableBot").botId();
            for (int batch = 0; batch < 3; batch++) {
                List<MembershipItem> items = new ArrayList<>();
                for (int i = batch * 6; i < batch * 6 + 6; i++) {
                    String role = i % 3 == 0 ? "Administrator" : "Member";
                    items.add(Api.item(users.get(i), role));
                    expected.put(users.get(i), role);
                }
                if (batch == 1) {
                    items.add(Api.item(botId, null));
                    expected.put(botId, "Member");
                }
                var resp = c.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(room).membershipItemList(items));
                assertThat(resp.sdkHttpResponse().statusCode()).isEqualTo(201);
                assertThat(resp.errors()).isEmpty();
            }
            c.updateRoomMembership(
                    b -> b.accountId(acct).roomId(room).memberId(users.get(1)).role("Administrator"));
            expected.put(users.get(1), "Administrator");
            assertThat(roles(c, acct, room)).isEqualTo(expected);
            assertThat(first.terminate()).isIn(0, 143);
        }

        try (ServerProcess second = serve(storage)) {
            ChimeClient c = client(second);
            assertThat(roles(c, acct, room)).as("after a graceful stop").isEqualTo(expected);
            for (int batch = 3; batch < 4; batch++) {
                List<MembershipItem> items = new ArrayList<>();
                for (int i = batch * 6; i < batch * 6 + 6; i++) {
                    items.add(Api.item(users.get(i), "Member"));
                    expected.put(users.get(i), "Member");
                }
                items.add(Api.item(users.get(0), "Member")); // a re-add that demotes
                expected.put(users.get(0), "Member");
                var resp = c.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(room).membershipItemList(items));
                assertThat(resp.sdkHttpResponse().statusCode()).isEqualTo(201);
                assertThat(resp.errors()).isEmpty();
            }
            second.kill(); // SIGKILL right after the 201s: no shutdown hook runs
        }

        try (ServerProcess third = serve(storage)) {
            ChimeClient c = client(third);
            assertThat(roles(c, acct, room)).as("after SIGKILL").isEqualTo(expected);
            assertThat(c.getRoom(b -> b.accountId(acct).roomId(room)).room().name())
                    .isEqualTo("durable room");
        }
    }
}
