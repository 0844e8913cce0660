package dev.belfry.store;

import static dev.belfry.store.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.EventsConfiguration;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.StoreTransaction;
import dev.belfry.rooms.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite filled through the port, copied into a fresh PostgreSQL schema, read back through the port. */
final class StoreCopierTest {
    static final String TENANT = "111122223333";

    @TempDir
    Path temp;

    private final String schema = "belfry_c_" + UUID.randomUUID().toString().replace("-", "");
    private RoomStore sqlite;
    private RoomStore postgres;

    @BeforeEach
    void open() {
        sqlite = Stores.open(StoreConfig.sqlite(temp));
        postgres = Stores.open(StoreConfig.jdbc(TestSchemas.create(schema)));
    }

    @AfterEach
    void close() {
        sqlite.close();
        postgres.close();
        TestSchemas.drop(schema);
    }

    @Test
    void copiesEveryRowAndField() {
        Account acct = account(TENANT, "Acme", 0);
        List<User> users = new ArrayList<>();
        List<Bot> bots = new ArrayList<>();
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) { // more than two copy batches
            users.add(i % 7 == 0 ? bareUser(acct.accountId(), i) : user(acct.accountId(), "u" + i + "@example.com", i));
        }
        for (int i = 0; i < 4; i++) {
            bots.add(
                    i % 2 == 0
                            ? bot(acct.accountId(), "Bot" + i, i).withDisabled(true, at(i))
                            : bot(acct.accountId(), "Bot" + i, i));
            rooms.add(room(acct.accountId(), "Room" + i, i));
        }
        sqlite.write((StoreTransaction tx) -> {
            tx.insertAccount(acct);
            users.forEach(tx::insertUser);
            bots.forEach(tx::insertBot);
            rooms.forEach(tx::insertRoom);
            tx.claimRoomToken(acct.accountId(), "tok", rooms.get(0).roomId(), "Room0", at(1), null);
            tx.putEventsConfiguration(new EventsConfiguration(
                    bots.get(0).botId(), acct.accountId(), "https://example.com:8000/e?a=1,b=\"2\"", null, at(7)));
            tx.putEventsConfiguration(new EventsConfiguration(
                    bots.get(1).botId(),
                    acct.accountId(),
                    null,
                    "arn:aws:lambda:us-east-1:111122223333:function:f",
                    at(8)));
            List<Membership> ms = new ArrayList<>();
            users.forEach(u -> ms.add(membership(rooms.get(0), member(u), Role.Member, 5)));
            bots.forEach(b -> ms.add(membership(rooms.get(1), member(b), Role.Administrator, 6)));
            tx.insertMemberships(ms);
            // issue 14 (V7): a webhook with its roster entry, a message with awkward text, a redacted one
            tx.messages()
                    .insertWebhook(new dev.belfry.rooms.Webhook(
                            "9d0c1c43-1111-4000-8000-000000000001",
                            TENANT,
                            acct.accountId(),
                            rooms.get(2).roomId(),
                            "CI \"nightly\", eu",
                            "ab".repeat(32),
                            "arn:aws:iam::" + TENANT + ":user/x",
                            at(9),
                            at(10)));
            tx.messages()
                    .insertMessage(new dev.belfry.rooms.Message(
                            "9d0c1c43-2222-4000-8000-000000000001",
                            acct.accountId(),
                            rooms.get(2).roomId(),
                            new dev.belfry.rooms.Message.Sender(
                                    "9d0c1c43-1111-4000-8000-000000000001",
                                    dev.belfry.rooms.Enums.MemberType.Webhook,
                                    "CI"),
                            "/md line one,\n\"two\" \\N é 🚀",
                            at(11),
                            null));
            tx.messages()
                    .insertMessage(new dev.belfry.rooms.Message(
                            "9d0c1c43-2222-4000-8000-000000000002",
                            acct.accountId(),
                            rooms.get(2).roomId(),
                            new dev.belfry.rooms.Message.Sender(
                                    "9d0c1c43-1111-4000-8000-000000000001",
                                    dev.belfry.rooms.Enums.MemberType.Webhook,
                                    "CI"),
                            null,
                            at(12),
                            at(13)));
            // the audit trail (V9): nulls where a member joined, awkward text in a principal
            tx.audit()
                    .record(List.of(
                            new dev.belfry.rooms.AuditEvent(
                                    "audit-1-000000",
                                    at(14),
                                    TENANT,
                                    acct.accountId(),
                                    rooms.get(2).roomId(),
                                    users.get(0).userId(),
                                    dev.belfry.rooms.Enums.MemberType.User,
                                    null,
                                    dev.belfry.rooms.Enums.Role.Member,
                                    "BatchCreateRoomMembership",
                                    "arn:aws:iam::" + TENANT + ":user/\"x\", y",
                                    "AKID",
                                    "req-1",
                                    "192.0.2.1"),
                            new dev.belfry.rooms.AuditEvent(
                                    "audit-1-000001",
                                    at(15),
                                    TENANT,
                                    acct.accountId(),
                                    rooms.get(2).roomId(),
                                    users.get(0).userId(),
                                    dev.belfry.rooms.Enums.MemberType.User,
                                    dev.belfry.rooms.Enums.Role.Member,
                                    null,
                                    "DeleteRoom",
                                    null,
                                    null,
                                    null,
                                    null)));
            return null;
        });
        byte[] secret = sqlite.sharedSecret("page-token");

