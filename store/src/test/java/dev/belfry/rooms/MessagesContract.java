package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.DomainOnSqliteTest.MovableClock;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rooms' webhooks, messages, redaction and retention (issue 14, D70–D77) on a real store with a clock the test
 * moves; runs on SQLite and on PostgreSQL ({@link MessagesOnSqliteTest}, {@link MessagesOnPostgresTest}).
 */
abstract class MessagesContract {
    static final Caller ALICE = new Caller("111122223333", "arn:aws:iam::111122223333:user/alice");
    static final Caller MALLORY = new Caller("444455556666", "arn:aws:iam::444455556666:user/mallory");

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
    RoomStore store;
    StoreConfig config;
    RoomsDomain d;
    String account;
    String room;

    abstract StoreConfig freshDatabase();

    @BeforeEach
    void open() {
        config = freshDatabase();
        store = Stores.open(config);
        d = domain(store);
        account = d.accounts()
                .create(ALICE.tenantId(), "Acme", AccountType.EnterpriseLWA)
                .accountId();
        room = d.rooms().create(ALICE, account, "alerts", null).roomId();
    }

    RoomsDomain domain(RoomStore on) {
        return new RoomsDomain(
                on,
                clock,
                Limits.chimeDefaults(),
                AccountType.EnterpriseLWA,
                InvitationMailer.NONE,
                PhoneNumberPool.defaults(),
                Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    static void refused(Failure failure, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(failure);
    }

    Message posted(Webhook.WithToken w, String content) {
        WebhookPost outcome = d.webhooks().post(w.webhook().webhookId(), w.token(), content);
        assertThat(outcome).isInstanceOf(WebhookPost.Accepted.class);
        clock.advance(Duration.ofSeconds(1));
        return ((WebhookPost.Accepted) outcome).message();
    }

    WebhookPost.Reason refusal(WebhookPost outcome) {
        assertThat(outcome).isInstanceOf(WebhookPost.Refused.class);
        return ((WebhookPost.Refused) outcome).reason();
    }

    List<Message> all(boolean newestFirst) {
        List<Message> out = new ArrayList<>();
        String token = null;
        do {
            Page<Message> page = d.messages().list(ALICE, account, room, null, newestFirst, 3, token);
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    long roomSize() {
        return store.<Long>read(tx -> tx.countMemberships(room));
    }

    java.util.Optional<Message> stored(String roomId, String messageId) {
        return store.<java.util.Optional<Message>>read(tx -> tx.messages().message(roomId, messageId));
    }

    static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    @Test
    void aWebhookIsARoomMemberOfTypeWebhookAndAtMostTenFitARoom() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        assertThat(w.token()).hasSize(72).matches("[A-Za-z0-9_-]{72}");
        assertThat(w.webhook().tokenSha256()).doesNotContain(w.token());
        List<Membership> roster =
                d.memberships().list(ALICE, account, room, null, null).items();
        assertThat(roster).singleElement().satisfies(m -> {
            assertThat(m.member().type()).isEqualTo(MemberType.Webhook);
            assertThat(m.memberId()).isEqualTo(w.webhook().webhookId());
            assertThat(m.member().fullName()).isEqualTo("CI");
            assertThat(m.member().email()).isNull();
        });
        for (int i = 2; i <= Webhook.PER_ROOM; i++) {
            d.webhooks().create(ALICE, account, room, "hook " + i);
        }
        refused(Failure.LIMIT_EXCEEDED, () -> d.webhooks().create(ALICE, account, room, "eleventh"));
        assertThat(d.webhooks().list(ALICE, account, room)).hasSize(10);
        // another tenant learns nothing; a Team account has no rooms
        refused(Failure.NOT_FOUND, () -> d.webhooks().create(MALLORY, account, room, "x"));
        refused(Failure.NOT_FOUND, () -> d.webhooks().list(MALLORY, account, room));
        refused(Failure.BAD_REQUEST, () -> d.webhooks().create(ALICE, account, room, " "));
        refused(Failure.BAD_REQUEST, () -> d.webhooks().create(ALICE, account, room, "x".repeat(101)));
        // UpdateRoomMembership of a webhook is refused (D15); DeleteRoomMembership removes the webhook itself (D72)
        refused(
                Failure.BAD_REQUEST,
                () -> d.memberships().update(ALICE, account, room, w.webhook().webhookId(), Enums.Role.Administrator));
        d.memberships().remove(ALICE, account, room, w.webhook().webhookId());
        assertThat(d.webhooks().list(ALICE, account, room)).hasSize(9);
        assertThat(refusal(d.webhooks().post(w.webhook().webhookId(), w.token(), "hi")))
                .isEqualTo(WebhookPost.Reason.UNKNOWN_WEBHOOK);
        assertThat(roomSize()).isEqualTo(9);
    }

    @Test
    void postsAreCheckedInOrderAndPacedToOnePerSecondPerWebhook() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        Webhook.WithToken other = d.webhooks().create(ALICE, account, room, "Other");
        String id = w.webhook().webhookId();
        assertThat(refusal(d.webhooks().post("not-a-uuid", w.token(), "hi")))
                .isEqualTo(WebhookPost.Reason.MALFORMED_URL);
        assertThat(refusal(d.webhooks().post(id, null, "hi"))).isEqualTo(WebhookPost.Reason.MALFORMED_URL);
        assertThat(refusal(d.webhooks().post(Ids.newId(), w.token(), "hi")))
                .isEqualTo(WebhookPost.Reason.UNKNOWN_WEBHOOK);
        assertThat(refusal(d.webhooks().post(id, other.token(), "hi"))).isEqualTo(WebhookPost.Reason.WRONG_TOKEN);
        assertThat(refusal(d.webhooks().post(id, w.token(), null))).isEqualTo(WebhookPost.Reason.BAD_CONTENT);
        assertThat(refusal(d.webhooks().post(id, w.token(), ""))).isEqualTo(WebhookPost.Reason.BAD_CONTENT);
        assertThat(refusal(d.webhooks().post(id, w.token(), "é".repeat(2048) + "x")))
                .isEqualTo(WebhookPost.Reason.TOO_LARGE);

        // 4,096 bytes of UTF-8 is the most a message may hold
        assertThat(d.webhooks().post(id, w.token(), "é".repeat(2048))).isInstanceOf(WebhookPost.Accepted.class);
        // the next post within the second is throttled, another webhook's is not, and a refusal costs no slot
        assertThat(refusal(d.webhooks().post(id, w.token(), "again"))).isEqualTo(WebhookPost.Reason.THROTTLED);
        assertThat(d.webhooks().post(other.webhook().webhookId(), other.token(), "/md\n**other**"))
                .isInstanceOf(WebhookPost.Accepted.class);
        clock.advance(Duration.ofMillis(999));
        assertThat(refusal(d.webhooks().post(id, w.token(), "again"))).isEqualTo(WebhookPost.Reason.THROTTLED);
        clock.advance(Duration.ofMillis(1));
        assertThat(d.webhooks().post(id, w.token(), "again")).isInstanceOf(WebhookPost.Accepted.class);

        // a suspended account's webhooks post nothing
        clock.advance(Duration.ofSeconds(1));
        d.accounts().setStatus(ALICE, account, AccountStatus.Suspended);
        assertThat(refusal(d.webhooks().post(id, w.token(), "x"))).isEqualTo(WebhookPost.Reason.ACCOUNT_SUSPENDED);
    }

    @Test
    void roomMentionsAreRefusedInRoomsOfMoreThanFiftyMembers() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        for (int i = 0; i < 49; i++) {
            String user = d.users()
                    .create(ALICE, account, "u" + i + "@example.com", null, null)
                    .userId();
            d.memberships().add(ALICE, account, room, user, null);
        }
        // 50 members with the webhook: still allowed
        posted(w, "@All the build is red");
        String one =
                d.users().create(ALICE, account, "last@example.com", null, null).userId();
        d.memberships().add(ALICE, account, room, one, null);
        assertThat(refusal(d.webhooks().post(w.webhook().webhookId(), w.token(), "@All the build is red")))
                .isEqualTo(WebhookPost.Reason.ROOM_MENTION_TOO_BIG);
        assertThat(refusal(d.webhooks().post(w.webhook().webhookId(), w.token(), "ping (@Present)")))
                .isEqualTo(WebhookPost.Reason.ROOM_MENTION_TOO_BIG);
        // a word that only contains them, and an e-mail address, are no room mentions
        posted(w, "mail someone@All.example or @Allison");
    }

    @Test
    void regeneratingTheUrlRetiresTheOldTokenAndDeletingTheWebhookKeepsItsMessages() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        Message first = posted(w, "first");
        Webhook.WithToken renewed =
                d.webhooks().regenerate(ALICE, account, room, w.webhook().webhookId());
        assertThat(renewed.token()).isNotEqualTo(w.token());
        assertThat(refusal(d.webhooks().post(w.webhook().webhookId(), w.token(), "old")))
                .isEqualTo(WebhookPost.Reason.WRONG_TOKEN);
        posted(renewed, "second");
        refused(Failure.NOT_FOUND, () -> d.webhooks().regenerate(ALICE, account, room, Ids.newId()));
        d.webhooks().delete(ALICE, account, room, w.webhook().webhookId());
        refused(
                Failure.NOT_FOUND,
                () -> d.webhooks().delete(ALICE, account, room, w.webhook().webhookId()));
        assertThat(refusal(d.webhooks().post(w.webhook().webhookId(), renewed.token(), "gone")))
                .isEqualTo(WebhookPost.Reason.UNKNOWN_WEBHOOK);
        assertThat(all(false)).extracting(Message::content).containsExactly("first", "second");
        assertThat(all(false).get(0).sender())
                .isEqualTo(new Message.Sender(w.webhook().webhookId(), MemberType.Webhook, "CI"));
        assertThat(first.roomId()).isEqualTo(room);
    }

