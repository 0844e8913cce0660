package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain's rules on a real SQLite store with a clock the test moves: D5's 24-hour token window, page tokens
 * (D16) and the limits (D9). These live in the store module because Maven allows no dependency from rooms (which
 * the store implements) back to the store; the package is the domain's, so they see what its own tests would.
 */
class DomainOnSqliteTest {
    private static final Caller ALICE = new Caller("111122223333", "arn:aws:iam::111122223333:user/alice");
    private static final Caller MALLORY = new Caller("444455556666", "arn:aws:iam::444455556666:user/mallory");

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
    private RoomStore store;

    private RoomsDomain domain(Limits limits) {
        store = Stores.open(StoreConfig.sqlite(data));
        return new RoomsDomain(store, clock, limits, AccountType.EnterpriseLWA);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aClientRequestTokenNamesOneRoomForTwentyFourHours() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        Room first = d.rooms().create(ALICE, account, "Ops", "token-1");

        clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(d.rooms().create(ALICE, account, "Ops", "token-1").roomId()).isEqualTo(first.roomId());
        assertThatThrownBy(() -> d.rooms().create(ALICE, account, "Other", "token-1"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(Failure.BAD_REQUEST);

        clock.advance(Duration.ofMillis(1)); // exactly 24 hours: still the same room
        assertThat(d.rooms().create(ALICE, account, "Ops", "token-1").roomId()).isEqualTo(first.roomId());
        clock.advance(Duration.ofMillis(1)); // past 24 hours the token is free again
        Room afterADay = d.rooms().create(ALICE, account, "Other", "token-1");
        assertThat(afterADay.roomId()).isNotEqualTo(first.roomId());
        assertThat(d.rooms().create(ALICE, account, "Other", "token-1").roomId())
                .isEqualTo(afterADay.roomId());
    }

    @Test
    void theRoomsTimestampsAreTheClocksToTheMillisecond() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        Room room = d.rooms().create(ALICE, account, "Ops", null);
        assertThat(room.createdAt()).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(5));
        assertThat(d.rooms().update(ALICE, account, room.roomId(), "Ops 2").updatedAt())
                .isEqualTo(clock.instant());
    }

    @Test
    void pageTokensWalkEveryRoomOnceInTheOrderTheyWereCreated() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(d.rooms().create(ALICE, account, "room " + i, null).roomId());
            clock.advance(Duration.ofMillis(i % 2)); // two rooms share each millisecond: ties break by id
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Room> page = d.rooms().list(ALICE, account, null, 3, token);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(r -> seen.add(r.roomId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(d.rooms().list(ALICE, account, null, null, null).nextToken()).isNull();
    }

    @Test
    void aPageTokenIsBoundToItsListingAndCannotBeForged() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String other = d.accounts().create(ALICE, "other").accountId();
        for (int i = 0; i < 3; i++) {
            d.rooms().create(ALICE, account, "room " + i, null);
            d.users().create(ALICE, account, "u" + i, "u" + i + "@example.com", UserType.PrivateUser);
        }
        String token = d.rooms().list(ALICE, account, null, 1, null).nextToken();
        assertThat(token).isNotNull();
        assertFails(() -> d.users().list(ALICE, account, null, null, 1, token), Failure.BAD_REQUEST);
        assertFails(() -> d.rooms().list(ALICE, other, null, 1, token), Failure.BAD_REQUEST);
        char last = token.charAt(token.length() - 2);
        String tampered =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertFails(() -> d.rooms().list(ALICE, account, null, 1, tampered), Failure.BAD_REQUEST);
        assertThat(d.rooms().list(ALICE, account, null, 1, token).items()).hasSize(1);
    }

