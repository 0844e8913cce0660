package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.ListRoomMembershipsResponse;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.RoomMembershipRole;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * {@code belfry admin migrate}: an installation built up through the API on SQLite, stopped, moved into
 * a fresh PostgreSQL schema, and served from there reads back the same, down to timestamps; CreateRoom
 * idempotency tokens and NextTokens issued before the move keep working after it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MigrateToPostgresIT {
    record Snapshot(String accounts, String users, String bots, String rooms, List<String> memberships) {}

    @Test
    void migratedInstallationServesTheSameDataFromPostgres() throws Exception {
        Path data = Databases.tempDir("belfry-migrate");
        Snapshot before;
        String accountId;
        String roomId;
        String pageToken;
        String firstRoom;
        List<String> opsIds;
        try (ServerProcess sqlite = ServerProcess.start(
                        List.of("--data", data.toString(), "--no-access-log", "--create-account-type", "EnterpriseLWA"),
                        Map.of());
                ChimeClient chime = PgServers.client(sqlite.url())) {
            accountId = chime.createAccount(r -> r.name("moving")).account().accountId();
            String acc = accountId;
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                users.add(chime.createUser(r -> r.accountId(acc)
                                .username("m" + n)
                                .email("m" + n + "@example.com")
                                .userType(UserType.PRIVATE_USER))
                        .user()
                        .userId());
            }
            String botId = chime.createBot(
                            r -> r.accountId(acc).displayName("Helper").domain("example.com"))
                    .bot()
                    .botId();
            // a bot joins a room only with an events configuration (D114)
            chime.putEventsConfiguration(r -> r.accountId(acc)
                    .botId(botId)
                    .outboundEventsHTTPSEndpoint(
                            dev.belfry.testsupport.BotEndpoint.shared().url()));
            chime.batchSuspendUser(r -> r.accountId(acc).userIdList(users.get(11)));
            firstRoom = chime.createRoom(r -> r.accountId(acc).name("general").clientRequestToken("token-general"))
                    .room()
                    .roomId();
            roomId = chime.createRoom(r -> r.accountId(acc).name("ops")).room().roomId();
            String room = roomId;
            List<MembershipItem> items = new ArrayList<>();
            users.subList(0, 10)
                    .forEach(u -> items.add(MembershipItem.builder().memberId(u).build()));
            items.add(MembershipItem.builder().memberId(botId).build());
            assertThat(chime.batchCreateRoomMembership(
                                    r -> r.accountId(acc).roomId(room).membershipItemList(items))
                            .errors())
                    .isEmpty();
            chime.updateRoomMembership(
                    r -> r.accountId(acc).roomId(room).memberId(users.get(0)).role(RoomMembershipRole.ADMINISTRATOR));
            chime.createRoomMembership(r -> r.accountId(acc).roomId(firstRoom).memberId(users.get(1)));
            pageToken = chime.listRoomMemberships(
                            r -> r.accountId(acc).roomId(room).maxResults(4))
                    .nextToken();
            assertThat(pageToken).isNotNull();
            opsIds = chime.listRoomMemberships(r -> r.accountId(acc).roomId(room)).roomMemberships().stream()
                    .map(m -> m.member().memberId())
                    .toList();
            before = snapshot(chime, accountId);
            assertThat(sqlite.terminate()).isNotEqualTo(-1);
        }

        String pg = Databases.freshPostgresUrl();
        Process migrate = new ProcessBuilder(
                        java(),
                        "-jar",
                        ServerProcess.jar().toString(),
                        "admin",
                        "migrate",
                        "--from",
                        data.toString(),
                        "--to",
                        pg)
                .redirectErrorStream(true)
                .start();
        String out = ServerProcess.readAll(migrate);
        assertThat(migrate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("counts verified")
                .containsPattern("memberships +12 rows")
                .containsPattern("users +12 rows")
                .containsPattern("room_tokens +2 rows") // the SDK fills in a token when none is given
                // progress on stderr (not a terminal here: a plain line per batch with the running count)
                .contains("  memberships: 12/12 rows\n")
                .contains("  users: 12/12 rows\n");

        // a second run refuses: the target is no longer empty (one clear line, no stack trace)
        Process again = new ProcessBuilder(
                        java(),
                        "-jar",
                        ServerProcess.jar().toString(),
                        "admin",
                        "migrate",
                        "--from",
                        data.toString(),
                        "--to",
                        pg)
                .redirectErrorStream(true)
                .start();
        String againOut = ServerProcess.readAll(again);
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isNotZero();
        assertThat(againOut.strip())
                .contains("not empty")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");

        String acc = accountId;
        String room = roomId;
        try (ServerProcess postgres = PgServers.serve(pg, "--create-account-type", "EnterpriseLWA");
                ChimeClient chime = PgServers.client(postgres.url())) {
            assertThat(snapshot(chime, accountId)).isEqualTo(before);
            // the NextToken issued by the SQLite server pages on: the token secret moved with the data
            ListRoomMembershipsResponse page2 = chime.listRoomMemberships(
                    r -> r.accountId(acc).roomId(room).maxResults(4).nextToken(pageToken));
            assertThat(page2.roomMemberships())
                    .extracting(m -> m.member().memberId())
                    .isEqualTo(opsIds.subList(4, 8));
            // the idempotency token moved too: the same CreateRoom returns the same room
            assertThat(chime.createRoom(r -> r.accountId(acc).name("general").clientRequestToken("token-general"))
                            .room()
                            .roomId())
                    .isEqualTo(firstRoom);
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static Snapshot snapshot(ChimeClient chime, String accountId) {
        List<String> memberships = new ArrayList<>();
        var rooms = chime.listRooms(r -> r.accountId(accountId)).rooms();
        for (var room : rooms) {
            memberships.add(
                    chime.listRoomMemberships(r -> r.accountId(accountId).roomId(room.roomId()))
                            .roomMemberships()
                            .toString());
        }
        return new Snapshot(
                chime.listAccounts(r -> r.maxResults(50)).accounts().toString(),
                chime.listUsers(r -> r.accountId(accountId)).users().toString(),
                chime.listBots(r -> r.accountId(accountId)).bots().toString(),
                rooms.toString(),
                memberships);
    }
}
