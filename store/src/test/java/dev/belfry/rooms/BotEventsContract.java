package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.BotEvent.Status;
import dev.belfry.rooms.BotEvent.Type;
import dev.belfry.rooms.DomainOnSqliteTest.MovableClock;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot events outbox (issue 15, D100-D106) on a real store: which changes write which events, in the change's
 * own transaction, and how the delivery worker claims them (order per bot and room, claims that expire). Runs on
 * SQLite and PostgreSQL ({@link BotEventsOnSqliteTest}, {@link BotEventsOnPostgresTest}).
 */
abstract class BotEventsContract {
    static final Caller ALICE = new Caller("111122223333", "arn:aws:iam::111122223333:user/alice");

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.123Z"));
    RoomStore store;
    RoomsDomain d;
    String account;
    String room;
    Bot bot;

    abstract StoreConfig freshDatabase();

    @BeforeEach
    void open() {
        store = Stores.open(freshDatabase());
        d = new RoomsDomain(
                store,
                clock,
                Limits.chimeDefaults(),
                AccountType.EnterpriseLWA,
                InvitationMailer.NONE,
                PhoneNumberPool.defaults(),
                Duration.ZERO);
        account = d.accounts()
                .create(ALICE.tenantId(), "Acme", AccountType.EnterpriseLWA)
                .accountId();
        room = d.rooms().create(ALICE, account, "ops", null).roomId();
        bot = configuredBot("Helper Bot");
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    Bot configuredBot(String name) {
        Bot b = d.bots().create(ALICE, account, name, "example.com");
        d.bots().putEventsConfiguration(ALICE, account, b.botId(), "https://bot.example.com/events", null);
        return b;
    }

    List<BotEvent> events(Bot of) {
        // oldest first; one bot's events in one room by their seq
        return store.<List<BotEvent>>read(tx -> tx.botEvents().events(account, of.botId(), null, null, 100)).stream()
                .sorted(java.util.Comparator.comparing(BotEvent::createdAt).thenComparing(BotEvent::seq))
                .toList();
    }

    @Test
    void addingABotWritesOneInviteWithTheCallerAndTheCommitTime() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        clock.advance(Duration.ofSeconds(1));
        d.memberships().add(ALICE, account, room, bot.botId(), Role.Member); // an upsert: no second Invite (D8)

        assertThat(events(bot)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.Invite);
            assertThat(e.roomId()).isEqualTo(room);
            assertThat(e.accountId()).isEqualTo(account);
            assertThat(e.senderId()).isEqualTo(ALICE.principalArn());
            assertThat(e.message()).isNull();
            assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.delivery().status()).isEqualTo(Status.pending);
            assertThat(e.delivery().attempts()).isZero();
        });
    }

    @Test
    void aBatchInvitesEachNewBotAndAFailedItemWritesNothing() {
        Bot other = configuredBot("Other");
        List<BatchAdd.Outcome> out = d.memberships()
                .addAll(
                        ALICE,
                        account,
                        room,
                        List.of(
                                new BatchAdd.Item(bot.botId(), null),
                                new BatchAdd.Item("no-such-member", null),
                                new BatchAdd.Item(other.botId(), null)));
        assertThat(out).extracting(BatchAdd.Outcome::failure).containsExactly(null, Failure.NOT_FOUND, null);
        assertThat(events(bot)).extracting(BotEvent::type).containsExactly(Type.Invite);
        assertThat(events(other)).extracting(BotEvent::type).containsExactly(Type.Invite);
    }

    @Test
    void aBotWithoutAnEventsConfigurationCannotBeAddedButMayStay() {
        Bot bare = d.bots().create(ALICE, account, "Bare", "example.com");
        String why = "The bot " + bare.botId() + " has no events configuration; give it an"
                + " OutboundEventsHTTPSEndpoint or a LambdaFunctionArn with PutEventsConfiguration before adding it"
                + " to a room.";
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> d.memberships().add(ALICE, account, room, bare.botId(), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(why);
                });
        List<BatchAdd.Outcome> out = d.memberships()
                .addAll(
                        ALICE,
                        account,
                        room,
                        List.of(new BatchAdd.Item(bare.botId(), null), new BatchAdd.Item(bot.botId(), null)));
        assertThat(out).extracting(BatchAdd.Outcome::failure).containsExactly(Failure.BAD_REQUEST, null);
        assertThat(out.get(0).message()).isEqualTo(why);
        assertThat(members()).containsExactly(bot.botId());
        assertThat(events(bare)).isEmpty();

        // its configuration deleted, the bot stays, gets no events, and cannot join another room; an upsert is not
        // an add; a new configuration lets it in again
        d.bots().deleteEventsConfiguration(ALICE, account, bot.botId());
        d.memberships().add(ALICE, account, room, bot.botId(), Role.Member);
        assertThat(members()).containsExactly(bot.botId());
        String second = d.rooms().create(ALICE, account, "second", null).roomId();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> d.memberships().add(ALICE, account, second, bot.botId(), null))
                .isInstanceOf(DomainException.class);
        d.memberships().remove(ALICE, account, room, bot.botId());
        assertThat(events(bot)).extracting(BotEvent::type).containsExactly(Type.Invite);
        d.bots().putEventsConfiguration(ALICE, account, bot.botId(), "https://bot.example.com/events", null);
        d.memberships().add(ALICE, account, second, bot.botId(), null);
        assertThat(events(bot)).extracting(BotEvent::type).containsExactly(Type.Invite, Type.Invite);
    }

    List<String> members() {
        return d.memberships().list(ALICE, account, room, null, null).items().stream()
                .map(Membership::memberId)
                .toList();
    }

    @Test
    void removalAndDeleteRoomWriteRemoveAfterTheInviteInOrder() {
        Bot other = configuredBot("Other");
        String second = d.rooms().create(ALICE, account, "second", null).roomId();
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        clock.advance(Duration.ofMillis(1));
        d.memberships().add(ALICE, account, second, bot.botId(), null);
        d.memberships().add(ALICE, account, second, other.botId(), null);
        clock.advance(Duration.ofMillis(1));
        d.memberships().remove(ALICE, account, room, bot.botId());
        clock.advance(Duration.ofMillis(1));
        d.rooms().delete(ALICE, account, second);

        assertThat(events(bot))
                .extracting(BotEvent::roomId, BotEvent::type, BotEvent::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(room, Type.Invite, 1L),
                        org.assertj.core.groups.Tuple.tuple(second, Type.Invite, 1L),
                        org.assertj.core.groups.Tuple.tuple(room, Type.Remove, 2L),
                        org.assertj.core.groups.Tuple.tuple(second, Type.Remove, 2L));
        assertThat(events(other)).extracting(BotEvent::type).containsExactly(Type.Invite, Type.Remove);
    }

    @Test
    void aWebhookPostNamingTheBotIsAMentionWithTheWholeText() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        Webhook.WithToken hook = d.webhooks().create(ALICE, account, room, "CI");
        String byEmail = "@" + bot.botEmail() + " deploy prod";
        for (String text : List.of(
                byEmail,
                "@helper-bot-chimebot status",
                "hey @Helper-Bot, ping",
                "no mention here",
                "mail helper-bot-chimebot@example.com",
                "@Helper-Botany is someone else")) {
            assertThat(d.webhooks().post(hook.webhook().webhookId(), hook.token(), text))
                    .isInstanceOf(WebhookPost.Accepted.class);
        }
        List<BotEvent> mentions =
                events(bot).stream().filter(e -> e.type() == Type.Mention).toList();
        assertThat(mentions)
                .extracting(BotEvent::message)
                .containsExactly(byEmail, "@helper-bot-chimebot status", "hey @Helper-Bot, ping");
        assertThat(mentions)
                .allSatisfy(
                        e -> assertThat(e.senderId()).isEqualTo(hook.webhook().webhookId()));
        assertThat(mentions).extracting(BotEvent::seq).containsExactly(2L, 3L, 4L);
    }

    /** D75: redacting a message removes the copy its Mentions carry; one not delivered yet is never sent. */
    @Test
    void aRedactedMessagesMentionsLoseTheTextAndAnUndeliveredOneIsNeverSent() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        Webhook.WithToken hook = d.webhooks().create(ALICE, account, room, "CI");
        String secret = "@" + bot.botEmail() + " the password is hunter2";
        String kept = "@" + bot.botEmail() + " the password is hunter2"; // the same text, another message
        Message first =
                ((WebhookPost.Accepted) d.webhooks().post(hook.webhook().webhookId(), hook.token(), secret)).message();
        clock.advance(Duration.ofMillis(5));
        d.webhooks().post(hook.webhook().webhookId(), hook.token(), kept);
        d.messages().redactRoomMessage(ALICE, account, room, first.messageId()); // its Mention not sent yet
        deliverAll(e -> null);
        clock.advance(Duration.ofMillis(5));
        Message delivered = ((WebhookPost.Accepted)
                        d.webhooks().post(hook.webhook().webhookId(), hook.token(), "@" + bot.botEmail() + " done"))
                .message();
        deliverAll(e -> null);
        d.messages().redactRoomMessage(ALICE, account, room, delivered.messageId()); // its Mention sent already
        List<BotEvent> mentions =
                events(bot).stream().filter(e -> e.type() == Type.Mention).toList();
        assertThat(mentions)
                .extracting(BotEvent::message, e -> e.delivery().status())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(null, Status.dead),
                        org.assertj.core.groups.Tuple.tuple(kept, Status.delivered),
                        org.assertj.core.groups.Tuple.tuple(null, Status.delivered));
        BotEvent redacted = mentions.stream()
                .filter(e -> e.message() == null && e.delivery().status() == Status.dead)
                .findFirst()
                .orElseThrow();
        assertThat(redacted.delivery().lastError()).contains("redacted");
        assertThatThrownBy(() -> d.botEvents().redeliver(ALICE, account, bot.botId(), redacted.eventId()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("redacted");
    }

    @Test
    void aDisabledBotGetsNoMentionButItsRemove() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        d.bots().update(ALICE, account, bot.botId(), true);
        Webhook.WithToken hook = d.webhooks().create(ALICE, account, room, "CI");
        d.webhooks().post(hook.webhook().webhookId(), hook.token(), "@" + bot.botEmail() + " hello");
        d.memberships().remove(ALICE, account, room, bot.botId());
        assertThat(events(bot)).extracting(BotEvent::type).containsExactly(Type.Invite, Type.Remove);
    }

    @Test
    void aRefusedPostWritesNoMention() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        Webhook.WithToken hook = d.webhooks().create(ALICE, account, room, "CI");
        assertThat(d.webhooks().post(hook.webhook().webhookId(), "wrong-token", "@" + bot.botEmail()))
                .isInstanceOf(WebhookPost.Refused.class);
        assertThat(d.webhooks()
                        .post(hook.webhook().webhookId(), hook.token(), "@" + bot.botEmail() + " " + "x".repeat(5000)))
                .isInstanceOf(WebhookPost.Refused.class);
        assertThat(events(bot)).extracting(BotEvent::type).containsExactly(Type.Invite);
    }

    @Test
    void theWorkerGetsOnlyTheHeadOfEachBotsRoomQueueAndClaimsExpire() {
        String second = d.rooms().create(ALICE, account, "second", null).roomId();
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        d.memberships().add(ALICE, account, second, bot.botId(), null);
        d.memberships().remove(ALICE, account, room, bot.botId());
        BotEventService worker = d.botEvents();

        List<BotEventService.Due> first = worker.claim("server-a", Duration.ofSeconds(30), 10);
        assertThat(first)
                .extracting(x -> x.event().roomId(), x -> x.event().type())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(room, Type.Invite),
                        org.assertj.core.groups.Tuple.tuple(second, Type.Invite));
        assertThat(first).allSatisfy(x -> {
            assertThat(x.bot().securityToken()).isEqualTo(bot.securityToken());
            assertThat(x.configuration().httpsEndpoint()).isEqualTo("https://bot.example.com/events");
        });
        // claimed, and the Remove waits behind its room's Invite
        assertThat(worker.claim("server-b", Duration.ofSeconds(30), 10)).isEmpty();

        BotEvent roomInvite = first.stream()
                .map(BotEventService.Due::event)
                .filter(e -> e.roomId().equals(room))
                .findFirst()
                .orElseThrow();
        BotEventRetry retry = new BotEventRetry(Duration.ofHours(24), () -> 0.5);
        assertThat(worker.record(
                        roomInvite.eventId(), "server-a", retry.after(roomInvite, 1, clock.instant(), null, false)))
                .isTrue();
        assertThat(worker.claim("server-b", Duration.ofSeconds(30), 10))
                .singleElement()
                .satisfies(x -> assertThat(x.event().type()).isEqualTo(Type.Remove));

        // server-a dies holding the second room's Invite: once its claim expires, server-b takes it over
        clock.advance(Duration.ofSeconds(31));
        List<BotEventService.Due> takenOver = worker.claim("server-b", Duration.ofSeconds(30), 10);
        assertThat(takenOver).extracting(x -> x.event().type()).contains(Type.Invite, Type.Remove);
        BotEvent secondInvite = takenOver.stream()
                .map(BotEventService.Due::event)
                .filter(e -> e.roomId().equals(second))
                .findFirst()
                .orElseThrow();
        assertThat(worker.record(
                        secondInvite.eventId(), "server-a", retry.after(secondInvite, 1, clock.instant(), null, false)))
                .as("a lapsed claim's outcome is not recorded")
                .isFalse();
        assertThat(worker.record(
                        secondInvite.eventId(), "server-b", retry.after(secondInvite, 1, clock.instant(), null, false)))
                .isTrue();
    }

    @Test
    void aFailedAttemptWaitsItsDelayAndHoldsTheNextEventBack() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        d.memberships().remove(ALICE, account, room, bot.botId());
        BotEventService worker = d.botEvents();
        BotEventRetry retry = new BotEventRetry(Duration.ofHours(24), () -> 0.5);
        BotEvent invite = worker.claim("a", Duration.ofSeconds(30), 10).get(0).event();
        worker.record(invite.eventId(), "a", retry.after(invite, 1, clock.instant(), "HTTP 500", true));
        assertThat(worker.claim("a", Duration.ofSeconds(30), 10))
                .as("not due for 200 ms, and the Remove waits")
                .isEmpty();
        clock.advance(Duration.ofMillis(200));
        assertThat(worker.claim("a", Duration.ofSeconds(30), 10))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.event().eventId()).isEqualTo(invite.eventId());
                    assertThat(x.event().delivery().attempts()).isEqualTo(1);
                    assertThat(x.event().delivery().lastError()).isEqualTo("HTTP 500");
                });
    }

    @Test
    void deliveriesAreListedByStatusAndADeadOneCanBeSentAgain() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        BotEventService worker = d.botEvents();
        BotEventRetry retry = new BotEventRetry(Duration.ofHours(24), () -> 0.5);
        BotEvent invite = worker.claim("a", Duration.ofSeconds(30), 10).get(0).event();
        worker.record(invite.eventId(), "a", retry.after(invite, 1, clock.instant(), "HTTP 403", false));

        assertThat(worker.list(ALICE, account, bot.botId(), Status.dead, null, null)
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e.delivery().lastError()).isEqualTo("HTTP 403"));
        assertThat(worker.list(ALICE, account, bot.botId(), Status.pending, null, null)
                        .items())
                .isEmpty();
        BotEvent again = worker.redeliver(ALICE, account, bot.botId(), invite.eventId());
        assertThat(again.delivery().status()).isEqualTo(Status.pending);
        MessagesContract.refused(
                Failure.CONFLICT, () -> worker.redeliver(ALICE, account, bot.botId(), invite.eventId()));
        MessagesContract.refused(Failure.NOT_FOUND, () -> worker.redeliver(ALICE, account, bot.botId(), "nope"));
        assertThat(worker.claim("a", Duration.ofSeconds(30), 10)).hasSize(1);
    }

    /** Sends every event that is due, head by head, as the worker would, recording each as the answer given. */
    private void deliverAll(java.util.function.Function<BotEvent, String> answer) {
        BotEventService worker = d.botEvents();
        BotEventRetry retry = new BotEventRetry(Duration.ofHours(24), () -> 0.5);
        for (List<BotEventService.Due> due = worker.claim("a", Duration.ofSeconds(30), 10);
                !due.isEmpty();
                due = worker.claim("a", Duration.ofSeconds(30), 10)) {
            for (BotEventService.Due x : due) {
                String error = answer.apply(x.event());
                worker.record(x.event().eventId(), "a", retry.after(x.event(), 1, clock.instant(), error, false));
            }
        }
    }

    @Test
    void theSweepDeletesDeliveredEventsAfterAWeekAndDeadOnesAfterAMonthButNotALiveInvite() {
        Bot other = configuredBot("Other");
        String second = d.rooms().create(ALICE, account, "second", null).roomId();
        String third = d.rooms().create(ALICE, account, "third", null).roomId();
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        d.memberships().remove(ALICE, account, room, bot.botId());
        d.memberships().add(ALICE, account, room, bot.botId(), null); // this Invite's URL works while it stays
        d.memberships().add(ALICE, account, second, bot.botId(), null);
        d.memberships().remove(ALICE, account, second, bot.botId()); // refused by the bot: dead
        deliverAll(e -> e.roomId().equals(second) && e.type() == Type.Remove ? "HTTP 403" : null);
        d.memberships().add(ALICE, account, third, other.botId(), null); // never sent: pending
        BotEventService worker = d.botEvents();
        Duration week = Duration.ofDays(7);
        Duration month = Duration.ofDays(30);
        Duration lease = Duration.ofMinutes(20);

        clock.advance(week.minusSeconds(1));
        assertThat(worker.sweep(week, month, "server-a", lease)).isEqualTo(new BotEventService.Sweep(true, 0, 0));
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.sweep(week, month, "server-b", lease))
                .as("another server's lease runs")
                .isEqualTo(new BotEventService.Sweep(false, 0, 0));
        assertThat(worker.sweep(week, month, "server-a", lease))
                .as("the first Invite and Remove of room, the Invite of second (the bot left it)")
                .isEqualTo(new BotEventService.Sweep(true, 3, 0));
        assertThat(events(bot))
                .extracting(BotEvent::roomId, BotEvent::type, e -> e.delivery().status())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(room, Type.Invite, Status.delivered),
                        org.assertj.core.groups.Tuple.tuple(second, Type.Remove, Status.dead));
        assertThat(events(other))
                .singleElement()
                .satisfies(e -> assertThat(e.delivery().status()).isEqualTo(Status.pending));

        // the bot's order in its room goes on after the sweep: the Remove comes after the kept Invite
        d.memberships().remove(ALICE, account, room, bot.botId());
        assertThat(events(bot).stream().filter(e -> e.roomId().equals(room)))
                .extracting(BotEvent::type, BotEvent::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Type.Invite, 3L),
                        org.assertj.core.groups.Tuple.tuple(Type.Remove, 4L));

        clock.advance(month.minus(week));
        assertThat(worker.sweep(week, month, "server-b", lease))
                .as("server-a stopped sweeping: its lease expired, server-b takes over; the dead Remove is a month old,"
                        + " and the kept Invite's bot has left the room since")
                .isEqualTo(new BotEventService.Sweep(true, 1, 1));
        assertThat(events(bot))
                .as("the pending Remove stays")
                .extracting(BotEvent::roomId, BotEvent::type, e -> e.delivery().status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(room, Type.Remove, Status.pending));
        assertThat(events(other)).hasSize(1);
    }

    @Test
    void theStoreWakesTheWorkerAfterACommitThatQueuedEventsAndNeverForARollback() {
        java.util.concurrent.atomic.AtomicInteger wakes = new java.util.concurrent.atomic.AtomicInteger();
        d.botEvents().onQueued(wakes::incrementAndGet);
        String user =
                d.users().create(ALICE, account, "bob", "bob@example.com", null).userId();
        d.memberships().add(ALICE, account, room, user, null);
        assertThat(wakes).as("no event, no wake-up").hasValue(0);
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        assertThat(wakes).as("an Invite committed").hasValue(1);
        BotEvent rolledBack = BotEvent.queued(account, bot.botId(), room, Type.Mention, "x", "@x", clock.instant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(tx -> {
                    tx.botEvents().insertEvents(List.of(rolledBack));
                    throw new IllegalStateException("the change fails after queueing its event");
                }))
                .hasMessageContaining("the change fails");
        assertThat(wakes).as("a rolled-back event wakes no one").hasValue(1);
        assertThat(store.<java.util.Optional<BotEvent>>read(tx -> tx.botEvents().event(rolledBack.eventId())))
                .isEmpty();
        deliverAll(e -> "HTTP 403");
        assertThat(wakes).as("claims and outcomes are no new events").hasValue(1);
        BotEvent invite = events(bot).get(0);
        d.botEvents().redeliver(ALICE, account, bot.botId(), invite.eventId());
        assertThat(wakes).as("a redelivered event is queued again").hasValue(2);
    }

    /** D125: redeliver restarts the retry horizon, so an event older than it is retried for the whole horizon. */
    @Test
    void aRedeliveredEventGetsTheWholeHorizonAgain() {
        d.memberships().add(ALICE, account, room, bot.botId(), null);
        BotEventService worker = d.botEvents();
        BotEventRetry retry = new BotEventRetry(Duration.ofHours(1), () -> 0.5);
        BotEvent invite = worker.claim("a", Duration.ofSeconds(30), 10).get(0).event();
        assertThat(invite.retryFrom()).isEqualTo(invite.createdAt());
        worker.record(invite.eventId(), "a", retry.after(invite, 1, clock.instant(), "HTTP 403", false));
        clock.advance(Duration.ofHours(2));
        // not redelivered, an event two hours old is dead at its first failure past Chime's two quick retries
        assertThat(retry.after(invite, 3, clock.instant(), "HTTP 500", true).status())
                .isEqualTo(Status.dead);

        Instant redelivered = clock.instant();
        assertThat(worker.redeliver(ALICE, account, bot.botId(), invite.eventId())
                        .retryFrom())
                .isEqualTo(redelivered);
        BotEvent again = worker.claim("a", Duration.ofSeconds(30), 10).get(0).event();
        assertThat(again.eventId()).isEqualTo(invite.eventId());
        assertThat(again.createdAt()).as("the payload's EventTimestamp stays").isEqualTo(invite.createdAt());
        assertThat(again.retryFrom()).isEqualTo(redelivered);
        clock.advance(Duration.ofMinutes(30));
        assertThat(retry.after(again, 3, clock.instant(), "HTTP 500", true).status())
                .as("within the horizon counted from the redelivery")
                .isEqualTo(Status.pending);
        clock.advance(Duration.ofMinutes(31));
        assertThat(retry.after(again, 4, clock.instant(), "HTTP 500", true).status())
                .as("past it")
                .isEqualTo(Status.dead);
    }
}
