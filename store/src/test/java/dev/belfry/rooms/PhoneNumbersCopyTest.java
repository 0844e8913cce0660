package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.DomainOnSqliteTest.MovableClock;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.PhoneNumber.ProductType;
import dev.belfry.store.CopyReport;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreCopier;
import dev.belfry.store.Stores;
import dev.belfry.store.TestSchemas;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `belfry admin migrate` (StoreCopier) carries the whole phone number inventory from SQLite to PostgreSQL (V5). */
class PhoneNumbersCopyTest {
    private static final Caller ALICE = PhoneNumbersContract.ALICE;

    @TempDir
    Path temp;

    @Test
    void numbersOrdersAssociationsTheQueueAndSettingsAreCopied() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00.000Z"));
        String schema = TestSchemas.newName("belfry_pncopy_");
        try (RoomStore sqlite = Stores.open(StoreConfig.sqlite(temp.resolve("data")));
                RoomStore postgres = Stores.open(StoreConfig.jdbc(TestSchemas.create(schema)))) {
            RoomsDomain from = new RoomsDomain(sqlite, clock, Limits.chimeDefaults(), AccountType.EnterpriseLWA);
            String account = from.accounts().create(ALICE, "copy").accountId();
            String user = from.users()
                    .create(ALICE, account, "ann", "ann@copy.example", null)
                    .userId();
            PhoneNumberOrder order = from.phoneNumbers()
                    .createOrder(ALICE, ProductType.BusinessCalling, List.of("+12065550100", "+12065550101"));
            from.phoneNumbers().associate(ALICE, account, user, "+12065550100");
            clock.advance(Duration.ofSeconds(1));
            from.phoneNumbers().update(ALICE, "+12065550101", null, "Desk");
            from.phoneNumbers().delete(ALICE, "+12065550101");
            from.phoneNumbers().updateSettings(ALICE, "Copied Inc");

            CopyReport report = new StoreCopier().copy(sqlite, postgres);
            assertThat(report.toString()).contains("phone_numbers", "phone_number_orders");

            RoomsDomain to = new RoomsDomain(postgres, clock, Limits.chimeDefaults(), AccountType.EnterpriseLWA);
            for (String n : List.of("+12065550100", "+12065550101")) {
                assertThat(to.phoneNumbers().get(ALICE, n))
                        .isEqualTo(from.phoneNumbers().get(ALICE, n));
            }
            assertThat(to.phoneNumbers().order(ALICE, order.orderId())).isEqualTo(order);
            assertThat(to.users().get(ALICE, account, user).primaryProvisionedNumber())
                    .isEqualTo("+12065550100");
            assertThat(to.phoneNumbers().settings(ALICE))
                    .isEqualTo(from.phoneNumbers().settings(ALICE));
        } finally {
            TestSchemas.drop(schema);
        }
    }
}
