package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of RegenerateSecurityToken, the events configuration (D43), the redact operations and
 * CreateMeetingDialOut (D44), on a real SQLite store.
 */
class BotsMessagesAndMeetingsTest {
    private static final Caller ALICE = new Caller("111122223333", "arn:aws:iam::111122223333:user/alice");
    private static final Caller MALLORY = new Caller("444455556666", "arn:aws:iam::444455556666:user/mallory");
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:chime-bot";

    @TempDir
    Path data;

    private RoomStore store;
    private RoomsDomain d;
    private String account;
    private String bot;

    private void open() {
        store = Stores.open(StoreConfig.sqlite(data));
        d = new RoomsDomain(store, Clock.systemUTC(), Limits.chimeDefaults(), AccountType.EnterpriseLWA);
        account = d.accounts().create(ALICE, "acct").accountId();
        bot = d.bots().create(ALICE, account, "notifier", "example.com").botId();
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void regeneratingTheTokenReplacesItForGood() {
        open();
        Bot before = d.bots().get(ALICE, account, bot);
        Bot after = d.bots().regenerateSecurityToken(ALICE, account, bot);
        assertThat(after.securityToken()).isNotBlank().isNotEqualTo(before.securityToken());
        assertThat(d.bots().get(ALICE, account, bot).securityToken()).isEqualTo(after.securityToken());
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        assertFails(() -> d.bots().regenerateSecurityToken(ALICE, account, "nope"), Failure.NOT_FOUND);
        assertFails(() -> d.bots().regenerateSecurityToken(MALLORY, account, bot), Failure.NOT_FOUND);
    }

    @Test
    void anEventsConfigurationHasExactlyOneTargetAndAPutReplacesTheLast() {
        open();
        assertFails(() -> d.bots().eventsConfiguration(ALICE, account, bot), Failure.NOT_FOUND);
        EventsConfiguration https =
                d.bots().putEventsConfiguration(ALICE, account, bot, "https://example.com:8000", null);
        assertThat(d.bots().eventsConfiguration(ALICE, account, bot)).isEqualTo(https);
        d.bots().putEventsConfiguration(ALICE, account, bot, null, LAMBDA);
        EventsConfiguration now = d.bots().eventsConfiguration(ALICE, account, bot);
        assertThat(now.lambdaFunctionArn()).isEqualTo(LAMBDA);
        assertThat(now.httpsEndpoint()).isNull();
        d.bots().deleteEventsConfiguration(ALICE, account, bot);
        d.bots().deleteEventsConfiguration(ALICE, account, bot);
        assertFails(() -> d.bots().eventsConfiguration(ALICE, account, bot), Failure.NOT_FOUND);
        assertFails(() -> d.bots().deleteEventsConfiguration(ALICE, account, "nope"), Failure.NOT_FOUND);
        assertFails(() -> d.bots().putEventsConfiguration(MALLORY, account, bot, null, LAMBDA), Failure.NOT_FOUND);
    }

    @Test
    void badEventsConfigurationsAreRefusedAndNothingIsStored() {
        open();
        for (String[] bad : new String[][] {
            {null, null},
            {"", ""},
            {"https://example.com/events", LAMBDA},
            {"http://example.com/events", null},
            {"example.com/events", null},
            {"https:///events", null},
            {"https://user:secret@example.com/events", null},
            {"https://example.com/a b", null},
            {"https://example.com/" + "x".repeat(2048), null},
            {null, "arn:aws:lambda:us-east-1:111122223333:layer:x"},
            {null, "arn:aws:s3:::bucket"},
            {null, "chime-bot"},
        }) {
            assertFails(
                    () -> d.bots().putEventsConfiguration(ALICE, account, bot, bad[0], bad[1]), Failure.BAD_REQUEST);
        }
        assertFails(() -> d.bots().eventsConfiguration(ALICE, account, bot), Failure.NOT_FOUND);
        for (String good : new String[] {
            LAMBDA, LAMBDA + ":prod", LAMBDA + ":$LATEST", "arn:aws-cn:lambda:cn-north-1:111122223333:function:f-1"
        }) {
            assertThat(d.bots()
                            .putEventsConfiguration(ALICE, account, bot, null, good)
                            .lambdaFunctionArn())
                    .isEqualTo(good);
        }
    }

    @Test
    void redactingFindsNoMessageAfterTheAccountAndRoomChecks() {
        open();
        String room = d.rooms().create(ALICE, account, "general", null).roomId();
        assertFailsWith(
                () -> d.messages().redactRoomMessage(ALICE, account, room, "m-1"), Failure.NOT_FOUND, "message");
        assertFailsWith(() -> d.messages().redactRoomMessage(ALICE, account, "r-x", "m-1"), Failure.NOT_FOUND, "room");
        assertFailsWith(
                () -> d.messages().redactRoomMessage(MALLORY, account, room, "m-1"), Failure.NOT_FOUND, "account");
        assertFailsWith(
                () -> d.messages().redactConversationMessage(ALICE, account, "c-1", "m-1"),
                Failure.NOT_FOUND,
                "conversation");
        assertFailsWith(
                () -> d.messages().redactConversationMessage(MALLORY, account, "c-1", "m-1"),
                Failure.NOT_FOUND,
                "account");
    }

    @Test
    void thereIsNoMeetingToDialOutFrom() {
        open();
        assertFailsWith(
                () -> d.meetings().dialOut("e3c0b9f4-0000-4000-8000-000000000001"), Failure.NOT_FOUND, "meeting");
    }

    private static void assertFails(Runnable call, Failure expected) {
        assertThatThrownBy(call::run)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(expected);
    }

    private static void assertFailsWith(Runnable call, Failure expected, String what) {
        assertThatThrownBy(call::run)
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("requested " + what + " ")
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(expected);
    }
}