    @Test
    void limitsCountPerAccountAndPerRoom() {
        RoomsDomain d = domain(new Limits(2, 1_000, 2, 1));
        String account = d.accounts().create(ALICE, "acct").accountId();
        String room = d.rooms().create(ALICE, account, "one", null).roomId();
        d.rooms().create(ALICE, account, "two", null);
        assertFails(() -> d.rooms().create(ALICE, account, "three", null), Failure.LIMIT_EXCEEDED);

        d.bots().create(ALICE, account, "bot one", null);
        assertFails(() -> d.bots().create(ALICE, account, "bot two", null), Failure.LIMIT_EXCEEDED);

        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(d.users()
                    .create(ALICE, account, "u" + i, "u" + i + "@example.com", UserType.PrivateUser)
                    .userId());
        }
        List<BatchAdd.Outcome> outcomes = d.memberships()
                .addAll(
                        ALICE,
                        account,
                        room,
                        users.stream()
                                .map(u -> new BatchAdd.Item(u, Role.Member))
                                .toList());
        assertThat(outcomes.stream().filter(o -> o.failure() == null)).hasSize(2);
        assertThat(outcomes.stream().filter(o -> o.failure() != null).map(BatchAdd.Outcome::failure))
                .containsExactly(Failure.LIMIT_EXCEEDED);
        // re-adding a member who is already in is an update (D8), not another seat
        assertThat(d.memberships()
                        .add(ALICE, account, room, users.get(0), Role.Administrator)
                        .role())
                .isEqualTo(Role.Administrator);
    }

    @Test
    void anotherTenantSeesNothing() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String room = d.rooms().create(ALICE, account, "Ops", null).roomId();
        assertFails(() -> d.rooms().get(MALLORY, account, room), Failure.NOT_FOUND);
        assertThat(d.accounts().list(MALLORY, null, null, null, null).items()).isEmpty();
    }

    @Test
    void theDefaultLimitsAreChimesQuotas() {
        assertThat(Limits.chimeDefaults()).isEqualTo(new Limits(1_000, 1_000, 1_500, 10));
    }

    @Test
    void updateRoomChecksTheNameAsCreateRoomDoes() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String room = d.rooms().create(ALICE, account, "Ops", null).roomId();
        assertFails(() -> d.rooms().update(ALICE, account, room, "   "), Failure.BAD_REQUEST);
        assertFails(() -> d.rooms().update(ALICE, account, room, "x".repeat(257)), Failure.BAD_REQUEST);
        assertThat(d.rooms().update(ALICE, account, room, "x".repeat(256)).name())
                .hasSize(256);
    }

    @Test
    void aSuspendedUserCannotBeAddedOneAtATimeEither() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String room = d.rooms().create(ALICE, account, "Ops", null).roomId();
        String user = d.users()
                .create(ALICE, account, "u", "u@example.com", UserType.PrivateUser)
                .userId();
        assertThat(d.users().suspend(ALICE, account, List.of(user))).isEmpty();
        assertFails(() -> d.memberships().add(ALICE, account, room, user, Role.Member), Failure.FORBIDDEN);
    }

    @Test
    void theLastAdministratorMayBeRemoved() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String room = d.rooms().create(ALICE, account, "Ops", null).roomId();
        String user = d.users()
                .create(ALICE, account, "u", "u@example.com", UserType.PrivateUser)
                .userId();
        d.memberships().add(ALICE, account, room, user, Role.Administrator);
        d.memberships().remove(ALICE, account, room, user);
        assertThat(d.memberships().list(ALICE, account, room, null, null).items())
                .isEmpty();
    }

    @Test
    void aBotWithoutADomainHasNoEmailAndItsNameIsAtMost55Characters() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        assertThat(d.bots().create(ALICE, account, "plain", null).botEmail()).isNull();
        assertThat(d.bots()
                        .create(ALICE, account, "x".repeat(55), "example.com")
                        .botEmail())
                .isNotNull();
        assertFails(() -> d.bots().create(ALICE, account, "x".repeat(56), null), Failure.BAD_REQUEST);
        assertFails(() -> d.bots().create(ALICE, account, "  ", null), Failure.BAD_REQUEST);
    }

    @Test
    void anEmailBelongsToOneUserAndUpdateUserChangesTheUserType() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        String other = d.accounts().create(ALICE, "other").accountId();
        User user = d.users().create(ALICE, account, "u", "u@example.com", null);
        assertThat(user.userType()).isEqualTo(UserType.PrivateUser);
        assertFails(() -> d.users().create(ALICE, other, "v", "U@Example.com", UserType.PrivateUser), Failure.CONFLICT);
        assertThat(d.users()
                        .update(ALICE, account, user.userId(), null, UserType.SharedDevice)
                        .userType())
                .isEqualTo(UserType.SharedDevice);
    }

    private static void assertFails(Runnable call, Failure expected) {
        assertThatThrownBy(call::run)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(expected);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    // ---- issue 13: settings with a clock the test moves (D56, D57, D58) ----

    @Test
    void deletionStartsThirtyDaysAfterEachPutAndNotWhileRetentionIsOff() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        Instant first = clock.instant();
        assertThat(d.settings().putRetentionSettings(ALICE, account, 30, null).initiateDeletionAt())
                .isEqualTo(first.plus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(10));
        assertThat(d.settings().putRetentionSettings(ALICE, account, 60, 90).initiateDeletionAt())
                .isEqualTo(first.plus(Duration.ofDays(40)));
        assertThat(d.settings().retentionSettings(ALICE, account).initiateDeletionAt())
                .isEqualTo(first.plus(Duration.ofDays(40)));
        assertThat(d.settings().putRetentionSettings(ALICE, account, null, null).initiateDeletionAt())
                .isNull();
        assertThatThrownBy(() -> d.settings().retentionSettings(MALLORY, account))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).failure())
                .isEqualTo(Failure.NOT_FOUND);
    }

    @Test
    void logoutIsRecordedAtTheClocksTimeAndPinsStayUniqueOverManyResets() {
        RoomsDomain d = domain(Limits.chimeDefaults());
        String account = d.accounts().create(ALICE, "acct").accountId();
        User user = d.users().create(ALICE, account, "u", "u@example.com", null);
        d.users().logout(ALICE, account, user.userId());
        assertThat(d.users().lastLogout(ALICE, account, user.userId())).contains(clock.instant());

        java.util.Set<String> pins = new java.util.HashSet<>();
        String previous = null;
        for (int i = 0; i < 200; i++) {
            String pin =
                    d.users().resetPersonalPin(ALICE, account, user.userId()).personalPin();
            assertThat(pin).matches("\\d{10}").isNotEqualTo(previous);
            pins.add(pin);
            previous = pin;
        }
        assertThat(pins).hasSizeGreaterThan(190); // random, not a counter
        assertThat(d.users().get(ALICE, account, user.userId()).personalPin()).isEqualTo(previous);
    }
}
