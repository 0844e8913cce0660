package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.DomainOnSqliteTest.MovableClock;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.PhoneNumber.AssociationName;
import dev.belfry.rooms.PhoneNumber.ProductType;
import dev.belfry.rooms.PhoneNumber.Status;
import dev.belfry.rooms.PhoneNumberOrder.NumberStatus;
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
 * The phone number inventory (D60–D69) on a real store with a clock the test moves; runs on SQLite and on
 * PostgreSQL ({@link PhoneNumbersOnSqliteTest}, {@link PhoneNumbersOnPostgresTest}).
 */
abstract class PhoneNumbersContract {
    static final Caller ALICE = new Caller("111122223333", "arn:aws:iam::111122223333:user/alice");
    static final Caller MALLORY = new Caller("444455556666", "arn:aws:iam::444455556666:user/mallory");

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
    RoomStore store;
    StoreConfig config;
    RoomsDomain d;
    PhoneNumberService numbers;

    abstract StoreConfig freshDatabase();

    @BeforeEach
    void open() {
        config = freshDatabase();
        reopen();
    }

    void reopen() {
        if (store != null) {
            store.close();
        }
        store = Stores.open(config);
        d = new RoomsDomain(store, clock, Limits.chimeDefaults(), AccountType.EnterpriseLWA);
        numbers = d.phoneNumbers();
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

    private Page<String> search(String area, String city, String country, String state, String tollFree) {
        return numbers.search(ALICE, area, city, country, state, tollFree, null, null, null);
    }

    @Test
    void searchFollowsTheModelsFilterRulesAndPagesThroughThePool() {
        assertThat(search("206", null, null, null, null).items())
                .hasSize(100)
                .first()
                .isEqualTo("+12065550100");
        assertThat(search(null, "seattle", null, "wa", null).items()).hasSize(100);
        assertThat(numbers.search(ALICE, null, null, null, "CA", null, null, 500, null)
                        .items())
                .hasSize(200); // Los Angeles and San Francisco
        assertThat(search(null, null, null, null, "888").items()).hasSize(100).allMatch(n -> n.startsWith("+1888555"));
        assertThat(numbers.search(ALICE, null, null, "GB", null, null, PhoneNumber.Type.Local, 500, null)
                        .items())
                .hasSize(500)
                .first()
                .isEqualTo("+442079460000");
        refused(Failure.BAD_REQUEST, () -> search(null, null, null, null, null)); // US needs a filter
        refused(Failure.BAD_REQUEST, () -> search(null, "Seattle", null, null, null)); // City needs State
        refused(Failure.BAD_REQUEST, () -> search("206", null, null, null, "800"));
        refused(Failure.BAD_REQUEST, () -> search("2O6", null, null, null, null));
        refused(Failure.BAD_REQUEST, () -> search(null, null, "GB", null, null)); // outside the US: a type
        refused(
                Failure.BAD_REQUEST,
                () -> numbers.search(ALICE, "206", null, "GB", null, null, PhoneNumber.Type.Local, null, null));
        refused(Failure.BAD_REQUEST, () -> numbers.search(ALICE, "206", null, null, null, null, null, 501, null));

        List<String> all = new ArrayList<>();
        String token = null;
        do {
            Page<String> page = numbers.search(ALICE, "206", null, null, null, null, null, 30, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertThat(all).hasSize(100).doesNotHaveDuplicates().isSorted();
        String other = numbers.search(ALICE, "212", null, null, null, null, null, 30, null)
                .nextToken();
        refused(Failure.BAD_REQUEST, () -> numbers.search(ALICE, "206", null, null, null, null, null, 30, other));
    }

    @Test
    void anOrderAcquiresPoolNumbersAndFailsTheOthers() {
        PhoneNumberOrder order = numbers.createOrder(
                ALICE, ProductType.BusinessCalling, List.of("+12065550100", "+12065550101", "+12065550100"));
        assertThat(order.status()).isEqualTo(PhoneNumberOrder.Status.Successful);
        assertThat(order.numbers())
                .extracting(PhoneNumberOrder.Ordered::status)
                .containsExactly(NumberStatus.Acquired, NumberStatus.Acquired);
        assertThat(order.createdAt()).isEqualTo(clock.instant());
        assertThat(numbers.order(ALICE, order.orderId())).isEqualTo(order);

        // owned now: no longer available to this tenant, still to another
        assertThat(search("206", null, null, null, null).items()).hasSize(98).doesNotContain("+12065550100");
        assertThat(numbers.search(MALLORY, "206", null, null, null, null, null, null, null)
                        .items())
                .contains("+12065550100");

        PhoneNumberOrder partial = numbers.createOrder(
                ALICE, ProductType.VoiceConnector, List.of("+12065550101", "+12065550102", "+19995550100"));
        assertThat(partial.status()).isEqualTo(PhoneNumberOrder.Status.Partial);
        assertThat(partial.numbers())
                .extracting(PhoneNumberOrder.Ordered::status)
                .containsExactly(NumberStatus.Failed, NumberStatus.Acquired, NumberStatus.Failed);
        assertThat(numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of("+15555550100"))
                        .status())
                .isEqualTo(PhoneNumberOrder.Status.Failed);

        refused(Failure.BAD_REQUEST, () -> numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of("206-555")));
        refused(
                Failure.BAD_REQUEST,
                () -> numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of("12065550103")));
        refused(Failure.BAD_REQUEST, () -> numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of()));
        refused(
                Failure.BAD_REQUEST,
                () -> numbers.createOrder(
                        ALICE,
                        ProductType.BusinessCalling,
                        List.of("+18005550100"))); // toll-free: not Business Calling
        refused(
                Failure.BAD_REQUEST,
                () -> numbers.createOrder(
                        ALICE, ProductType.VoiceConnector, List.of("+442079460000"))); // outside the US: SMA dial-in
        assertThat(numbers.createOrder(ALICE, ProductType.SipMediaApplicationDialIn, List.of("+442079460000"))
                        .status())
                .isEqualTo(PhoneNumberOrder.Status.Successful);

