package dev.belfry.it.api;

import static dev.belfry.it.api.Api.account;
import static dev.belfry.it.api.Api.bot;
import static dev.belfry.it.api.Api.item;
import static dev.belfry.it.api.Api.room;
import static dev.belfry.it.api.Api.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.Bot;
import software.amazon.awssdk.services.chime.model.ChimeException;
import software.amazon.awssdk.services.chime.model.ForbiddenException;
import software.amazon.awssdk.services.chime.model.NotFoundException;
import software.amazon.awssdk.services.chime.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.chime.model.Room;

/**
 * Bots and rooms through the AWS SDK for Java v2: Create/Get/List/UpdateBot, Create/Get/List/Update/DeleteRoom;
 * D1 (Team → 403), D5 (ClientRequestToken), D6, D7, D9 (limits), D16 (paging, tamper), D17, D22, D23, D43, D44, D46.
 */
class RoomsAndBotsIT {
    static RunningServer lwa;
    static RunningServer team;
    static ChimeClient chime;
    static LambdaStub lambda;

    @BeforeAll
    static void start() throws Exception {
        lambda = LambdaStub.start();
        lambda.function("arn:aws:lambda:us-east-1:111122223333:function:chime-bot", "unused: no event is sent");
        lwa = Api.start(
                s -> Api.withLambda(s.withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA), lambda));
        team = Api.team();
        chime = lwa.client();
    }

    @AfterAll
    static void stop() throws Exception {
        lwa.close();
        team.close();
        lambda.close();
    }

    @Test
    void teamAccountsAreForbiddenFromRoomsAndBots() {
        ChimeClient t = team.client();
        String acct = account(t, "Team").accountId();
        String fakeRoom = "5f0e7a43-0000-4000-8000-000000000000";
        List<Runnable> calls = List.of(
                () -> room(t, acct, "r"),
                () -> t.listRooms(b -> b.accountId(acct)),
                () -> t.getRoom(b -> b.accountId(acct).roomId(fakeRoom)),
                () -> t.updateRoom(b -> b.accountId(acct).roomId(fakeRoom).name("x")),
                () -> t.deleteRoom(b -> b.accountId(acct).roomId(fakeRoom)),
                () -> t.createRoomMembership(
                        b -> b.accountId(acct).roomId(fakeRoom).memberId(fakeRoom)),
                () -> t.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(fakeRoom).membershipItemList(item(fakeRoom, null))),
                () -> t.listRoomMemberships(b -> b.accountId(acct).roomId(fakeRoom)),
                () -> t.updateRoomMembership(b ->
                        b.accountId(acct).roomId(fakeRoom).memberId(fakeRoom).role("Member")),
                () -> t.deleteRoomMembership(
                        b -> b.accountId(acct).roomId(fakeRoom).memberId(fakeRoom)),
                () -> bot(t, acct, "b"),
                () -> t.listBots(b -> b.accountId(acct)),
                () -> t.getBot(b -> b.accountId(acct).botId(fakeRoom)),
                () -> t.updateBot(b -> b.accountId(acct).botId(fakeRoom).disabled(true)),
                () -> t.regenerateSecurityToken(b -> b.accountId(acct).botId(fakeRoom)),
                () -> t.putEventsConfiguration(
                        b -> b.accountId(acct).botId(fakeRoom).outboundEventsHTTPSEndpoint("https://example.com")),
                () -> t.getEventsConfiguration(b -> b.accountId(acct).botId(fakeRoom)),
                () -> t.deleteEventsConfiguration(b -> b.accountId(acct).botId(fakeRoom)),
                () -> t.redactRoomMessage(
                        b -> b.accountId(acct).roomId(fakeRoom).messageId("m")));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ForbiddenException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("not an Enterprise");
            });
        }
    }

    @Test
    void botsCreateGetListUpdate() {
        String acct = account(chime, "Bots").accountId();
        Bot b1 = bot(chime, acct, "myBot");
        assertThat(b1.botId()).matches(Api.UUID).isEqualTo(b1.userId());
        assertThat(b1.displayName()).isEqualTo("myBot (Bot)");
        assertThat(b1.botEmail()).isEqualTo("myBot-chimebot@example.com");
        assertThat(b1.botTypeAsString()).isEqualTo("ChatBot");
        assertThat(b1.disabled()).isFalse();
        assertThat(b1.createdTimestamp()).isNotNull();
        assertThat(chime.getBot(b -> b.accountId(acct).botId(b1.botId())).bot().botEmail())
                .isEqualTo(b1.botEmail());

        for (int i = 0; i < 11; i++) {
            bot(chime, acct, "more" + i).botId();
            if (i == 8) {
                break; // 10 bots in all: the default limit
            }
        }
        assertThatThrownBy(() -> bot(chime, acct, "eleventh"))
                .isInstanceOfSatisfying(
                        ResourceLimitExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        var first = chime.listBots(b -> b.accountId(acct));
        assertThat(first.bots()).hasSize(10); // default page size of ListBots is 10 (D16)
        assertThat(first.nextToken()).isNull();
        var small = chime.listBots(b -> b.accountId(acct).maxResults(4));
        assertThat(small.bots()).hasSize(4);
        assertThat(small.nextToken()).isNotNull();

        Bot off = chime.updateBot(b -> b.accountId(acct).botId(b1.botId()).disabled(true))
                .bot();
        assertThat(off.disabled()).isTrue();
        assertThat(chime.getBot(b -> b.accountId(acct).botId(b1.botId())).bot().disabled())
                .isTrue();
        assertThatThrownBy(() -> chime.getBot(b -> b.accountId(acct).botId("5f0e7a43-0000-4000-8000-000000000001")))
                .isInstanceOf(NotFoundException.class);
    }

    /** D43: a new token replaces the old; an events configuration has one target, a Put replaces the last. */
    @Test
    void botTokensAndEventsConfigurations() throws Exception {
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            botTokensAndEventsConfigurations(endpoint.url());
        }
    }

    private void botTokensAndEventsConfigurations(String endpoint) {
        String acct = account(chime, "Bot events").accountId();
        Bot bot = bot(chime, acct, "notifier");
        Bot regenerated = chime.regenerateSecurityToken(b -> b.accountId(acct).botId(bot.botId()))
                .bot();
        assertThat(regenerated.botId()).isEqualTo(bot.botId());
        assertThat(regenerated.securityToken()).isNotBlank().isNotEqualTo(bot.securityToken());
        assertThat(chime.getBot(b -> b.accountId(acct).botId(bot.botId())).bot().securityToken())
                .isEqualTo(regenerated.securityToken());

        assertThatThrownBy(() ->
                        chime.getEventsConfiguration(b -> b.accountId(acct).botId(bot.botId())))
                .isInstanceOf(NotFoundException.class);
        var put = chime.putEventsConfiguration(
                        b -> b.accountId(acct).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint))
                .eventsConfiguration();
        assertThat(put.botId()).isEqualTo(bot.botId());
        assertThat(put.outboundEventsHTTPSEndpoint()).isEqualTo(endpoint);
        assertThat(put.lambdaFunctionArn()).isNull();
        String arn = "arn:aws:lambda:us-east-1:111122223333:function:chime-bot";
        chime.putEventsConfiguration(b -> b.accountId(acct).botId(bot.botId()).lambdaFunctionArn(arn));
        var got = chime.getEventsConfiguration(b -> b.accountId(acct).botId(bot.botId()))
                .eventsConfiguration();
        assertThat(got.lambdaFunctionArn()).isEqualTo(arn);
        assertThat(got.outboundEventsHTTPSEndpoint()).isNull();
        for (Runnable bad : List.<Runnable>of(
                () -> chime.putEventsConfiguration(b -> b.accountId(acct).botId(bot.botId())),
                () -> chime.putEventsConfiguration(b ->
                        b.accountId(acct).botId(bot.botId()).outboundEventsHTTPSEndpoint("http://example.com/events")),
                () -> chime.putEventsConfiguration(b -> b.accountId(acct)
                        .botId(bot.botId())
                        .outboundEventsHTTPSEndpoint("https://example.com")
                        .lambdaFunctionArn(arn)),
                () -> chime.putEventsConfiguration(
                        b -> b.accountId(acct).botId(bot.botId()).lambdaFunctionArn("my-function")))) {
            assertThatThrownBy(bad::run)
                    .isInstanceOfSatisfying(
                            BadRequestException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
        }
        assertThat(chime.getEventsConfiguration(b -> b.accountId(acct).botId(bot.botId()))
                        .eventsConfiguration()
                        .lambdaFunctionArn())
                .as("a refused Put leaves the configuration as it was")
                .isEqualTo(arn);
        chime.deleteEventsConfiguration(b -> b.accountId(acct).botId(bot.botId()));
        chime.deleteEventsConfiguration(b -> b.accountId(acct).botId(bot.botId())); // nothing left: still fine
        assertThatThrownBy(() ->
                        chime.getEventsConfiguration(b -> b.accountId(acct).botId(bot.botId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chime.putEventsConfiguration(b -> b.accountId(acct)
                        .botId("5f0e7a43-0000-4000-8000-000000000009")
                        .outboundEventsHTTPSEndpoint("https://example.com")))
                .isInstanceOf(NotFoundException.class);
    }

    /** D44: Belfry stores no room messages yet, has no conversations and hosts no meetings. */
    @Test
    void redactAndDialOutFindNothingToActOn() {
        String acct = account(chime, "Redact").accountId();
        String roomId = room(chime, acct, "general").roomId();
        assertThatThrownBy(() -> chime.redactRoomMessage(
                        b -> b.accountId(acct).roomId(roomId).messageId("m-1")))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("message m-1"));
        assertThatThrownBy(() -> chime.redactRoomMessage(b -> b.accountId(acct)
                        .roomId("5f0e7a43-0000-4000-8000-000000000002")
                        .messageId("m-1")))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("room"));
        assertThatThrownBy(() -> chime.redactConversationMessage(
                        b -> b.accountId(acct).conversationId("c-1").messageId("m-1")))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("conversation c-1"));
        assertThatThrownBy(() -> chime.createMeetingDialOut(b -> b.meetingId("e3c0b9f4-0000-4000-8000-000000000001")
                        .fromPhoneNumber("+12065550100")
                        .toPhoneNumber("+12065550101")
                        .joinToken("abc")))
                .isInstanceOfSatisfying(
                        ChimeException.class,
                        e -> { // the model declares no NotFound here (D44)
                            assertThat(e.statusCode()).isEqualTo(404);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains("meeting");
                        });
        // the model's checks come first: a meeting id that is no GUID, a number that is no E.164 number
        assertThatThrownBy(() -> chime.createMeetingDialOut(b -> b.meetingId("not-a-guid")
                        .fromPhoneNumber("+12065550100")
                        .toPhoneNumber("+12065550101")
                        .joinToken("abc")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.createMeetingDialOut(b -> b.meetingId("e3c0b9f4-0000-4000-8000-000000000001")
                        .fromPhoneNumber("206-555-0100")
                        .toPhoneNumber("+12065550101")
                        .joinToken("abc")))
                .isInstanceOf(BadRequestException.class);
    }

    /** An endpoint that ends in /console (as users were advised to set) works like one without it. */
    @Test
    void anEndpointEndingInConsoleWorksUnchanged() {
        ChimeClient console = ChimeClient.builder()
                .endpointOverride(java.net.URI.create(lwa.url() + "/console"))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .build();
        String acct = account(console, "Console").accountId();
        String roomId = room(console, acct, "general").roomId();
        assertThat(chime.getRoom(b -> b.accountId(acct).roomId(roomId)).room().name())
                .isEqualTo("general");
        assertThat(console.listRooms(b -> b.accountId(acct)).rooms())
                .extracting(Room::roomId)
                .containsExactly(roomId);
    }

    @Test
    void roomsCreateGetUpdateDelete() {
        String acct = account(chime, "Rooms").accountId();
        Room r = room(chime, acct, "chatRoom");
        assertThat(r.roomId()).matches(Api.UUID);
        assertThat(r.name()).isEqualTo("chatRoom");
        assertThat(r.accountId()).isEqualTo(acct);
        assertThat(r.createdBy()).isEqualTo("arn:aws:iam::000000000000:user/test");
        assertThat(r.createdTimestamp()).isEqualTo(r.updatedTimestamp());
        assertThat(chime.getRoom(b -> b.accountId(acct).roomId(r.roomId())).room())
                .isEqualTo(r);
        // the creator is not a member (D7)
        assertThat(Api.memberships(chime, acct, r.roomId())).isEmpty();

        // UpdateRoom without Name: 200, unchanged (D23)
        assertThat(chime.updateRoom(b -> b.accountId(acct).roomId(r.roomId())).room())
                .isEqualTo(r);
        Room renamed = chime.updateRoom(
                        b -> b.accountId(acct).roomId(r.roomId()).name("renamed"))
                .room();
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.updatedTimestamp()).isAfterOrEqualTo(r.updatedTimestamp());
        // membership changes never move the room's UpdatedTimestamp (D23)
        String u = user(chime, acct, "roomie" + System.nanoTime()).userId();
        chime.createRoomMembership(b -> b.accountId(acct).roomId(r.roomId()).memberId(u));
        assertThat(chime.getRoom(b -> b.accountId(acct).roomId(r.roomId())).room())
                .isEqualTo(renamed);

        // D6: names
        assertThatThrownBy(() -> room(chime, acct, " ")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> room(chime, acct, "x".repeat(257))).isInstanceOf(BadRequestException.class);
        assertThat(room(chime, acct, "y".repeat(256)).name()).hasSize(256);

        chime.deleteRoom(b -> b.accountId(acct).roomId(r.roomId()));
        assertThatThrownBy(() -> chime.getRoom(b -> b.accountId(acct).roomId(r.roomId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> chime.listRoomMemberships(b -> b.accountId(acct).roomId(r.roomId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chime.deleteRoom(b -> b.accountId(acct).roomId(r.roomId())))
                .isInstanceOf(NotFoundException.class);
        // the member's room list no longer holds it
        assertThat(chime.listRooms(b -> b.accountId(acct).memberId(u)).rooms()).isEmpty();
    }

    @Test
    void createRoomIsIdempotentOnClientRequestToken() {
        String acct = account(chime, "Idem").accountId();
        Room first = chime.createRoom(b -> b.accountId(acct).name("same").clientRequestToken("token-1"))
                .room();
        Room again = chime.createRoom(b -> b.accountId(acct).name("same").clientRequestToken("token-1"))
                .room();
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() ->
                        chime.createRoom(b -> b.accountId(acct).name("other").clientRequestToken("token-1")))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        // the SDK fills a random token in when none is given: two rooms
        Room a = room(chime, acct, "same");
        Room b2 = room(chime, acct, "same");
        assertThat(a.roomId()).isNotEqualTo(b2.roomId()).isNotEqualTo(first.roomId());
        // the same token in another account is another room
        String other = account(chime, "Idem2").accountId();
        Room elsewhere = chime.createRoom(b -> b.accountId(other).name("same").clientRequestToken("token-1"))
                .room();
        assertThat(elsewhere.roomId()).isNotEqualTo(first.roomId());
        assertThat(chime.listRooms(b -> b.accountId(acct)).rooms()).hasSize(3);
    }

    @Test
    void listRoomsPagesByDefault99AndFiltersByMember() {
        String acct = account(chime, "Many rooms").accountId();
        String member = user(chime, acct, "member" + System.nanoTime()).userId();
        String botId = Api.configuredBot(chime, acct, "roomBot").botId();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            made.add(room(chime, acct, "room " + i).roomId());
        }
        var first = chime.listRooms(b -> b.accountId(acct));
        assertThat(first.rooms()).hasSize(99);
        assertThat(first.nextToken()).isNotBlank();
        var second = chime.listRooms(b -> b.accountId(acct).nextToken(first.nextToken()));
        assertThat(second.rooms()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        List<String> all =
                new ArrayList<>(first.rooms().stream().map(Room::roomId).toList());
        second.rooms().forEach(r -> all.add(r.roomId()));
        assertThat(all).containsExactlyElementsOf(made); // order: time added, then id

        // tampered or foreign NextToken → 400 (D16)
        String tok = first.nextToken();
        String tampered = tok.substring(0, tok.length() - 2)
                + (tok.charAt(tok.length() - 2) == 'A' ? "B" : "A")
                + tok.charAt(tok.length() - 1);
        assertThatThrownBy(() -> chime.listRooms(b -> b.accountId(acct).nextToken(tampered)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.listRooms(b -> b.accountId(acct).nextToken("garbage")))
                .isInstanceOf(BadRequestException.class);
        String otherRoom = made.get(0);
        assertThatThrownBy(() -> chime.listRoomMemberships(
                        b -> b.accountId(acct).roomId(otherRoom).nextToken(tok)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.listRooms(b -> b.accountId(acct).maxResults(100)))
                .isInstanceOf(BadRequestException.class);

        // member-id filter with a user and with a bot (D22); unknown member → empty (D17)
        for (int i : new int[] {3, 50, 100}) {
            String roomId = made.get(i);
            chime.batchCreateRoomMembership(
                    b -> b.accountId(acct).roomId(roomId).membershipItemList(item(member, null), item(botId, null)));
        }
        List<String> expected = List.of(made.get(3), made.get(50), made.get(100));
        assertThat(chime.listRooms(b -> b.accountId(acct).memberId(member)).rooms())
                .extracting(Room::roomId)
                .containsExactlyElementsOf(expected);
        assertThat(chime.listRooms(b -> b.accountId(acct).memberId(botId)).rooms())
                .extracting(Room::roomId)
                .containsExactlyElementsOf(expected);
        var page = chime.listRooms(b -> b.accountId(acct).memberId(member).maxResults(2));
        assertThat(page.rooms()).hasSize(2);
        assertThat(chime.listRooms(b -> b.accountId(acct).memberId(member).nextToken(page.nextToken()))
                        .rooms())
                .extracting(Room::roomId)
                .containsExactly(made.get(100));
        assertThat(chime.listRooms(b -> b.accountId(acct).memberId("0f1e2d3c-0000-4000-8000-000000000000"))
                        .rooms())
                .isEmpty();
    }

    @Test
    void limitsAreEnforcedWithResourceLimitExceeded() throws Exception {
        try (RunningServer small = Api.start(s -> s.withLimits(new Limits(3, 2, 3, 1))
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA))) {
            ChimeClient c = small.client();
            String acct = account(c, "Small").accountId();
            bot(c, acct, "only");
            assertThatThrownBy(() -> bot(c, acct, "second")).isInstanceOf(ResourceLimitExceededException.class);
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rooms.add(room(c, acct, "r" + i).roomId());
            }
            assertThatThrownBy(() -> room(c, acct, "r3"))
                    .isInstanceOfSatisfying(
                            ResourceLimitExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                users.add(user(c, acct, "u" + i).userId());
            }
            // members per room = 3
            String r0 = rooms.get(0);
            for (int i = 0; i < 3; i++) {
                String u = users.get(i);
                c.createRoomMembership(b -> b.accountId(acct).roomId(r0).memberId(u));
            }
            assertThatThrownBy(() -> c.createRoomMembership(
                            b -> b.accountId(acct).roomId(r0).memberId(users.get(3))))
                    .isInstanceOf(ResourceLimitExceededException.class);
            // re-adding an existing member is not a new membership
            c.createRoomMembership(
                    b -> b.accountId(acct).roomId(r0).memberId(users.get(0)).role("Administrator"));
            // batch over the limit: per-item ResourceLimitExceeded
            String r1 = rooms.get(1);
            var errors = c.batchCreateRoomMembership(b -> b.accountId(acct)
                            .roomId(r1)
                            .membershipItemList(
                                    item(users.get(0), null),
                                    item(users.get(1), null),
                                    item(users.get(2), null),
                                    item(users.get(3), null),
                                    item(users.get(4), null)))
                    .errors();
            // users 0,1 are now in 2 rooms (their limit); 2 too; so only 3 and 4 can go in... up to the room's 3
            assertThat(errors).allSatisfy(e -> assertThat(e.errorCodeAsString()).isEqualTo("ResourceLimitExceeded"));
            assertThat(Api.memberships(c, acct, r1)).hasSize(5 - errors.size()).hasSizeLessThanOrEqualTo(3);
            // rooms per member = 2: user 0 is in r0 and r1
            String r2 = rooms.get(2);
            assertThat(Api.memberships(c, acct, r1))
                    .extracting(m -> m.member().memberId())
                    .contains(users.get(0));
            assertThatThrownBy(() -> c.createRoomMembership(
                            b -> b.accountId(acct).roomId(r2).memberId(users.get(0))))
                    .isInstanceOf(ResourceLimitExceededException.class);
        }
    }
}
