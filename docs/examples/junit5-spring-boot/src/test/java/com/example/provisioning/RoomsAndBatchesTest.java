package com.example.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.junit5.BelfryExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.NotFoundException;

/** The AWS SDK's ChimeClient straight against the extension: rooms, batches, and Chime's own refusals. */
class RoomsAndBatchesTest {
    @RegisterExtension
    static BelfryExtension belfry =
            BelfryExtension.builder().enterpriseAccounts().resetBeforeEach().build();

    @BeforeAll
    static void allClassesAtOnce() throws Exception {
        AllClassesAtOnce.arrive();
    }

    @Test
    void aBatchOfFiftyMembers() {
        ChimeClient chime = belfry.chime();
        String account = chime.createAccount(b -> b.name("Acme")).account().accountId();
        List<MembershipItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "user" + i + "@example.com";
            String user = chime.createUser(b -> b.accountId(account).email(email))
                    .user()
                    .userId();
            items.add(MembershipItem.builder().memberId(user).role("Member").build());
        }
        String room = chime.createRoom(b -> b.accountId(account).name("all-hands")).room().roomId();
        var answer = chime.batchCreateRoomMembership(
                b -> b.accountId(account).roomId(room).membershipItemList(items));
        assertThat(answer.errors()).isEmpty();
        assertThat(chime.listRoomMembershipsPaginator(b -> b.accountId(account).roomId(room)).stream()
                        .flatMap(page -> page.roomMemberships().stream()))
                .hasSize(50);
    }

    @Test
    void eachTestStartsEmpty() {
        assertThat(belfry.chime().listAccounts(b -> {}).accounts()).isEmpty();
    }

    @Test
    void anotherAccountsRoomIsNotFound() {
        ChimeClient chime = belfry.chime();
        String account = chime.createAccount(b -> b.name("Acme")).account().accountId();
        assertThat(chime.getAccount(b -> b.accountId(account)).account().accountTypeAsString())
                .isEqualTo("EnterpriseLWA"); // enterpriseAccounts(): CreateAccount's accounts can have rooms
        assertThatThrownBy(() -> chime.getRoom(b -> b.accountId(account).roomId("no-such-room")))
                .isInstanceOf(NotFoundException.class);
    }
}