        assertThat(numbers.orders(ALICE, null, null).items()).hasSize(4);
        Page<PhoneNumberOrder> first = numbers.orders(ALICE, 3, null);
        assertThat(first.items()).hasSize(3);
        assertThat(numbers.orders(ALICE, 3, first.nextToken()).items()).hasSize(1);
        assertThat(numbers.orders(MALLORY, null, null).items()).isEmpty();
        refused(Failure.NOT_FOUND, () -> numbers.order(MALLORY, order.orderId()));

        reopen(); // survives a restart
        assertThat(numbers.order(ALICE, order.orderId())).isEqualTo(order);
    }

    @Test
    void numbersAreListedFilteredUpdatedAndIsolated() {
        numbers.createOrder(ALICE, ProductType.BusinessCalling, List.of("+12065550100", "+12065550101"));
        clock.advance(Duration.ofSeconds(1));
        numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of("+18005550100"));
        PhoneNumber n = numbers.get(ALICE, "+12065550100");
        assertThat(n.status()).isEqualTo(Status.Unassigned);
        assertThat(n.country()).isEqualTo("US");
        assertThat(n.type()).isEqualTo(PhoneNumber.Type.Local);
        assertThat(numbers.get(ALICE, "18005550100").type()).isEqualTo(PhoneNumber.Type.TollFree);
        refused(Failure.NOT_FOUND, () -> numbers.get(MALLORY, "+12065550100"));
        refused(Failure.NOT_FOUND, () -> numbers.get(ALICE, "+12065550199"));
        refused(Failure.NOT_FOUND, () -> numbers.get(ALICE, "not a number"));

        assertThat(numbers.list(ALICE, null, null, null, null, null, null).items())
                .extracting(PhoneNumber::e164)
                .containsExactly("+12065550100", "+12065550101", "+18005550100");
        assertThat(numbers.list(ALICE, null, ProductType.VoiceConnector, null, null, null, null)
                        .items())
                .extracting(PhoneNumber::e164)
                .containsExactly("+18005550100");
        Page<PhoneNumber> page = numbers.list(ALICE, Status.Unassigned, null, null, null, 2, null);
        assertThat(page.items()).hasSize(2);
        assertThat(numbers.list(ALICE, Status.Unassigned, null, null, null, 2, page.nextToken())
                        .items())
                .extracting(PhoneNumber::e164)
                .containsExactly("+18005550100");
        assertThat(numbers.list(ALICE, null, null, AssociationName.VoiceConnectorId, "vc", null, null)
                        .items())
                .isEmpty();
        refused(Failure.BAD_REQUEST, () -> numbers.list(ALICE, null, null, AssociationName.UserId, null, null, null));
        assertThat(numbers.list(MALLORY, null, null, null, null, null, null).items())
                .isEmpty();

        clock.advance(Duration.ofSeconds(1));
        PhoneNumber named = numbers.update(ALICE, "+12065550100", null, "Belfry Desk");
        assertThat(named.callingName()).isEqualTo("Belfry Desk");
        assertThat(named.callingNameStatus()).isEqualTo("UpdateSucceeded");
        assertThat(named.updatedAt()).isEqualTo(clock.instant());
        assertThat(numbers.update(ALICE, "+12065550100", ProductType.VoiceConnector, null)
                        .productType())
                .isEqualTo(ProductType.VoiceConnector);
        refused(Failure.BAD_REQUEST, () -> numbers.update(ALICE, "+12065550100", ProductType.BusinessCalling, "Desk"));
        refused(Failure.BAD_REQUEST, () -> numbers.update(ALICE, "+12065550100", null, null));
        refused(Failure.BAD_REQUEST, () -> numbers.update(ALICE, "+12065550100", null, "Desk!"));
        refused(Failure.BAD_REQUEST, () -> numbers.update(ALICE, "+18005550100", ProductType.BusinessCalling, null));
        refused(Failure.NOT_FOUND, () -> numbers.update(MALLORY, "+12065550100", null, "Mallory"));
        assertThat(numbers.update(ALICE, "+12065550100", null, "").callingNameStatus())
                .isEqualTo("Unassigned");

        List<PhoneNumberService.PhoneNumberError> errors = numbers.batchUpdate(
                ALICE,
                List.of(
                        new PhoneNumberService.UpdateItem("+12065550101", null, "Front Desk"),
                        new PhoneNumberService.UpdateItem("+12065550199", null, "Nobody"),
                        new PhoneNumberService.UpdateItem("+18005550100", ProductType.BusinessCalling, null)));
        assertThat(errors)
                .extracting(
                        PhoneNumberService.PhoneNumberError::phoneNumberId,
                        PhoneNumberService.PhoneNumberError::failure)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("+12065550199", Failure.NOT_FOUND),
                        org.assertj.core.groups.Tuple.tuple("+18005550100", Failure.BAD_REQUEST));
        assertThat(numbers.get(ALICE, "+12065550101").callingName()).isEqualTo("Front Desk");
        List<PhoneNumberService.UpdateItem> tooMany = new ArrayList<>();
        for (int i = 0; i <= PhoneNumberService.BATCH_MAX; i++) {
            tooMany.add(new PhoneNumberService.UpdateItem("+12065550101", null, "X" + i));
        }
        refused(Failure.BAD_REQUEST, () -> numbers.batchUpdate(ALICE, tooMany));
    }

    @Test
    void deletedNumbersWaitSevenDaysInTheQueueAndCanBeRestoredUntilThen() {
        numbers.createOrder(ALICE, ProductType.BusinessCalling, List.of("+12065550100", "+12065550101"));
        numbers.delete(ALICE, "+12065550100");
        PhoneNumber queued = numbers.get(ALICE, "+12065550100");
        assertThat(queued.status()).isEqualTo(Status.DeleteInProgress);
        assertThat(queued.deletionAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(search("206", null, null, null, null).items()).doesNotContain("+12065550100");
        refused(Failure.CONFLICT, () -> numbers.update(ALICE, "+12065550100", null, "Queued"));
        clock.advance(Duration.ofDays(1));
        numbers.delete(ALICE, "+12065550100"); // again: the deadline stays
        assertThat(numbers.get(ALICE, "+12065550100").deletionAt()).isEqualTo(queued.deletionAt());

        PhoneNumber restored = numbers.restore(ALICE, "+12065550100");
        assertThat(restored.status()).isEqualTo(Status.Unassigned);
        assertThat(restored.deletionAt()).isNull();
        refused(Failure.BAD_REQUEST, () -> numbers.restore(ALICE, "+12065550100"));
        refused(Failure.NOT_FOUND, () -> numbers.restore(MALLORY, "+12065550100"));

        assertThat(numbers.batchDelete(ALICE, List.of("+12065550100", "+12065550101", "+12065550199")))
                .extracting(PhoneNumberService.PhoneNumberError::phoneNumberId)
                .containsExactly("+12065550199");
        Instant deadline = numbers.get(ALICE, "+12065550101").deletionAt();
        clock.advance(Duration.between(clock.instant(), deadline).minusMillis(1));
        assertThat(numbers.get(ALICE, "+12065550101").status()).isEqualTo(Status.DeleteInProgress);
        clock.advance(Duration.ofMillis(1)); // the deadline: gone
        refused(Failure.NOT_FOUND, () -> numbers.get(ALICE, "+12065550101"));
        refused(Failure.NOT_FOUND, () -> numbers.restore(ALICE, "+12065550101"));
        assertThat(numbers.list(ALICE, null, null, null, null, null, null).items())
                .isEmpty();
        assertThat(search("206", null, null, null, null).items()).contains("+12065550100", "+12065550101");
        // and it can be ordered again
        assertThat(numbers.createOrder(ALICE, ProductType.BusinessCalling, List.of("+12065550101"))
                        .status())
                .isEqualTo(PhoneNumberOrder.Status.Successful);
    }

    @Test
    void associatingANumberMakesItTheUsersPrimaryProvisionedNumber() {
        String account = d.accounts().create(ALICE, "phones").accountId();
        String ann =
                d.users().create(ALICE, account, "ann", "ann@example.com", null).userId();
        clock.advance(Duration.ofMillis(1)); // users list in creation order
        String bob =
                d.users().create(ALICE, account, "bob", "bob@example.com", null).userId();
        numbers.createOrder(ALICE, ProductType.BusinessCalling, List.of("+12065550100", "+12065550101"));
        numbers.createOrder(ALICE, ProductType.VoiceConnector, List.of("+12065550102"));

        clock.advance(Duration.ofSeconds(3));
        numbers.associate(ALICE, account, ann, "+12065550100");
        assertThat(d.users().get(ALICE, account, ann).primaryProvisionedNumber())
                .isEqualTo("+12065550100");
        assertThat(d.users().list(ALICE, account, null, null, null, null).items())
                .extracting(User::primaryProvisionedNumber)
                .containsExactly("+12065550100", null);
        PhoneNumber n = numbers.get(ALICE, "+12065550100");
        assertThat(n.status()).isEqualTo(Status.Assigned);
        assertThat(n.userId()).isEqualTo(ann);
        assertThat(n.accountId()).isEqualTo(account);
        assertThat(n.associatedAt()).isEqualTo(clock.instant());
        assertThat(numbers.list(ALICE, null, null, AssociationName.UserId, ann, null, null)
                        .items())
                .extracting(PhoneNumber::e164)
                .containsExactly("+12065550100");
        assertThat(numbers.list(ALICE, Status.Assigned, null, AssociationName.AccountId, account, null, null)
                        .items())
                .hasSize(1);
        numbers.associate(ALICE, account, ann, "12065550100"); // the same again: nothing changes

        refused(Failure.BAD_REQUEST, () -> numbers.associate(ALICE, account, bob, "+12065550100")); // taken
        refused(Failure.BAD_REQUEST, () -> numbers.associate(ALICE, account, ann, "+12065550101")); // has one
        refused(Failure.BAD_REQUEST, () -> numbers.associate(ALICE, account, bob, "+12065550102")); // VoiceConnector
        refused(Failure.NOT_FOUND, () -> numbers.associate(ALICE, account, bob, "+12065550150")); // not owned
        refused(Failure.NOT_FOUND, () -> numbers.associate(ALICE, account, "no-such-user", "+12065550101"));
        refused(Failure.NOT_FOUND, () -> numbers.associate(MALLORY, account, bob, "+12065550101"));
        refused(Failure.BAD_REQUEST, () -> numbers.delete(ALICE, "+12065550100")); // disassociate first
        assertThat(numbers.batchDelete(ALICE, List.of("+12065550100")))
                .extracting(PhoneNumberService.PhoneNumberError::code)
                .containsExactly("PhoneNumberAssociationsExist");
        refused(Failure.CONFLICT, () -> numbers.update(ALICE, "+12065550100", ProductType.VoiceConnector, null));

        numbers.disassociate(ALICE, account, ann);
        assertThat(d.users().get(ALICE, account, ann).primaryProvisionedNumber())
                .isNull();
        assertThat(numbers.get(ALICE, "+12065550100").status()).isEqualTo(Status.Unassigned);
        numbers.disassociate(ALICE, account, ann); // nothing to disassociate: fine
        refused(Failure.NOT_FOUND, () -> numbers.disassociate(ALICE, account, "no-such-user"));

        numbers.associate(ALICE, account, bob, "+12065550101");
        d.accounts().delete(ALICE, account);
        PhoneNumber released = numbers.get(ALICE, "+12065550101");
        assertThat(released.status()).isEqualTo(Status.Unassigned);
        assertThat(released.accountId()).isNull();
    }

    @Test
    void settingsAndCountriesArePerTenantAndFollowThePool() {
        assertThat(numbers.settings(ALICE)).isEqualTo(new PhoneNumberSettings(null, null));
        numbers.updateSettings(ALICE, "Belfry Inc");
        assertThat(numbers.settings(ALICE)).isEqualTo(new PhoneNumberSettings("Belfry Inc", clock.instant()));
        assertThat(numbers.settings(MALLORY).callingName()).isNull();
        refused(Failure.BAD_REQUEST, () -> numbers.updateSettings(ALICE, "B"));
        refused(Failure.BAD_REQUEST, () -> numbers.updateSettings(ALICE, "Sixteen chars xx"));
        reopen();
        assertThat(numbers.settings(ALICE).callingName()).isEqualTo("Belfry Inc");

        assertThat(numbers.countries(ProductType.BusinessCalling))
                .containsExactly(new PhoneNumberService.Country("US", List.of(PhoneNumber.Type.Local)));
        assertThat(numbers.countries(ProductType.VoiceConnector))
                .containsExactly(new PhoneNumberService.Country(
                        "US", List.of(PhoneNumber.Type.Local, PhoneNumber.Type.TollFree)));
        assertThat(numbers.countries(ProductType.SipMediaApplicationDialIn))
                .containsExactly(
                        new PhoneNumberService.Country("GB", List.of(PhoneNumber.Type.Local)),
                        new PhoneNumberService.Country(
                                "US", List.of(PhoneNumber.Type.Local, PhoneNumber.Type.TollFree)));
    }

    @Test
    void aConfiguredPoolReplacesTheDefaultOne() {
        PhoneNumberPool pool = PhoneNumberPool.parse(
                "# test pool\n+15035550100..+15035550104 US Local OR Portland\n\n+61255500000 AU Local\n");
        RoomsDomain custom =
                new RoomsDomain(store, clock, Limits.chimeDefaults(), AccountType.Team, InvitationMailer.NONE, pool);
        assertThat(custom.phoneNumbers()
                        .search(ALICE, null, "Portland", null, "OR", null, null, null, null)
                        .items())
                .containsExactly("+15035550100", "+15035550101", "+15035550102", "+15035550103", "+15035550104");
        assertThat(custom.phoneNumbers()
                        .search(ALICE, "206", null, null, null, null, null, null, null)
                        .items())
                .isEmpty();
        assertThat(custom.phoneNumbers()
                        .createOrder(ALICE, ProductType.SipMediaApplicationDialIn, List.of("+61255500000"))
                        .status())
                .isEqualTo(PhoneNumberOrder.Status.Successful);
        assertThatThrownBy(() -> PhoneNumberPool.parse("+1206555 US Local"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> PhoneNumberPool.parse("\n+12065550100..+12065550001 US Local"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PhoneNumberPool.parse("+12065550100 US Mobile"))
                .hasMessageContaining("Local or TollFree");
    }

    /** Orders racing for one number in one tenant: exactly one acquires it (the inventory lock, D61). */
    @Test
    void racingOrdersAcquireANumberOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<PhoneNumberOrder>> orders = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                orders.add(pool.submit(() -> numbers.createOrder(
                        ALICE, ProductType.VoiceConnector, List.of("+13035550100", "+13035550101"))));
            }
            int successful = 0;
            for (java.util.concurrent.Future<PhoneNumberOrder> f : orders) {
                PhoneNumberOrder o = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                successful += o.status() == PhoneNumberOrder.Status.Successful ? 1 : 0;
                assertThat(o.status()).isIn(PhoneNumberOrder.Status.Successful, PhoneNumberOrder.Status.Failed);
            }
            assertThat(successful).isEqualTo(1);
            assertThat(numbers.list(ALICE, null, null, null, null, null, null).items())
                    .extracting(PhoneNumber::e164)
                    .containsExactly("+13035550100", "+13035550101");
        } finally {
            pool.shutdownNow();
        }
    }
}