        CopyReport report = new StoreCopier().copy(sqlite, postgres);

        assertThat(report.rowsPerTable())
                .containsEntry("accounts", 1L)
                .containsEntry("users", 1_200L)
                .containsEntry("bots", 4L)
                .containsEntry("bot_events_configurations", 2L)
                .containsEntry("rooms", 4L)
                .containsEntry("room_tokens", 1L)
                .containsEntry("memberships", 1_205L)
                .containsEntry("room_webhooks", 1L)
                .containsEntry("room_messages", 2L)
                .containsEntry("audit_events", 2L)
                .containsEntry("settings", 1L);
        assertThat(postgres.sharedSecret("page-token")).isEqualTo(secret);
        for (RoomStore s : List.of(sqlite, postgres)) {
            assertThat(s.read((StoreTransaction tx) -> tx.users(acct.accountId(), null, null, null, 5_000)))
                    .containsExactlyElementsOf(users);
        }
        assertThat(dump(postgres, acct)).isEqualTo(dump(sqlite, acct));
        dev.belfry.rooms.AuditFilter all = new dev.belfry.rooms.AuditFilter(TENANT, null, null, null, null, null, null);
        assertThat(postgres.read((StoreTransaction tx) -> tx.audit().events(all, null, 10)))
                .isEqualTo(sqlite.read((StoreTransaction tx) -> tx.audit().events(all, null, 10)))
                .hasSize(2);
    }

    /** PostgreSQL targets get COPY in CSV: quotes, commas, newlines and backslashes must come through as they were. */
    @Test
    void copiesAwkwardTextThroughCopyAndReportsRunningCounts() {
        Account acct = account(TENANT, "Quote \" comma , end", 0);
        List<String> names = List.of("he said \"hi\", then\nleft", "back\\slash \\N", ",", "\"\"", "  spaced  ");
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rooms.add(room(acct.accountId(), names.get(i), i));
        }
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) { // more than one COPY batch (5,000)
            users.add(user(acct.accountId(), "u" + i + "@example.com", i));
        }
        sqlite.write((StoreTransaction tx) -> {
            tx.insertAccount(acct);
            rooms.forEach(tx::insertRoom);
            users.forEach(tx::insertUser);
            return null;
        });
        List<String> events = new ArrayList<>();
        new StoreCopier()
                .copy(sqlite, postgres, (table, copied, total) -> events.add(table + " " + copied + "/" + total));

        assertThat(dump(postgres, acct)).isEqualTo(dump(sqlite, acct));
        assertThat(postgres.read((StoreTransaction tx) -> tx.rooms(acct.accountId(), null, null, 99)))
                .containsExactlyInAnyOrderElementsOf(rooms);
        assertThat(events)
                .containsSubsequence("users 0/6000", "users 5000/6000", "users 6000/6000")
                .contains("rooms 0/5", "rooms 5/5", "memberships 0/0");
    }

    @Test
    void refusesANonEmptyTarget() {
        postgres.write((StoreTransaction tx) -> {
            tx.insertAccount(account(TENANT, "There", 0));
            return null;
        });
        assertThatThrownBy(() -> new StoreCopier().copy(sqlite, postgres))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not empty");
    }

    private static List<Object> dump(RoomStore s, Account acct) {
        return s.read((StoreTransaction tx) -> {
            List<Object> out = new ArrayList<>();
            out.add(tx.account(TENANT, acct.accountId()));
            for (Bot b : tx.bots(acct.accountId(), null, 100)) {
                out.add(b);
                out.add(tx.eventsConfiguration(b.botId()));
            }
            for (Room r : tx.rooms(acct.accountId(), null, null, 100)) {
                out.add(r);
                out.addAll(tx.memberships(r.roomId(), (Cursor) null, 5_000));
                out.addAll(tx.messages().webhooks(r.roomId()));
                out.addAll(tx.messages().messages(r.roomId(), null, false, null, 100));
            }
            out.add(tx.roomForToken(acct.accountId(), "tok", at(0)));
            return out;
        });
    }

    // ---- issue 13 (schema V4): settings, groups, PINs and sign-outs are carried too ----

    @Test
    void copiesAccountAndUserSettings() {
        Account acct = account(TENANT, "Acme", 0);
        User u = user(acct.accountId(), "s@example.com", 1).withPersonalPin("0000000042");
        sqlite.write((StoreTransaction tx) -> {
            tx.insertAccount(acct);
            tx.insertUser(u);
            tx.putAccountSettings(acct.accountId(), new dev.belfry.rooms.AccountSettings(true, false));
            tx.addSigninDelegateGroups(acct.accountId(), List.of("g1", "g2"), at(2));
            tx.putGlobalSettings(TENANT, new dev.belfry.rooms.GlobalSettings("cdr-bucket", null));
            tx.putUserSettings(u.userId(), new dev.belfry.rooms.UserSettings(true, false, true));
            tx.putRetentionSettings(acct.accountId(), new dev.belfry.rooms.RetentionSettings(7, null, at(3)));
            tx.recordLogout(u.userId(), at(4));
            return null;
        });

        CopyReport report = new StoreCopier().copy(sqlite, postgres);

        assertThat(report.rowsPerTable())
                .containsEntry("account_settings", 1L)
                .containsEntry("signin_delegate_groups", 2L)
                .containsEntry("global_settings", 1L)
                .containsEntry("user_settings", 1L)
                .containsEntry("retention_settings", 1L);
        assertThat(postgres.read((StoreTransaction tx) -> List.of(
                        tx.accountSettings(acct.accountId()).orElseThrow(),
                        tx.signinDelegateGroups(acct.accountId()),
                        tx.globalSettings(TENANT).orElseThrow(),
                        tx.userSettings(u.userId()).orElseThrow(),
                        tx.retentionSettings(acct.accountId()).orElseThrow(),
                        tx.user(acct.accountId(), u.userId()).orElseThrow(),
                        tx.lastLogout(u.userId()).orElseThrow())))
                .isEqualTo(sqlite.read((StoreTransaction tx) -> List.of(
                        tx.accountSettings(acct.accountId()).orElseThrow(),
                        tx.signinDelegateGroups(acct.accountId()),
                        tx.globalSettings(TENANT).orElseThrow(),
                        tx.userSettings(u.userId()).orElseThrow(),
                        tx.retentionSettings(acct.accountId()).orElseThrow(),
                        tx.user(acct.accountId(), u.userId()).orElseThrow(),
                        tx.lastLogout(u.userId()).orElseThrow())));
    }
}
