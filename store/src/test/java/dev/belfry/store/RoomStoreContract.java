package dev.belfry.store;

import static dev.belfry.store.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.EventsConfiguration;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.StoreTransaction;
import dev.belfry.rooms.StoreTransaction.IdempotentRoom;
import dev.belfry.rooms.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every RoomStore must have, whatever the database. Subclasses say which database. */
abstract class RoomStoreContract {
    static final String TENANT = "111122223333";

    /** A new, empty database for one test. */
    abstract StoreConfig freshDatabase();

    StoreConfig config;
    RoomStore store;
    Account acct;

    @BeforeEach
    void open() {
        config = freshDatabase();
        store = Stores.open(config);
        acct = account(TENANT, "Acme", 0);
        store.write((StoreTransaction tx) -> {
            tx.insertAccount(acct);
            return null;
        });
    }

    /**
     * The same database again, as a second process would open it. A SQLite data directory admits one store (D37), so
     * the second comes through the file's JDBC URL, which takes no lock, and still shares the one writer.
     */
    StoreConfig sameDatabase() {
        return config.dataDir() != null ? StoreConfig.jdbc(config.resolvedUrl()) : config;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    void write(java.util.function.Consumer<dev.belfry.rooms.StoreTransaction> work) {
        store.write((StoreTransaction tx) -> {
            work.accept(tx);
            return null;
        });
    }

    @Test
    void accountsRoundTripFilterByTenantAndPrefix() {
        Account bare = new Account(
                id(),
                TENANT,
                "Acme Two",
                dev.belfry.rooms.Enums.AccountType.Team,
                AccountStatus.Suspended,
                null,
                null,
                at(1));
        Account empty = new Account(
                id(),
                TENANT,
                "Beta",
                dev.belfry.rooms.Enums.AccountType.Team,
                AccountStatus.Active,
                License.Basic,
                List.of(),
                at(2));
        Account other = account("999999999999", "Acme Other", 3);
        write(tx -> {
            tx.insertAccount(bare);
            tx.insertAccount(empty);
            tx.insertAccount(other);
        });

        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, acct.accountId())))
                .contains(acct);
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, bare.accountId())))
                .contains(bare);
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, empty.accountId())))
                .contains(empty);
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, other.accountId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.accounts(TENANT, null, null, 10)))
                .containsExactly(acct, bare, empty);
        assertThat(store.read((StoreTransaction tx) -> tx.accounts(TENANT, "Acme", null, 10)))
                .containsExactly(acct, bare);
        assertThat(store.read((StoreTransaction tx) -> tx.accounts("999999999999", null, null, 10)))
                .containsExactly(other);

        Account renamed =
                acct.withName("Acme Renamed").withDefaultLicense(License.Plus).withStatus(AccountStatus.Suspended);
        write(tx -> tx.updateAccount(renamed));
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, acct.accountId())))
                .contains(renamed);
    }

    @Test
    void accountOfUserEmailIsPerTenant() {
        User u = user(acct.accountId(), "Ann@Example.com", 10);
        write(tx -> tx.insertUser(u));
        assertThat(store.read((StoreTransaction tx) -> tx.accountOfUserEmail(TENANT, "Ann@Example.com")))
                .contains(acct);
        assertThat(store.read((StoreTransaction tx) -> tx.accountOfUserEmail("999999999999", "Ann@Example.com")))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.accountOfUserEmail(TENANT, "nobody@example.com")))
                .isEmpty();
    }

    @Test
    void usersRoundTripWithNullsAndCaseInsensitiveEmail() {
        User full = user(acct.accountId(), "Ann@Example.com", 10);
        User bare = bareUser(acct.accountId(), 20);
        User shared = user(acct.accountId(), "desk@example.com", 30).withUserType(UserType.SharedDevice);
        write(tx -> {
            tx.insertUser(full);
            tx.insertUser(bare);
            tx.insertUser(shared);
        });

        assertThat(store.read((StoreTransaction tx) -> tx.user(acct.accountId(), full.userId())))
                .contains(full);
        assertThat(store.read((StoreTransaction tx) -> tx.user(acct.accountId(), bare.userId())))
                .contains(bare);
        assertThat(store.read((StoreTransaction tx) -> tx.user("other", full.userId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.userByEmail(TENANT, "ann@EXAMPLE.com")))
                .contains(full);
        assertThat(store.read((StoreTransaction tx) -> tx.userByEmail("999999999999", "ann@example.com")))
                .as("another tenant's users are not seen (D19)")
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.users(acct.accountId(), null, null, null, 10)))
                .containsExactly(full, bare, shared);
        assertThat(store.read((StoreTransaction tx) -> tx.users(acct.accountId(), "ANN@example.com", null, null, 10)))
                .containsExactly(full);
        assertThat(store.read(
                        (StoreTransaction tx) -> tx.users(acct.accountId(), null, UserType.SharedDevice, null, 10)))
                .containsExactly(shared);

        User suspended = full.withRegistration(RegistrationStatus.Suspended).withLicense(License.Basic);
        write(tx -> tx.updateUser(suspended));
        assertThat(store.read((StoreTransaction tx) -> tx.user(acct.accountId(), full.userId())))
                .contains(suspended);
        assertThat(store.read((StoreTransaction tx) -> tx.countUsers(acct.accountId(), null)))
                .isEqualTo(3);
        assertThat(store.read((StoreTransaction tx) -> tx.countUsers(acct.accountId(), RegistrationStatus.Suspended)))
                .isEqualTo(1);
        assertThat(store.read((StoreTransaction tx) -> tx.countUsers(acct.accountId(), RegistrationStatus.Registered)))
                .isEqualTo(1);
    }

    @Test
    void botsRoundTrip() {
        Bot b = bot(acct.accountId(), "Helper", 10);
        Bot bare = new Bot(id(), acct.accountId(), null, true, at(20), null, null, null);
        write(tx -> {
            tx.insertBot(b);
            tx.insertBot(bare);
        });
        assertThat(store.read((StoreTransaction tx) -> tx.bot(acct.accountId(), b.botId())))
                .contains(b);
        assertThat(store.read((StoreTransaction tx) -> tx.bot(acct.accountId(), bare.botId())))
                .contains(bare);
        assertThat(store.read((StoreTransaction tx) -> tx.bot("other", b.botId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.bots(acct.accountId(), null, 10)))
                .containsExactly(b, bare);
        assertThat(store.read((StoreTransaction tx) ->
                        tx.bots(acct.accountId(), new Cursor(at(10).toEpochMilli(), b.botId()), 10)))
                .containsExactly(bare);
        Bot off = b.withDisabled(true, at(99));
        write(tx -> tx.updateBot(off));
        assertThat(store.read((StoreTransaction tx) -> tx.bot(acct.accountId(), b.botId())))
                .contains(off);
        assertThat(store.read((StoreTransaction tx) -> tx.countBots(acct.accountId())))
                .isEqualTo(2);
    }

    @Test
    void eventsConfigurationsArePutReplacedDeletedAndGoWithTheirBot() {
        Bot b = bot(acct.accountId(), "Notifier", 10);
        Bot other = bot(acct.accountId(), "Other", 11);
        write(tx -> {
            tx.insertBot(b);
            tx.insertBot(other);
        });
        EventsConfiguration https = new EventsConfiguration(
                b.botId(), acct.accountId(), "https://bots.example.com:8443/events", null, at(12));
        write(tx -> tx.putEventsConfiguration(https));
        assertThat(store.read((StoreTransaction tx) -> tx.eventsConfiguration(b.botId())))
                .contains(https);
        assertThat(store.read((StoreTransaction tx) -> tx.eventsConfiguration(other.botId())))
                .isEmpty();
        EventsConfiguration lambda = new EventsConfiguration(
                b.botId(), acct.accountId(), null, "arn:aws:lambda:us-east-1:111122223333:function:notify", at(13));
        write(tx -> tx.putEventsConfiguration(lambda)); // replaces, leaving no endpoint behind
        assertThat(store.read((StoreTransaction tx) -> tx.eventsConfiguration(b.botId())))
                .contains(lambda);
        write(tx -> tx.deleteEventsConfiguration(b.botId()));
        write(tx -> tx.deleteEventsConfiguration(b.botId())); // a second delete finds nothing and is fine
        assertThat(store.read((StoreTransaction tx) -> tx.eventsConfiguration(b.botId())))
                .isEmpty();
        write(tx -> tx.putEventsConfiguration(https));
        write(tx -> tx.deleteAccount(acct.accountId()));
        assertThat(store.read((StoreTransaction tx) -> tx.eventsConfiguration(b.botId())))
                .isEmpty();
    }

    @Test
    void roomsRoundTripLockUpdateCount() {
        Room r = room(acct.accountId(), "General", 10);
        Room bare = new Room(id(), acct.accountId(), "Bare", null, at(20), at(20));
        write(tx -> {
            tx.insertRoom(r);
            tx.insertRoom(bare);
        });
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId())))
                .contains(r);
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), bare.roomId())))
                .contains(bare);
        assertThat(store.read((StoreTransaction tx) -> tx.room("other", r.roomId())))
                .isEmpty();
        assertThat(store.write((StoreTransaction tx) -> tx.lockRoom(acct.accountId(), r.roomId())))
                .contains(r);
        assertThat(store.write((StoreTransaction tx) -> tx.lockRoom("other", r.roomId())))
                .isEmpty();
        Room renamed = r.renamed("Renamed", at(50));
        write(tx -> tx.updateRoom(renamed));
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId())))
                .contains(renamed);
        assertThat(store.read((StoreTransaction tx) -> tx.countRooms(acct.accountId())))
                .isEqualTo(2);
        assertThat(store.read((StoreTransaction tx) -> tx.countRooms("other"))).isZero();
    }

    @Test
    void roomsOfAMember() {
        User u = user(acct.accountId(), "u@example.com", 1);
        Room a = room(acct.accountId(), "A", 10);
        Room b = room(acct.accountId(), "B", 20);
        Room c = room(acct.accountId(), "C", 30);
        write(tx -> {
            tx.insertUser(u);
            tx.insertRoom(a);
            tx.insertRoom(b);
            tx.insertRoom(c);
            tx.insertMemberships(
                    List.of(membership(c, member(u), Role.Member, 40), membership(a, member(u), Role.Member, 50)));
        });
        assertThat(store.read((StoreTransaction tx) -> tx.rooms(acct.accountId(), u.userId(), null, 10)))
                .containsExactly(a, c);
        assertThat(store.read((StoreTransaction tx) -> tx.rooms(acct.accountId(), "unknown", null, 10)))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) ->
                        tx.rooms(acct.accountId(), u.userId(), new Cursor(at(10).toEpochMilli(), a.roomId()), 10)))
                .containsExactly(c);
        assertThat(roomsOf(acct.accountId(), u.userId())).isEqualTo(2L);
        Membership inA = store.read((StoreTransaction tx) -> tx.memberships(a.roomId(), List.of(u.userId())))
                .get(u.userId());
        assertThat(inA).isNotNull();
        assertThat(store.write((StoreTransaction tx) ->
                        tx.lockMembers(acct.accountId(), a.roomId(), List.of(u.userId(), "nobody"))))
                .containsOnlyKeys(u.userId())
                .containsEntry(u.userId(), new StoreTransaction.Candidate(member(u), 2, inA));
        assertThat(store.write((StoreTransaction tx) ->
                                tx.lockMembers(acct.accountId(), b.roomId(), List.of(u.userId())))
                        .get(u.userId())
                        .inRoom())
                .isNull();
        write(tx -> tx.deleteMembership(c.roomId(), u.userId()));
        assertThat(roomsOf(acct.accountId(), u.userId())).isEqualTo(1L);
        write(tx -> tx.updateMemberships(List.of(membership(a, member(u), Role.Administrator, 60))));
        assertThat(roomsOf(acct.accountId(), u.userId())).isEqualTo(1L);
    }

    @Test
    void keysetPagingNeitherRepeatsNorSkipsWhileRowsArrive() {
        List<Room> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(room(acct.accountId(), "r" + i, i / 3)); // equal sort keys: the id breaks ties
        }
        write(tx -> all.forEach(tx::insertRoom));
        List<Room> expected = all.stream()
                .sorted(java.util.Comparator.comparing(Room::createdAt).thenComparing(Room::roomId))
                .toList();
        List<Room> seen = new ArrayList<>();
        Cursor after = null;
        int page = 0;
        while (true) {
            Cursor c = after;
            List<Room> rows = store.read((StoreTransaction tx) -> tx.rooms(acct.accountId(), null, c, 7));
            seen.addAll(rows);
            if (rows.size() < 7) {
                break;
            }
            Room last = rows.get(rows.size() - 1);
            after = new Cursor(last.createdAt().toEpochMilli(), last.roomId());
            // rows arriving mid-listing: one before the cursor (never shown now), one far ahead (shown once)
            Room early = room(acct.accountId(), "early" + page, -1);
            Room late = room(acct.accountId(), "late" + page, 1_000 + page++);
            write(tx -> {
                tx.insertRoom(early);
                tx.insertRoom(late);
            });
            expected = new ArrayList<>(expected);
            expected.add(late);
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 25)).containsExactlyElementsOf(expected.subList(0, 25));
        assertThat(seen).containsAll(expected);
        assertThat(seen).noneMatch(r -> r.name().startsWith("early"));
    }

    @Test
    void updateKeepsAddedAtAndChangesRoleInvitedByUpdatedAt() {
        Room r = room(acct.accountId(), "R", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        Bot b = bot(acct.accountId(), "B", 3);
        write(tx -> {
            tx.insertRoom(r);
            tx.insertUser(u);
            tx.insertBot(b);
        });
        Membership first = membership(r, member(u), Role.Member, 100);
        write(tx -> tx.insertMemberships(List.of(first, membership(r, member(b), Role.Member, 100))));
        Membership again = new Membership(r.roomId(), member(u), Role.Administrator, "arn:other", at(500), at(500));
        write(tx -> tx.updateMemberships(List.of(again)));

        Membership now = store.read((StoreTransaction tx) -> tx.memberships(r.roomId(), List.of(u.userId())))
                .get(u.userId());
        assertThat(now)
                .isEqualTo(new Membership(r.roomId(), member(u), Role.Administrator, "arn:other", at(100), at(500)));
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(2);
    }

    @Test
    void insertAndUpdateChunkLargeLists() {
        Room r = room(acct.accountId(), "R", 1);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            users.add(user(acct.accountId(), "u" + i + "@example.com", i));
        }
        write(tx -> {
            tx.insertRoom(r);
            users.forEach(tx::insertUser);
        });
        List<Membership> batch = new ArrayList<>();
        users.forEach(u -> batch.add(membership(r, member(u), Role.Member, 10)));
        write(tx -> tx.insertMemberships(batch));
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(450);
        List<Membership> changed = new ArrayList<>();
        users.forEach(
                u -> changed.add(new Membership(r.roomId(), member(u), Role.Administrator, null, at(20), at(20))));
        write(tx -> tx.updateMemberships(changed));
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(450);
        assertThat(store.read((StoreTransaction tx) -> tx.memberships(r.roomId(), null, 500)))
                .allMatch(m -> m.role() == Role.Administrator && m.addedAt().equals(at(10)));
        Membership dup = store.read((StoreTransaction tx) ->
                        tx.memberships(r.roomId(), List.of(users.get(0).userId())))
                .get(users.get(0).userId());
        assertThat(dup.role()).isEqualTo(Role.Administrator);
        assertThat(dup.invitedBy()).isNull();
        assertThat(dup.addedAt()).isEqualTo(at(10));
        assertThat(dup.updatedAt()).isEqualTo(at(20));
    }

    @Test
    void membershipsJoinUsersAndBotsAndPageByAddedAt() {
        Room r = room(acct.accountId(), "R", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        Bot b = bot(acct.accountId(), "Bot", 3);
        write(tx -> {
            tx.insertRoom(r);
            tx.insertUser(u);
            tx.insertBot(b);
            tx.insertMemberships(List.of(
                    membership(r, member(b), Role.Member, 30), membership(r, member(u), Role.Administrator, 20)));
        });
        write(tx -> {
            tx.updateUser(u.withRegistration(RegistrationStatus.Suspended));
            tx.updateBot(b.withDisabled(true, at(9)));
        });

        List<Membership> page1 = store.read((StoreTransaction tx) -> tx.memberships(r.roomId(), null, 1));
        Member userNow = new Member(
                u.userId(), MemberType.User, u.primaryEmail(), u.displayName(), acct.accountId(), "user is suspended");
        assertThat(page1)
                .containsExactly(new Membership(
                        r.roomId(),
                        userNow,
                        Role.Administrator,
                        "arn:aws:iam::111122223333:user/admin",
                        at(20),
                        at(20)));
        List<Membership> page2 = store.read(
                (StoreTransaction tx) -> tx.memberships(r.roomId(), new Cursor(at(20).toEpochMilli(), u.userId()), 5));
        assertThat(page2)
                .extracting(Membership::member)
                .containsExactly(new Member(
                        b.botId(), MemberType.Bot, b.botEmail(), b.displayName(), acct.accountId(), "bot is disabled"));
        assertThat(store.read(
                        (StoreTransaction tx) -> tx.memberships(r.roomId(), List.of(u.userId(), b.botId(), "nobody"))))
                .containsOnlyKeys(u.userId(), b.botId());

        assertThat(store.write((StoreTransaction tx) -> tx.deleteMembership(r.roomId(), u.userId())))
                .isTrue();
        assertThat(store.write((StoreTransaction tx) -> tx.deleteMembership(r.roomId(), u.userId())))
                .isFalse();
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(1);
    }

    @Test
    void membersFindsUsersAndBotsOfTheAccountOnly() {
        Account other = account(TENANT, "Other", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        User s = user(acct.accountId(), "s@example.com", 3).withRegistration(RegistrationStatus.Suspended);
        Bot b = bot(acct.accountId(), "Bot", 4);
        Bot off = bot(acct.accountId(), "Off", 5).withDisabled(true, at(6));
        User stranger = user(other.accountId(), "x@example.com", 7);
        write(tx -> {
            tx.insertAccount(other);
            tx.insertUser(u);
            tx.insertUser(s);
            tx.insertBot(b);
            tx.insertBot(off);
            tx.insertUser(stranger);
        });

        Map<String, Member> found = new java.util.LinkedHashMap<>();
        store.write((StoreTransaction tx) -> tx.lockMembers(
                        acct.accountId(),
                        "no-room",
                        List.of(
                                u.userId(),
                                s.userId(),
                                b.botId(),
                                off.botId(),
                                stranger.userId(),
                                "unknown",
                                u.userId())))
                .forEach((id, c) -> found.put(id, c.member()));
        assertThat(found).containsOnlyKeys(u.userId(), s.userId(), b.botId(), off.botId());
        assertThat(found.get(u.userId())).isEqualTo(member(u));
        assertThat(found.get(s.userId()).blocked()).isEqualTo("user is suspended");
        assertThat(found.get(b.botId())).isEqualTo(member(b));
        assertThat(found.get(off.botId()))
                .isEqualTo(new Member(
                        off.botId(),
                        MemberType.Bot,
                        off.botEmail(),
                        off.displayName(),
                        acct.accountId(),
                        "bot is disabled"));
        assertThat(store.write((StoreTransaction tx) -> tx.lockMembers(acct.accountId(), "no-room", List.of())))
                .isEmpty();
    }

    @Test
    void insertingAMembershipThatExistsFailsAndChangesNothing() {
        Room r = room(acct.accountId(), "R", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        write(tx -> {
            tx.insertRoom(r);
            tx.insertUser(u);
            tx.insertMemberships(List.of(membership(r, member(u), Role.Member, 3)));
        });
        assertThatThrownBy(() ->
                        write(tx -> tx.insertMemberships(List.of(membership(r, member(u), Role.Administrator, 4)))))
                .isInstanceOf(StoreException.class);
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(1);
        assertThat(store.read((StoreTransaction tx) -> tx.memberships(r.roomId(), List.of(u.userId())))
                        .get(u.userId())
                        .role())
                .isEqualTo(Role.Member);
    }

    @Test
    void aLockedRoomsCountFollowsTheTransactionsOwnWrites() {
        Room r = room(acct.accountId(), "R", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        User v = user(acct.accountId(), "v@example.com", 3);
        write(tx -> {
            tx.insertRoom(r);
            tx.insertUser(u);
            tx.insertUser(v);
        });
        List<Long> seen = store.write((StoreTransaction tx) -> {
            tx.lockRoom(acct.accountId(), r.roomId()).orElseThrow();
            List<Long> counts = new ArrayList<>(List.of(tx.countMemberships(r.roomId())));
            tx.insertMemberships(
                    List.of(membership(r, member(u), Role.Member, 3), membership(r, member(v), Role.Member, 3)));
            counts.add(tx.countMemberships(r.roomId()));
            tx.deleteMembership(r.roomId(), u.userId());
            counts.add(tx.countMemberships(r.roomId()));
            return counts;
        });
        assertThat(seen).containsExactly(0L, 2L, 1L);
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isEqualTo(1);
    }

    @Test
    void idempotencyTokensHonourNotBeforeAndDieWithTheirRoom() {
        Room r = room(acct.accountId(), "R", 1);
        write(tx -> {
            tx.insertRoom(r);
            tx.claimRoomToken(acct.accountId(), "tok-1", r.roomId(), "R", at(1000), null);
        });
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok-1", at(1000))))
                .contains(new IdempotentRoom(r.roomId(), "R"));
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok-1", at(1001))))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken("other", "tok-1", at(0))))
                .isEmpty();
        Room r2 = room(acct.accountId(), "R2", 2);
        write(tx -> {
            tx.insertRoom(r2);
            tx.claimRoomToken(acct.accountId(), "tok-1", r2.roomId(), "R2", at(5000), null);
        });
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok-1", at(4000))))
                .contains(new IdempotentRoom(r2.roomId(), "R2"));
        write(tx -> tx.deleteRoom(r2.roomId()));
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok-1", at(0))))
                .isEmpty();
    }

    @Test
    void aLiveTokenCannotBeClaimedTwiceButAnExpiredOneCan() {
        Room r = room(acct.accountId(), "R", 1);
        Room r2 = room(acct.accountId(), "R2", 2);
        assertThat(store.write((StoreTransaction tx) -> {
                    tx.insertRoom(r);
                    tx.insertRoom(r2);
                    return tx.claimRoomToken(acct.accountId(), "tok", r.roomId(), "R", at(1000), at(0));
                }))
                .isTrue();
        assertThat(store.write((StoreTransaction tx) ->
                        tx.claimRoomToken(acct.accountId(), "tok", r2.roomId(), "R2", at(2000), at(500))))
                .isFalse();
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok", at(0))))
                .contains(new IdempotentRoom(r.roomId(), "R"));
        assertThat(store.write((StoreTransaction tx) ->
                        tx.claimRoomToken(acct.accountId(), "tok", r2.roomId(), "R2", at(3000), at(1500))))
                .isTrue();
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "tok", at(0))))
                .contains(new IdempotentRoom(r2.roomId(), "R2"));
    }

    @Test
    void deletesCascade() {
        Account other = account(TENANT, "Other", 1);
        Room r = room(acct.accountId(), "R", 1);
        Room theirs = room(other.accountId(), "Theirs", 1);
        User u = user(acct.accountId(), "u@example.com", 2);
        Bot b = bot(acct.accountId(), "B", 3);
        write(tx -> {
            tx.insertAccount(other);
            tx.insertRoom(r);
            tx.insertRoom(theirs);
            tx.insertUser(u);
            tx.insertBot(b);
            tx.insertMemberships(List.of(
                    membership(r, member(u), Role.Member, 5),
                    membership(theirs, member(u), Role.Member, 5),
                    membership(theirs, member(b), Role.Member, 5)));
            tx.claimRoomToken(acct.accountId(), "t", r.roomId(), "R", at(5), null);
        });

        write(tx -> tx.deleteRoom(r.roomId()));
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(r.roomId())))
                .isZero();
        assertThat(roomsOf(acct.accountId(), u.userId())).isEqualTo(1L);
        assertThat(roomsOf(acct.accountId(), b.botId())).isEqualTo(1L);

        Room r3 = room(acct.accountId(), "R3", 9);
        User visitor = user(other.accountId(), "v@example.com", 9);
        Bot visiting = bot(other.accountId(), "V", 9);
        write(tx -> {
            tx.insertRoom(r3);
            tx.claimRoomToken(acct.accountId(), "t3", r3.roomId(), "R3", at(9), null);
            tx.insertUser(visitor);
            tx.insertBot(visiting);
            tx.insertMemberships(List.of(
                    membership(r3, member(visitor), Role.Member, 9),
                    membership(r3, member(visiting), Role.Member, 9),
                    membership(theirs, member(visitor), Role.Member, 9)));
        });
        assertThat(roomsOf(other.accountId(), visitor.userId())).isEqualTo(2L);
        assertThat(roomsOf(other.accountId(), visiting.botId())).isEqualTo(1L);
        write(tx -> tx.deleteAccount(acct.accountId()));
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, acct.accountId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.user(acct.accountId(), u.userId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.bot(acct.accountId(), b.botId())))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.countRooms(acct.accountId())))
                .isZero();
        assertThat(store.read((StoreTransaction tx) -> tx.roomForToken(acct.accountId(), "t3", at(0))))
                .isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, other.accountId())))
                .isPresent();
        assertThat(roomsOf(other.accountId(), visitor.userId()))
                .isEqualTo(1L); // left the deleted account's room, still in theirs
        assertThat(roomsOf(other.accountId(), visiting.botId())).isZero();
        assertThat(store.read((StoreTransaction tx) -> tx.countMemberships(theirs.roomId())))
                .isEqualTo(1); // the visitor
    }

    @Test
    void upgradingFromSchemaV2CountsEveryMembersRooms() throws Exception {
        StoreConfig old = freshDatabase();
        if (old.dataDir() != null) {
            java.nio.file.Files.createDirectories(old.dataDir());
        }
        org.flywaydb.core.Flyway.configure()
                .dataSource(old.resolvedUrl(), old.username(), old.password())
                .locations("classpath:db/migration")
                .target("2")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(old.resolvedUrl(), old.username(), old.password());
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO accounts (account_id, aws_account_id, name, account_type, status, created_at)"
                    + " VALUES ('a', '" + TENANT + "', 'A', 'EnterpriseLWA', 'Active', 1)");
            st.execute("INSERT INTO users (user_id, account_id, created_at) VALUES ('u1', 'a', 1), ('u2', 'a', 1)");
            st.execute("INSERT INTO bots (bot_id, account_id, disabled, created_at) VALUES ('b1', 'a', FALSE, 1)");
            st.execute("INSERT INTO rooms (room_id, account_id, name, created_at, updated_at, member_count)"
                    + " VALUES ('r1', 'a', 'R1', 1, 1, 2), ('r2', 'a', 'R2', 1, 1, 2)");
            st.execute("INSERT INTO memberships (room_id, member_id, member_type, role, added_at, updated_at) VALUES"
                    + " ('r1', 'u1', 'User', 'Member', 1, 1), ('r2', 'u1', 'User', 'Member', 1, 1),"
                    + " ('r2', 'b1', 'Bot', 'Member', 1, 1), ('r1', 'b1', 'Bot', 'Member', 1, 1)");
        }
        try (RoomStore upgraded = Stores.open(old)) {
            Map<String, Long> rooms = new java.util.TreeMap<>();
            upgraded.write((StoreTransaction tx) -> tx.lockMembers("a", "r1", List.of("u1", "u2", "b1")))
                    .forEach((id, c) -> rooms.put(id, c.rooms()));
            assertThat(rooms).containsExactly(Map.entry("b1", 2L), Map.entry("u1", 2L), Map.entry("u2", 0L));
        }
    }

    /** The room count the store keeps for a member (schema V3), as a batch reads it. */
    private long roomsOf(String accountId, String memberId) {
        return store.write((StoreTransaction tx) -> tx.lockMembers(accountId, "no-room", List.of(memberId))
                .get(memberId)
                .rooms());
    }

    @Test
    void failedWorkRollsBackAndReadsCannotWrite() {
        Room r = room(acct.accountId(), "R", 1);
        assertThatThrownBy(() -> store.write((StoreTransaction tx) -> {
                    tx.insertRoom(r);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId())))
                .isEmpty();
        assertThatThrownBy(() -> store.read((StoreTransaction tx) -> {
                    tx.insertRoom(r);
                    return null;
                }))
                .isInstanceOf(StoreException.class);
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId())))
                .isEmpty();
    }

    @Test
    void concurrentWritersLoseNoUpdateAndAddNoDuplicate() throws Exception {
        Room r = room(acct.accountId(), "0", 1);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            users.add(user(acct.accountId(), "c" + i + "@example.com", i));
        }
        write(tx -> {
            tx.insertRoom(r);
            users.forEach(tx::insertUser);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int k = 0; k < 10; k++) {
                    int n = k;
                    write(tx -> {
                        // read-modify-write under the room lock: the room name counts the transactions
                        Room locked = tx.lockRoom(acct.accountId(), r.roomId()).orElseThrow();
                        tx.updateRoom(locked.renamed(Integer.toString(Integer.parseInt(locked.name()) + 1), at(2)));
                        // every thread also re-adds member 0, so rows collide across threads: look, then insert or
                        // update
                        List<Membership> adds = List.of(
                                        membership(r, member(users.get(thread * 10 + n)), Role.Member, 100 + thread),
                                        membership(r, member(users.get(0)), Role.Member, 100 + thread))
                                .stream()
                                .distinct()
                                .toList();
                        Map<String, Membership> there = tx.memberships(
                                r.roomId(),
                                adds.stream().map(Membership::memberId).toList());
                        tx.insertMemberships(adds.stream()
                                .filter(m -> !there.containsKey(m.memberId()))
                                .toList());
                        tx.updateMemberships(adds.stream()
                                .filter(m -> there.containsKey(m.memberId()))
                                .toList());
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(store.read((StoreTransaction tx) -> tx.room(acct.accountId(), r.roomId()))
                        .orElseThrow()
                        .name())
                .isEqualTo("80");
        List<Membership> all = store.read((StoreTransaction tx) -> tx.memberships(r.roomId(), null, 1000));
        assertThat(all).hasSize(80);
        Set<String> ids = new HashSet<>();
        all.forEach(m -> ids.add(m.memberId()));
        assertThat(ids).hasSize(80);
    }

    @Test
    void sharedSecretIsStableAcrossStoresOnOneDatabase() {
        byte[] one = store.sharedSecret("page-token");
        assertThat(one).hasSize(32);
        try (RoomStore second = Stores.open(sameDatabase())) {
            assertThat(second.sharedSecret("page-token")).isEqualTo(one);
            assertThat(second.sharedSecret("other")).hasSize(32).isNotEqualTo(one);
        }
        assertThat(store.sharedSecret("page-token")).isEqualTo(one);
    }

    @Test
    void reopeningKeepsDataAndRunsNoMigrationTwice() {
        store.close();
        store = Stores.open(config);
        store.close();
        store = Stores.open(config);
        assertThat(store.read((StoreTransaction tx) -> tx.account(TENANT, acct.accountId())))
                .contains(acct);
    }

    @Test
    void refusesASchemaNewerThanThisBuild() throws Exception {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection(config.resolvedUrl());
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql',"
                    + " 0, 'test', 0, true)");
        }
        assertThatThrownBy(() -> Stores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("version 99")
                .hasMessageContaining("newer than this Belfry");
        store = null;
    }

    // ---- account and user settings (issue 13, schema V4, D51-D59) ----

    @Test
    void accountSettingsAreAbsentUntilPutThenReplaced() {
        assertThat(store.read((StoreTransaction tx) -> tx.accountSettings(acct.accountId())))
                .isEmpty();
        write(tx -> tx.putAccountSettings(acct.accountId(), new dev.belfry.rooms.AccountSettings(true, false)));
        write(tx -> tx.putAccountSettings(acct.accountId(), new dev.belfry.rooms.AccountSettings(true, true)));
        assertThat(store.read((StoreTransaction tx) -> tx.accountSettings(acct.accountId())))
                .contains(new dev.belfry.rooms.AccountSettings(true, true));
    }

    @Test
    void signinDelegateGroupsKeepAssociationOrderSkipDuplicatesAndIgnoreUnknownRemovals() {
        Account other = account(TENANT, "Other", 5);
        write(tx -> {
            tx.insertAccount(other);
            tx.addSigninDelegateGroups(acct.accountId(), List.of("zeta", "alpha"), at(10));
            tx.addSigninDelegateGroups(acct.accountId(), List.of("alpha", "mid"), at(10));
            tx.addSigninDelegateGroups(other.accountId(), List.of("theirs"), at(11));
        });
        assertThat(store.read((StoreTransaction tx) -> tx.signinDelegateGroups(acct.accountId())))
                .containsExactly("zeta", "alpha", "mid");
        write(tx -> tx.removeSigninDelegateGroups(acct.accountId(), List.of("alpha", "never-there")));
        assertThat(store.read((StoreTransaction tx) ->
                        tx.signinDelegateGroups(List.of(acct.accountId(), other.accountId(), "none"))))
                .containsOnly(
                        Map.entry(acct.accountId(), List.of("zeta", "mid")),
                        Map.entry(other.accountId(), List.of("theirs")));
    }

    @Test
    void globalSettingsArePerTenantAndClearable() {
        write(tx -> tx.putGlobalSettings(TENANT, new dev.belfry.rooms.GlobalSettings("bucket-a", "bucket-b")));
        write(tx -> tx.putGlobalSettings("999988887777", new dev.belfry.rooms.GlobalSettings(null, "theirs")));
        write(tx -> tx.putGlobalSettings(TENANT, new dev.belfry.rooms.GlobalSettings(null, "bucket-b")));
        assertThat(store.read((StoreTransaction tx) -> tx.globalSettings(TENANT)))
                .contains(new dev.belfry.rooms.GlobalSettings(null, "bucket-b"));
        assertThat(store.read((StoreTransaction tx) -> tx.globalSettings("999988887777")))
                .contains(new dev.belfry.rooms.GlobalSettings(null, "theirs"));
        assertThat(store.read((StoreTransaction tx) -> tx.globalSettings("000000000000")))
                .isEmpty();
        // the locking read of an update makes the row it locks, empty
        assertThat(store.write((StoreTransaction tx) -> tx.lockGlobalSettings("000000000000")))
                .isEqualTo(dev.belfry.rooms.GlobalSettings.NONE);
        assertThat(store.write((StoreTransaction tx) -> tx.lockGlobalSettings(TENANT)))
                .isEqualTo(new dev.belfry.rooms.GlobalSettings(null, "bucket-b"));
        assertThat(store.read((StoreTransaction tx) -> tx.globalSettings("000000000000")))
                .contains(dev.belfry.rooms.GlobalSettings.NONE);
    }

    @Test
    void userSettingsRetentionPinsAndLogoutsRoundTrip() {
        User u = user(acct.accountId(), "pin@example.com", 1);
        write(tx -> tx.insertUser(u));
        assertThat(store.read((StoreTransaction tx) -> tx.userSettings(u.userId())))
                .isEmpty();
        write(tx -> tx.putUserSettings(u.userId(), new dev.belfry.rooms.UserSettings(true, false, true)));
        assertThat(store.read((StoreTransaction tx) -> tx.userSettings(u.userId())))
                .contains(new dev.belfry.rooms.UserSettings(true, false, true));

        var retention = new dev.belfry.rooms.RetentionSettings(30, null, at(20));
        write(tx -> tx.putRetentionSettings(acct.accountId(), retention));
        assertThat(store.read((StoreTransaction tx) -> tx.retentionSettings(acct.accountId())))
                .contains(retention);
        var off = new dev.belfry.rooms.RetentionSettings(null, null, at(30));
        write(tx -> tx.putRetentionSettings(acct.accountId(), off));
        assertThat(store.read((StoreTransaction tx) -> tx.retentionSettings(acct.accountId())))
                .contains(off);

        write(tx -> tx.updateUser(u.withPersonalPin("0123456789")));
        assertThat(store.read((StoreTransaction tx) -> tx.user(acct.accountId(), u.userId())))
                .contains(u.withPersonalPin("0123456789"));
        assertThat(store.read((StoreTransaction tx) -> tx.personalPinTaken(acct.accountId(), "0123456789")))
                .isTrue();
        assertThat(store.read((StoreTransaction tx) -> tx.personalPinTaken(acct.accountId(), "9999999999")))
                .isFalse();

        assertThat(store.read((StoreTransaction tx) -> tx.lastLogout(u.userId())))
                .isEmpty();
        write(tx -> tx.recordLogout(u.userId(), at(40)));
        assertThat(store.read((StoreTransaction tx) -> tx.lastLogout(u.userId())))
                .contains(at(40));
    }

    @Test
    void aPinIsUniqueInItsAccountButNotAcrossAccounts() {
        Account other = account(TENANT, "Other", 5);
        User a = user(acct.accountId(), "a@example.com", 1).withPersonalPin("1111111111");
        User b = user(acct.accountId(), "b@example.com", 2);
        User c = user(other.accountId(), "c@example.com", 3).withPersonalPin("1111111111");
        write(tx -> {
            tx.insertAccount(other);
            tx.insertUser(a);
            tx.insertUser(b);
            tx.insertUser(c);
        });
        assertThatThrownBy(() -> write(tx -> tx.updateUser(b.withPersonalPin("1111111111"))))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void deletingAnAccountTakesItsSettingsWithIt() {
        User u = user(acct.accountId(), "gone@example.com", 1);
        write(tx -> {
            tx.insertUser(u);
            tx.putAccountSettings(acct.accountId(), new dev.belfry.rooms.AccountSettings(true, true));
            tx.addSigninDelegateGroups(acct.accountId(), List.of("g"), at(1));
            tx.putUserSettings(u.userId(), new dev.belfry.rooms.UserSettings(true, true, true));
            tx.putRetentionSettings(acct.accountId(), new dev.belfry.rooms.RetentionSettings(1, 2, at(3)));
        });
        write(tx -> tx.deleteAccount(acct.accountId()));
        assertThat(store.read((StoreTransaction tx) -> List.of(
                        tx.accountSettings(acct.accountId()).isPresent(),
                        !tx.signinDelegateGroups(acct.accountId()).isEmpty(),
                        tx.userSettings(u.userId()).isPresent(),
                        tx.retentionSettings(acct.accountId()).isPresent())))
                .containsOnly(false);
    }
}
