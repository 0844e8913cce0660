package dev.belfry.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.RoomMembership;

/** The extension as a user registers it: the child process, fixtures, the SDK client, and reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class BelfryExtensionIT {
    @RegisterExtension
    static BelfryExtension belfry = BelfryExtension.builder()
            .enterpriseAccounts()
            .fixtures("chime-fixtures.yaml")
            .resetBeforeEach()
            .build();

    @Test
    @Order(1)
    void theFixturesAreThereUnderTheirNames() {
        ChimeClient chime = belfry.chime();
        String account = belfry.id("acme");
        assertThat(belfry.id("acme.ops")).isEqualTo("1b3c5d7e-0000-4000-8000-000000000001");
        assertThat(
                        chime
                                .listRoomMemberships(b -> b.accountId(account).roomId(belfry.id("acme.ops")))
                                .roomMemberships()
                                .stream()
                                .map(m -> m.member().memberId()))
                .containsExactlyInAnyOrder(belfry.id("acme.alice"), belfry.id("acme.helper"));
    }

    @Test
    @Order(2)
    void aTestCreatesRoomsAndBatches() {
        ChimeClient chime = belfry.chime();
        String account = belfry.id("acme");
        String room = chime.createRoom(b -> b.accountId(account).name("incident"))
                .room()
                .roomId();
        var answer = chime.batchCreateRoomMembership(b -> b.accountId(account)
                .roomId(room)
                .membershipItemList(List.of(
                        MembershipItem.builder()
                                .memberId(belfry.id("acme.alice"))
                                .role("Administrator")
                                .build(),
                        MembershipItem.builder().memberId(belfry.id("acme.bob")).build(),
                        MembershipItem.builder().memberId("no-such-member").build())));
        assertThat(answer.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.memberId()).isEqualTo("no-such-member"));
        assertThat(chime.listRooms(b -> b.accountId(account)).rooms()).hasSize(2);
    }

    @Test
    @Order(3)
    void theNextTestStartsFromTheFixturesAgain() {
        ChimeClient chime = belfry.chime();
        assertThat(chime.listRooms(b -> b.accountId(belfry.id("acme"))).rooms())
                .singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("ops"));
        assertThat(belfry.endpoint().getScheme()).isEqualTo("http");
        assertThat(belfry.region()).isEqualTo("us-east-1");
    }

    @Test
    @Order(4)
    void namedSnapshotsComeBack() {
        ChimeClient chime = belfry.chime();
        String account = belfry.id("acme");
        chime.createRoom(b -> b.accountId(account).name("kept"));
        belfry.snapshot("two-rooms");
        chime.createRoom(b -> b.accountId(account).name("dropped"));
        belfry.restore("two-rooms");
        assertThat(chime.listRooms(b -> b.accountId(account)).rooms().stream().map(r -> r.name()))
                .containsExactlyInAnyOrder("ops", "kept");
        List<RoomMembership> none = chime.listRoomMemberships(
                        b -> b.accountId(account).roomId(belfry.id("acme.ops")))
                .roomMemberships();
        assertThat(none).hasSize(2);
    }

    @Test
    @Order(5)
    void resetAccountGoesBackToTheFixturesAndLeavesTheOtherAccounts() {
        ChimeClient chime = belfry.chime();
        String acme = belfry.id("acme");
        chime.createRoom(b -> b.accountId(acme).name("scratch"));
        chime.deleteRoomMembership(
                b -> b.accountId(acme).roomId(belfry.id("acme.ops")).memberId(belfry.id("acme.alice")));
        String other = chime.createAccount(b -> b.name("Other")).account().accountId();
        chime.createRoom(b -> b.accountId(other).name("theirs"));

        belfry.resetAccount(acme); // as the fixture file made it (D99)
        assertThat(chime.listRooms(b -> b.accountId(acme)).rooms())
                .singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("ops"));
        assertThat(chime.listRoomMemberships(b -> b.accountId(acme).roomId(belfry.id("acme.ops")))
                        .roomMemberships())
                .hasSize(2);
        assertThat(chime.listRooms(b -> b.accountId(other)).rooms()).hasSize(1);

        belfry.resetAccount(other); // not one of the file's: deleted
        assertThat(chime.listAccounts(b -> {}).accounts().stream().map(a -> a.accountId()))
                .containsExactly(acme);
    }
}