    @Test
    void listingPagesBothWaysAndRedactionRemovesTheContentForGood() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(posted(w, "message " + i).messageId());
        }
        assertThat(all(false)).extracting(Message::messageId).containsExactlyElementsOf(ids);
        assertThat(all(true)).extracting(Message::messageId).containsExactlyElementsOf(reversed(ids));
        Instant since = all(false).get(4).createdAt();
        assertThat(d.messages()
                        .list(ALICE, account, room, since, false, null, null)
                        .items())
                .extracting(Message::content)
                .containsExactly("message 4", "message 5", "message 6");
        // a token from one order is not valid in the other
        String token =
                d.messages().list(ALICE, account, room, null, false, 2, null).nextToken();
        refused(Failure.BAD_REQUEST, () -> d.messages().list(ALICE, account, room, null, true, 2, token));
        refused(Failure.BAD_REQUEST, () -> d.messages().list(ALICE, account, room, null, false, 101, null));

        d.messages().redactRoomMessage(ALICE, account, room, ids.get(2));
        d.messages().redactRoomMessage(ALICE, account, room, ids.get(2)); // again: no change, no error
        Message redacted = all(false).get(2);
        assertThat(redacted.redacted()).isTrue();
        assertThat(redacted.content()).isNull();
        assertThat(redacted.sender().fullName()).isEqualTo("CI");
        refused(Failure.NOT_FOUND, () -> d.messages().redactRoomMessage(ALICE, account, room, Ids.newId()));
        refused(Failure.NOT_FOUND, () -> d.messages().redactRoomMessage(MALLORY, account, room, ids.get(3)));
        String otherRoom = d.rooms().create(ALICE, account, "other", null).roomId();
        refused(Failure.NOT_FOUND, () -> d.messages().redactRoomMessage(ALICE, account, otherRoom, ids.get(3)));

        // deleting the room deletes its messages
        d.rooms().delete(ALICE, account, room);
        assertThat(stored(room, ids.get(0))).isEmpty();
    }

    @Test
    void retentionDeletesExactlyTheMessagesPastThePeriodOnceTheGraceIsOver() {
        Webhook.WithToken w = d.webhooks().create(ALICE, account, room, "CI");
        Message old = posted(w, "old");
        clock.advance(Duration.ofDays(10));
        Message middle = posted(w, "middle");
        clock.advance(Duration.ofDays(10));
        Message recent = posted(w, "recent");
        // another account's messages are its own retention's business
        String other = d.accounts()
                .create(ALICE.tenantId(), "Other", AccountType.EnterpriseLWA)
                .accountId();
        String otherRoom = d.rooms().create(ALICE, other, "r", null).roomId();
        Webhook.WithToken ow = d.webhooks().create(ALICE, other, otherRoom, "o");
        d.webhooks().post(ow.webhook().webhookId(), ow.token(), "kept");

        d.settings().putRetentionSettings(ALICE, account, 5, null);
        // hidden at once, deleted only after the 30-day grace
        assertThat(all(false)).extracting(Message::content).containsExactly("recent");
        assertThat(d.retention().sweep("server-a", Duration.ofMinutes(20)))
                .isEqualTo(new RetentionService.Sweep(true, 0));
        d.settings().putRetentionSettings(ALICE, account, null, null); // turned off in the grace: visible again
        assertThat(all(false)).extracting(Message::content).containsExactly("old", "middle", "recent");

        d.settings().putRetentionSettings(ALICE, account, 40, null);
        clock.advance(Duration.ofDays(30));
        // now old is 50 days, middle 40 days + a second, recent 30 days old: two are past 40 days
        assertThat(d.retention().sweep("server-a", Duration.ofMinutes(20)))
                .isEqualTo(new RetentionService.Sweep(true, 2));
        assertThat(stored(room, old.messageId())).isEmpty();
        assertThat(stored(room, middle.messageId())).isEmpty();
        assertThat(all(false)).extracting(Message::messageId).containsExactly(recent.messageId());
        assertThat(d.messages()
                        .list(ALICE, other, otherRoom, null, false, null, null)
                        .items())
                .extracting(Message::content)
                .containsExactly("kept");

        // another server sweeping meanwhile does nothing while the first holds the lease, and takes over after
        assertThat(d.retention().sweep("server-b", Duration.ofMinutes(20)))
                .isEqualTo(new RetentionService.Sweep(false, 0));
        clock.advance(Duration.ofMinutes(21));
        assertThat(d.retention().sweep("server-b", Duration.ofMinutes(20)).ran())
                .isTrue();
        assertThat(d.retention().sweep("server-a", Duration.ofMinutes(20)).ran())
                .isFalse();
    }
}
