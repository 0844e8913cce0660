package dev.belfry.it.api;

import static dev.belfry.it.api.Api.account;
import static dev.belfry.it.api.Api.bot;
import static dev.belfry.it.api.Api.item;
import static dev.belfry.it.api.Api.memberships;
import static dev.belfry.it.api.Api.room;
import static dev.belfry.it.api.Api.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.ForbiddenException;
import software.amazon.awssdk.services.chime.model.MemberError;
import software.amazon.awssdk.services.chime.model.MemberType;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.NotFoundException;
import software.amazon.awssdk.services.chime.model.RoomMembership;
import software.amazon.awssdk.services.chime.model.RoomMembershipRole;

/**
 * Room memberships through the AWS SDK for Java v2: Create/BatchCreate/List/Update/DeleteRoomMembership;
 * D8 (upsert), D10–D15 (batch per-item codes, whole-request validation, update/delete rules), D16 (paging), D22.
 */
class MembershipsIT {
    static RunningServer lwa;
    static ChimeClient chime;

    @BeforeAll
    static void start() throws Exception {
        lwa = Api.enterprise();
        chime = lwa.client();
    }

    @AfterAll
    static void stop() throws Exception {
        lwa.close();
    }

    record Setup(String acct, String room, List<String> users) {}

    static Setup setup(int users) {
        String acct = account(chime, "Memberships").accountId();
        String room = room(chime, acct, "chatRoom").roomId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(user(chime, acct, "u" + i + "-" + System.nanoTime()).userId());
        }
        return new Setup(acct, room, ids);
    }

    static Map<String, String> roles(String acct, String room) {
        return memberships(chime, acct, room).stream()
                .collect(Collectors.toMap(m -> m.member().memberId(), RoomMembership::roleAsString));
    }

    @Test
    void singleMembershipLifecycle() {
        Setup s = setup(2);
        String u = s.users().get(0);
        RoomMembership m = chime.createRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(u))
                .roomMembership();
        assertThat(m.roomId()).isEqualTo(s.room());
        assertThat(m.role()).isEqualTo(RoomMembershipRole.MEMBER); // Role omitted → Member (D14)
        assertThat(m.member().memberId()).isEqualTo(u);
        assertThat(m.member().memberType()).isEqualTo(MemberType.USER);
        assertThat(m.member().accountId()).isEqualTo(s.acct());
        assertThat(m.member().email()).endsWith("@example.com");
        assertThat(m.invitedBy()).isEqualTo("arn:aws:iam::000000000000:user/test");
        assertThat(m.updatedTimestamp()).isNotNull();

        // re-adding is an upsert (D8): role changes when supplied, stays when omitted
        RoomMembership admin = chime.createRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(u).role(RoomMembershipRole.ADMINISTRATOR))
                .roomMembership();
        assertThat(admin.role()).isEqualTo(RoomMembershipRole.ADMINISTRATOR);
        assertThat(admin.updatedTimestamp()).isAfterOrEqualTo(m.updatedTimestamp());
        assertThat(chime.createRoomMembership(
                                b -> b.accountId(s.acct()).roomId(s.room()).memberId(u))
                        .roomMembership()
                        .role())
                .isEqualTo(RoomMembershipRole.ADMINISTRATOR);

        RoomMembership demoted = chime.updateRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(u).role(RoomMembershipRole.MEMBER))
                .roomMembership();
        assertThat(demoted.role()).isEqualTo(RoomMembershipRole.MEMBER);
        // Role omitted → 200, nothing changed (D15)
        assertThat(chime.updateRoomMembership(
                                b -> b.accountId(s.acct()).roomId(s.room()).memberId(u))
                        .roomMembership()
                        .role())
                .isEqualTo(RoomMembershipRole.MEMBER);
        // non-member → 404 for update and delete (D15)
        String outsider = s.users().get(1);
        assertThatThrownBy(() -> chime.updateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .memberId(outsider)
                        .role(RoomMembershipRole.ADMINISTRATOR)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chime.deleteRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(outsider)))
                .isInstanceOf(NotFoundException.class);

        chime.deleteRoomMembership(b -> b.accountId(s.acct()).roomId(s.room()).memberId(u));
        assertThat(memberships(chime, s.acct(), s.room())).isEmpty();
        assertThatThrownBy(() -> chime.deleteRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(u)))
                .isInstanceOf(NotFoundException.class);
        // unknown room → 404
        assertThatThrownBy(() -> chime.createRoomMembership(b -> b.accountId(s.acct())
                        .roomId("0a0b0c0d-0000-4000-8000-000000000000")
                        .memberId(u)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void botsAreMembersButTheirRoleCannotBeUpdated() {
        Setup s = setup(0);
        var b1 = Api.configuredBot(chime, s.acct(), "helper");
        RoomMembership m = chime.createRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(b1.botId()))
                .roomMembership();
        assertThat(m.member().memberType()).isEqualTo(MemberType.BOT);
        assertThat(m.member().email()).isEqualTo(b1.botEmail());
        assertThat(m.member().fullName()).isEqualTo(b1.displayName());
        assertThatThrownBy(() -> chime.updateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .memberId(b1.botId())
                        .role(RoomMembershipRole.ADMINISTRATOR)))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        // a disabled bot: can be removed, cannot be added
        chime.updateBot(b -> b.accountId(s.acct()).botId(b1.botId()).disabled(true));
        String room2 = room(chime, s.acct(), "second").roomId();
        assertThatThrownBy(() -> chime.createRoomMembership(
                        b -> b.accountId(s.acct()).roomId(room2).memberId(b1.botId())))
                .isInstanceOf(ForbiddenException.class);
        chime.deleteRoomMembership(b -> b.accountId(s.acct()).roomId(s.room()).memberId(b1.botId()));
        assertThat(memberships(chime, s.acct(), s.room())).isEmpty();
    }

    @Test
    void aBotWithoutAnEventsConfigurationIsRefused() {
        Setup s = setup(0);
        var bare = bot(chime, s.acct(), "bare");
        String why = "The bot " + bare.botId() + " has no events configuration; give it an OutboundEventsHTTPSEndpoint"
                + " or a LambdaFunctionArn with PutEventsConfiguration before adding it to a room.";
        assertThatThrownBy(() -> chime.createRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).memberId(bare.botId())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(why);
                });
        List<MemberError> errors = chime.batchCreateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .membershipItemList(item(bare.userId(), null))) // by its UserId too (D22)
                .errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.memberId()).isEqualTo(bare.userId());
            assertThat(e.errorCodeAsString()).isEqualTo("BadRequest");
            assertThat(e.errorMessage()).isEqualTo(why);
        });
        assertThat(memberships(chime, s.acct(), s.room())).isEmpty();
        Api.configure(chime, s.acct(), bare.botId());
        chime.createRoomMembership(b -> b.accountId(s.acct()).roomId(s.room()).memberId(bare.botId()));
        assertThat(memberships(chime, s.acct(), s.room())).hasSize(1);
    }

    @Test
    void batchPerItemOutcomes() {
        Setup s = setup(5);
        List<String> u = s.users();
        String otherAcct = account(chime, "Elsewhere").accountId();
        String foreign = user(chime, otherAcct, "foreign" + System.nanoTime()).userId();
        String unknown = "0a0b0c0d-0000-4000-8000-0000000000ff";
        chime.batchSuspendUser(b -> b.accountId(s.acct()).userIdList(u.get(4)));
        var disabledBot = bot(chime, s.acct(), "off");
        chime.updateBot(b -> b.accountId(s.acct()).botId(disabledBot.botId()).disabled(true));
        var liveBot = Api.configuredBot(chime, s.acct(), "on");

        List<MemberError> errors = chime.batchCreateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .membershipItemList(
                                item(u.get(0), "Administrator"),
                                item(u.get(1), null),
                                item(unknown, "Member"),
                                item(foreign, "Member"),
                                item(u.get(4), "Member"),
                                item(disabledBot.botId(), null),
                                MembershipItem.builder().role("Member").build(),
                                item(u.get(1), "Administrator"), // duplicate: applied as a re-add (D11)
                                item(liveBot.userId(), null))) // a bot by its UserId (D22)
                .errors();
        Map<String, String> byId = errors.stream()
                .filter(e -> e.memberId() != null)
                .collect(Collectors.toMap(MemberError::memberId, MemberError::errorCodeAsString));
        assertThat(byId)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        unknown,
                        "NotFound",
                        foreign,
                        "NotFound",
                        u.get(4),
                        "Forbidden",
                        disabledBot.botId(),
                        "Forbidden"));
        assertThat(errors).filteredOn(e -> e.memberId() == null).singleElement().satisfies(e -> {
            assertThat(e.errorCodeAsString()).isEqualTo("BadRequest");
            assertThat(e.errorMessage()).isNotBlank();
        });
        assertThat(errors).allSatisfy(e -> assertThat(e.errorMessage()).isNotBlank());

        List<RoomMembership> ms = memberships(chime, s.acct(), s.room());
        assertThat(ms)
                .extracting(m -> m.member().memberId())
                .containsExactlyInAnyOrder(u.get(0), u.get(1), liveBot.botId());
        assertThat(roles(s.acct(), s.room()))
                .containsEntry(u.get(0), "Administrator")
                .containsEntry(u.get(1), "Administrator")
                .containsEntry(liveBot.botId(), "Member");
        assertThat(ms)
                .filteredOn(m -> m.member().memberId().equals(liveBot.botId()))
                .singleElement()
                .satisfies(m -> assertThat(m.member().memberType()).isEqualTo(MemberType.BOT));

        // re-adding: upsert; role only changes when supplied (D8, D14)
        var again = chime.batchCreateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .membershipItemList(item(u.get(0), null), item(u.get(1), "Member"), item(u.get(2), null)))
                .errors();
        assertThat(again).isEmpty();
        assertThat(roles(s.acct(), s.room()))
                .containsEntry(u.get(0), "Administrator")
                .containsEntry(u.get(1), "Member")
                .containsEntry(u.get(2), "Member")
                .hasSize(4);
        // suspended users keep existing memberships (D12)
        chime.batchSuspendUser(b -> b.accountId(s.acct()).userIdList(u.get(2)));
        assertThat(roles(s.acct(), s.room())).containsKey(u.get(2));
    }

    @Test
    void batchWholeRequestValidationAppliesNothing() {
        Setup s = setup(2);
        List<MembershipItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(item(s.users().get(i % 2), null));
        }
        assertThatThrownBy(() -> chime.batchCreateRoomMembership(
                        b -> b.accountId(s.acct()).roomId(s.room()).membershipItemList(tooMany)))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> chime.batchCreateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .membershipItemList(
                                item(s.users().get(0), null), item(s.users().get(1), "Owner"))))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.batchCreateRoomMembership(b -> b.accountId(s.acct())
                        .roomId(s.room())
                        .membershipItemList(item(s.users().get(0), null), item("  ", null))))
                .isInstanceOf(BadRequestException.class);
        assertThat(memberships(chime, s.acct(), s.room())).isEmpty();
        // exactly 50 is fine; empty list → no errors
        assertThat(chime.batchCreateRoomMembership(
                                b -> b.accountId(s.acct()).roomId(s.room()).membershipItemList(tooMany.subList(0, 50)))
                        .errors())
                .isEmpty();
        assertThat(chime.batchCreateRoomMembership(
                                b -> b.accountId(s.acct()).roomId(s.room()).membershipItemList(List.of()))
                        .errors())
                .isEmpty();
        assertThat(memberships(chime, s.acct(), s.room())).hasSize(2);
    }

    @Test
    void listRoomMembershipsPagesBy99AndKeepsInsertionOrder() {
        Setup s = setup(0);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            users.add(user(chime, s.acct(), "p" + i + "-" + System.nanoTime()).userId());
        }
        for (int from = 0; from < 120; from += 40) {
            List<MembershipItem> items = users.subList(from, from + 40).stream()
                    .map(id -> item(id, null))
                    .toList();
            assertThat(chime.batchCreateRoomMembership(
                                    b -> b.accountId(s.acct()).roomId(s.room()).membershipItemList(items))
                            .errors())
                    .isEmpty();
        }
        var first = chime.listRoomMemberships(b -> b.accountId(s.acct()).roomId(s.room()));
        assertThat(first.roomMemberships()).hasSize(99);
        assertThat(first.nextToken()).isNotNull();
        var second = chime.listRoomMemberships(
                b -> b.accountId(s.acct()).roomId(s.room()).nextToken(first.nextToken()));
        assertThat(second.roomMemberships()).hasSize(21);
        assertThat(second.nextToken()).isNull();
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = chime.listRoomMemberships(
                    b -> b.accountId(s.acct()).roomId(s.room()).maxResults(7).nextToken(t));
            assertThat(page.roomMemberships()).hasSizeLessThanOrEqualTo(7);
            page.roomMemberships().forEach(m -> paged.add(m.member().memberId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(users).doesNotHaveDuplicates();
        // batches added in order: each batch's members come after the previous batch's
        assertThat(paged.subList(0, 40)).containsExactlyInAnyOrderElementsOf(users.subList(0, 40));
        assertThatThrownBy(() -> chime.listRoomMemberships(
                        b -> b.accountId(s.acct()).roomId(s.room()).nextToken(first.nextToken() + "x")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.listRoomMemberships(
                        b -> b.accountId(s.acct()).roomId(s.room()).maxResults(100)))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void listingOrderIsTimeAddedAndSurvivesRoleChangesAndDeletedCursors() throws Exception {
        Setup s = setup(4);
        List<String> u = s.users();
        for (String id : u) {
            chime.createRoomMembership(
                    b -> b.accountId(s.acct()).roomId(s.room()).memberId(id));
            Thread.sleep(3); // distinct added times
        }
        // a role change (single or batch re-add) keeps the member's place (added time never changes)
        chime.updateRoomMembership(
                b -> b.accountId(s.acct()).roomId(s.room()).memberId(u.get(0)).role("Administrator"));
        chime.batchCreateRoomMembership(
                b -> b.accountId(s.acct()).roomId(s.room()).membershipItemList(item(u.get(1), "Administrator")));
        assertThat(memberships(chime, s.acct(), s.room()))
                .extracting(m -> m.member().memberId())
                .containsExactlyElementsOf(u);
        // keyset paging: deleting the member a NextToken points after does not break the next page
        var first = chime.listRoomMemberships(
                b -> b.accountId(s.acct()).roomId(s.room()).maxResults(2));
        assertThat(first.roomMemberships())
                .extracting(m -> m.member().memberId())
                .containsExactly(u.get(0), u.get(1));
        chime.deleteRoomMembership(b -> b.accountId(s.acct()).roomId(s.room()).memberId(u.get(1)));
        var next = chime.listRoomMemberships(
                b -> b.accountId(s.acct()).roomId(s.room()).maxResults(2).nextToken(first.nextToken()));
        assertThat(next.roomMemberships())
                .extracting(m -> m.member().memberId())
                .containsExactly(u.get(2), u.get(3));
        assertThat(next.nextToken()).isNull();
    }

    @Test
    void sdkSignedRequestsWithOddIdsVerifyAndAnswerNotFound() {
        Setup s = setup(0);
        for (String odd : List.of("room 1", "a/b", "ü-ß", "x+y", "%2F", "a;b=c", "~tilde*")) {
            assertThatThrownBy(() -> chime.getRoom(b -> b.accountId(s.acct()).roomId(odd)))
                    .as("GetRoom %s", odd)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> chime.deleteRoomMembership(
                            b -> b.accountId(s.acct()).roomId(s.room()).memberId(odd)))
                    .as("DeleteRoomMembership %s", odd)
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(chime.listRooms(b -> b.accountId(s.acct()).memberId("a b/c+d"))
                        .rooms())
                .isEmpty();
    }
}
