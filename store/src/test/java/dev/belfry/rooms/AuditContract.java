package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.DomainOnSqliteTest.MovableClock;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of membership changes (issue 16, D83–D86) on a real store with a clock the test moves; runs on
 * SQLite and on PostgreSQL ({@link AuditOnSqliteTest}, {@link AuditOnPostgresTest}).
 */
abstract class AuditContract {
    static final Caller ALICE =
            new Caller("111122223333", "arn:aws:iam::111122223333:user/alice", "AKIDALICE", "req-1", "192.0.2.7");
    static final Caller BOB = new Caller("111122223333", "arn:aws:iam::111122223333:user/bob", "AKIDBOB", null, null);
    static final Caller MALLORY = new Caller("444455556666", "arn:aws:iam::444455556666:user/mallory");

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
    RoomStore store;
    RoomsDomain d;
    String account;
    String room;
    final List<String> users = new ArrayList<>();

    abstract StoreConfig freshDatabase();

    @BeforeEach
    void open() {
        store = Stores.open(freshDatabase());
        d = new RoomsDomain(store, clock, Limits.chimeDefaults(), AccountType.EnterpriseLWA);
        account = d.accounts()
                .create(ALICE.tenantId(), "Acme", AccountType.EnterpriseLWA)
                .accountId();
        room = d.rooms().create(ALICE, account, "ops", null).roomId();
        for (int i = 0; i < 5; i++) {
            users.add(d.users()
                    .create(ALICE, account, "u" + i, "u" + i + "@acme.example", UserType.PrivateUser)
                    .userId());
        }
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    List<AuditEvent> all(Caller caller, AuditFilter filter) {
        List<AuditEvent> out = new ArrayList<>();
        String token = null;
        do {
            Page<AuditEvent> page = d.audit().list(caller, filter, 2, token);
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    static String change(AuditEvent e) {
        return e.operation() + " " + e.memberId() + " " + e.roleBefore() + "->" + e.roleAfter();
    }

    @Test
    void everyKindOfChangeIsRecordedWithItsCallerAndRoles() {
        String u0 = users.get(0), u1 = users.get(1), u2 = users.get(2);
        d.memberships().add(ALICE, account, room, u0, null);
        clock.advance(Duration.ofSeconds(1));
        // a batch: u1 twice (the second item's role wins), an unknown id (no record), u0 again (a re-add)
        d.memberships()
                .addAll(
                        ALICE,
                        account,
                        room,
                        List.of(
                                new BatchAdd.Item(u1, Role.Member),
                                new BatchAdd.Item("nobody", Role.Member),
                                new BatchAdd.Item(u1, Role.Administrator),
                                new BatchAdd.Item(u0, null)));
        clock.advance(Duration.ofSeconds(1));
        d.memberships().update(BOB, account, room, u0, Role.Administrator);
        d.memberships().update(BOB, account, room, u0, Role.Administrator); // no change, no record
        clock.advance(Duration.ofSeconds(1));
        d.memberships().remove(BOB, account, room, u1);
        d.memberships().add(BOB, account, room, u2, Role.Member);

        List<AuditEvent> events = all(ALICE, any());
        assertThat(events)
                .extracting(AuditContract::change)
                .containsExactly(
                        "CreateRoomMembership " + u0 + " null->Member",
                        "BatchCreateRoomMembership " + u1 + " null->Member",
                        "BatchCreateRoomMembership " + u1 + " Member->Administrator",
                        "BatchCreateRoomMembership " + u0 + " Member->Member",
                        "UpdateRoomMembership " + u0 + " Member->Administrator",
                        "DeleteRoomMembership " + u1 + " Administrator->null",
                        "CreateRoomMembership " + u2 + " null->Member");
        AuditEvent first = events.get(0);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-01T09:00:00.000Z"));
        assertThat(first.tenantId()).isEqualTo(ALICE.tenantId());
        assertThat(first.accountId()).isEqualTo(account);
        assertThat(first.roomId()).isEqualTo(room);
        assertThat(first.memberType()).isEqualTo(MemberType.User);
        assertThat(first.principalArn()).isEqualTo(ALICE.principalArn());
        assertThat(first.accessKeyId()).isEqualTo("AKIDALICE");
        assertThat(first.requestId()).isEqualTo("req-1");
        assertThat(first.sourceIp()).isEqualTo("192.0.2.7");
        assertThat(events.get(4).accessKeyId()).isEqualTo("AKIDBOB");
    }

    @Test
    void aRejectedChangeLeavesNoRecord() {
        assertThatThrownBy(() -> d.memberships().add(ALICE, account, room, "nobody", null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> d.memberships().update(ALICE, account, room, users.get(0), Role.Administrator))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> d.memberships().addAll(ALICE, account, room, List.of(new BatchAdd.Item(" ", null))))
                .isInstanceOf(DomainException.class);
        assertThat(all(ALICE, any())).isEmpty();
    }

    @Test
    void deletingTheRoomOrTheAccountRecordsEveryoneLeaving() {
        for (String u : users) {
            d.memberships().add(ALICE, account, room, u, Role.Member);
        }
        String other = d.rooms().create(ALICE, account, "other", null).roomId();
        d.memberships().add(ALICE, account, other, users.get(0), Role.Administrator);
        Bot bot = d.bots().create(ALICE, account, "helper", "acme.example");
        // a bot joins a room only with an events configuration (D114); this domain calls no endpoint
        d.bots().putEventsConfiguration(ALICE, account, bot.botId(), "https://bot.acme.example/events", null);
        d.memberships().add(ALICE, account, other, bot.botId(), null);
        clock.advance(Duration.ofMinutes(1));
        d.rooms().delete(ALICE, account, room);
        List<AuditEvent> roomGone = all(ALICE, new AuditFilter(null, null, room, null, null, clock.instant(), null));
        assertThat(roomGone).hasSize(5).allSatisfy(e -> {
            assertThat(e.operation()).isEqualTo("DeleteRoom");
            assertThat(e.roleBefore()).isEqualTo(Role.Member);
            assertThat(e.roleAfter()).isNull();
        });
        clock.advance(Duration.ofMinutes(1));
        d.accounts().delete(ALICE, account);
        List<AuditEvent> accountGone =
                all(ALICE, new AuditFilter(null, account, null, null, null, clock.instant(), null));
        assertThat(accountGone)
                .extracting(e -> e.operation() + " " + e.roomId() + " " + e.memberId() + " " + e.memberType() + " "
                        + e.roleBefore())
                .containsExactlyInAnyOrder(
                        "DeleteAccount " + other + " " + users.get(0) + " User Administrator",
                        "DeleteAccount " + other + " " + bot.botId() + " Bot Member");
        // the records outlive the account they name
        assertThat(all(ALICE, new AuditFilter(null, account, null, null, null, null, null)))
                .hasSize(5 + 2 + 5 + 2);
    }

    @Test
    void filtersNarrowAndTenantsSeeOnlyTheirOwn() {
        d.memberships().add(ALICE, account, room, users.get(0), null);
        clock.advance(Duration.ofSeconds(10));
        d.memberships().add(BOB, account, room, users.get(1), null);
        String mallorys = d.accounts()
                .create(MALLORY.tenantId(), "Evil", AccountType.EnterpriseLWA)
                .accountId();
        String theirRoom = d.rooms().create(MALLORY, mallorys, "lair", null).roomId();
        String theirUser = d.users()
                .create(MALLORY, mallorys, "m", "m@evil.example", UserType.PrivateUser)
                .userId();
        d.memberships().add(MALLORY, mallorys, theirRoom, theirUser, null);

        assertThat(all(ALICE, any())).hasSize(2);
        assertThat(all(ALICE, new AuditFilter(null, null, null, users.get(1), null, null, null)))
                .extracting(AuditEvent::memberId)
                .containsExactly(users.get(1));
        assertThat(all(ALICE, new AuditFilter(null, null, null, null, "AKIDBOB", null, null)))
                .hasSize(1);
        assertThat(all(ALICE, new AuditFilter(null, null, null, null, ALICE.principalArn(), null, null)))
                .extracting(AuditEvent::memberId)
                .containsExactly(users.get(0));
        Instant t0 = Instant.parse("2026-03-01T09:00:00.000Z");
        assertThat(all(ALICE, new AuditFilter(null, null, null, null, null, t0, t0.plusSeconds(10))))
                .extracting(AuditEvent::memberId)
                .containsExactly(users.get(0));
        // a filter that names another tenant's account or room finds nothing; the caller's tenant always applies
        assertThat(all(ALICE, new AuditFilter("444455556666", mallorys, null, null, null, null, null)))
                .isEmpty();
        assertThat(all(MALLORY, any())).extracting(AuditEvent::memberId).containsExactly(theirUser);
    }

    @Test
    void aPageTokenBelongsToItsFilter() {
        for (String u : users) {
            d.memberships().add(ALICE, account, room, u, null);
        }
        Page<AuditEvent> page = d.audit().list(ALICE, any(), 2, null);
        assertThat(page.nextToken()).isNotNull();
        assertThatThrownBy(() -> d.audit()
                        .list(ALICE, new AuditFilter(null, null, room, null, null, null, null), 2, page.nextToken()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("NextToken");
        assertThatThrownBy(() -> d.audit().list(MALLORY, any(), 2, page.nextToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> d.audit().list(ALICE, any(), 0, null)).isInstanceOf(DomainException.class);
        Instant t = clock.instant();
        assertThatThrownBy(() -> d.audit().list(ALICE, new AuditFilter(null, null, null, null, null, t, t), 2, null))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void theSweepDeletesOnlyWhatIsOlderThanTheRetention() {
        d.memberships().add(ALICE, account, room, users.get(0), null);
        clock.advance(Duration.ofDays(20));
        d.memberships().add(ALICE, account, room, users.get(1), null);
        clock.advance(Duration.ofDays(15));
        AuditService.Sweep sweep = d.audit().sweep(Duration.ofDays(30), "server-a", Duration.ofMinutes(20));
        assertThat(sweep).isEqualTo(new AuditService.Sweep(true, 1));
        assertThat(all(ALICE, any())).extracting(AuditEvent::memberId).containsExactly(users.get(1));
        // another server's sweep waits for the lease
        assertThat(d.audit()
                        .sweep(Duration.ofDays(1), "server-b", Duration.ofMinutes(20))
                        .ran())
                .isFalse();
    }

    @Test
    void aLargeBatchOfEventsIsWrittenWhole() {
        // more events than one INSERT holds: deleting a room of 450 members
        String big = d.rooms().create(ALICE, account, "big", null).roomId();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            many.add(d.users()
                    .create(ALICE, account, "b" + i, "b" + i + "@acme.example", UserType.PrivateUser)
                    .userId());
        }
        for (int from = 0; from < many.size(); from += 50) {
            d.memberships()
                    .addAll(
                            ALICE,
                            account,
                            big,
                            many.subList(from, Math.min(many.size(), from + 50)).stream()
                                    .map(id -> new BatchAdd.Item(id, null))
                                    .toList());
        }
        d.rooms().delete(ALICE, account, big);
        List<AuditEvent> gone = new ArrayList<>();
        String token = null;
        do {
            Page<AuditEvent> page =
                    d.audit().list(ALICE, new AuditFilter(null, null, big, null, null, null, null), 1000, token);
            gone.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertThat(gone.stream().filter(e -> e.operation().equals("DeleteRoom")).count())
                .isEqualTo(450);
    }
}
