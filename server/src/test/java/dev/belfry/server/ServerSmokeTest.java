package dev.belfry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.Enums.AccountType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.*;

class ServerSmokeTest {
    @Test
    void seedFlowWorksWithTheJavaSdk() throws Exception {
        Path dir = Files.createTempDirectory("belfry-smoke");
        try (BelfryServer server = BelfryServer.start(
                        ServerSettings.defaults(dir).withPort(0).withCreateAccountType(AccountType.EnterpriseLWA),
                        Map.of(),
                        new PrintStream(OutputStream.nullOutputStream()),
                        false);
                ChimeClient chime = ChimeClient.builder()
                        .endpointOverride(URI.create(server.url()))
                        .region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build()) {
            Account account = chime.createAccount(b -> b.name("acme")).account();
            assertThat(account.accountTypeAsString()).isEqualTo(AccountType.EnterpriseLWA.name());
            User u1 = chime.createUser(b -> b.accountId(account.accountId())
                            .email("a@example.com")
                            .username("a"))
                    .user();
            User u2 = chime.createUser(b -> b.accountId(account.accountId())
                            .email("b@example.com")
                            .username("b"))
                    .user();
            Room room = chime.createRoom(b -> b.accountId(account.accountId()).name("chat"))
                    .room();
            BatchCreateRoomMembershipResponse batch = chime.batchCreateRoomMembership(b -> b.accountId(
                            account.accountId())
                    .roomId(room.roomId())
                    .membershipItemList(
                            MembershipItem.builder()
                                    .memberId(u1.userId())
                                    .role("Administrator")
                                    .build(),
                            MembershipItem.builder().memberId(u2.userId()).build(),
                            MembershipItem.builder().memberId("nobody").build()));
            assertThat(batch.errors()).hasSize(1);
            assertThat(batch.errors().get(0).errorCodeAsString()).isEqualTo("NotFound");
            ListRoomMembershipsResponse list = chime.listRoomMemberships(
                    b -> b.accountId(account.accountId()).roomId(room.roomId()));
            assertThat(list.roomMemberships()).hasSize(2);
            assertThat(list.roomMemberships()).anySatisfy(m -> {
                assertThat(m.member().memberId()).isEqualTo(u2.userId());
                assertThat(m.roleAsString()).isEqualTo("Member");
            });
        }
    }
}
