package dev.belfry.store;

import static dev.belfry.store.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.User;
import dev.belfry.store.internal.JdbcRoomStore;
import dev.belfry.store.internal.TableCopier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account's export and import at the store (D126–D129): all or nothing, tenant taken from the importer, a
 * 100,000-membership room through both databases and back to the same bytes (its figures go to BENCHMARKS.md).
 */
class AccountTransferTest {
    @TempDir
    Path temp;

    /** An account of {@code tenant} with {@code users} users, all members of one room. */
    private static Account fill(RoomStore store, String tenant, int users) {
        Account acct = account(tenant, "Acme", 0);
        Room room = room(acct.accountId(), "all-hands", 1);
        store.write(tx -> {
            tx.insertAccount(acct);
            tx.insertRoom(room);
            List<Membership> batch = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                User u = user(acct.accountId(), "u" + i + "@example.com", i);
                tx.insertUser(u);
                batch.add(membership(room, member(u), i % 10 == 0 ? Role.Administrator : Role.Member, i));
                if (batch.size() == 1_000) {
                    tx.insertMemberships(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                tx.insertMemberships(batch);
            }
            return null;
        });
        return acct;
    }

    private static byte[] export(RoomStore store, String tenant, String accountId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccountTransfer.of(store).export(tenant, accountId, () -> out);
        return out.toByteArray();
    }

    private static long rows(RoomStore store) {
        return TableCopier.counts((JdbcRoomStore) store).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    @Test
    void aRefusedImportWritesNothingAndTheTenantIsTheImporters() throws Exception {
        try (RoomStore from = Stores.open(StoreConfig.sqlite(temp.resolve("a")));
                RoomStore to = Stores.open(StoreConfig.sqlite(temp.resolve("b")))) {
            Account acct = fill(from, "111122223333", 30);
            byte[] file = export(from, "111122223333", acct.accountId());
            String text = new String(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("aws_account_id").doesNotContain("tenant_id"); // D128
            long empty = rows(to);

            // the whole file read and written, then the signed hash does not match: rolled back
            AccountTransfer transfer = AccountTransfer.of(to);
            assertThatThrownBy(() -> transfer.importAccount("444455556666", new ByteArrayInputStream(file), () -> {
                        throw new IllegalStateException("hash mismatch");
                    }))
                    .hasMessage("hash mismatch");
            assertThat(rows(to)).isEqualTo(empty);

            // a value of the wrong type deep in the memberships: BAD_FILE, with the line, and nothing written
            byte[] bad =
                    text.replaceFirst("\"User\", \"Member\"", "\"User\", 7").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> transfer.importAccount("444455556666", new ByteArrayInputStream(bad), () -> {}))
                    .isInstanceOfSatisfying(
                            AccountTransferException.class,
                            e -> assertThat(e.kind()).isEqualTo(AccountTransferException.Kind.BAD_FILE))
                    .hasMessageContaining("line ")
                    .hasMessageContaining("\"memberships\".role must be a string or null");
            assertThat(rows(to)).isEqualTo(empty);

            // another tenant imports it: the account is that tenant's, and exports to the same bytes from there
            AccountTransfer.Imported imported =
                    transfer.importAccount("444455556666", new ByteArrayInputStream(file), () -> {});
            assertThat(imported.accountId()).isEqualTo(acct.accountId());
            assertThat(imported.rows()).containsEntry("users", 30L).containsEntry("memberships", 30L);
            java.util.Optional<Account> owned = to.read(tx -> tx.account("444455556666", acct.accountId()));
            assertThat(owned).isPresent();
            assertThat(export(to, "444455556666", acct.accountId())).isEqualTo(file);
            assertThatThrownBy(() -> export(to, "111122223333", acct.accountId()))
                    .isInstanceOfSatisfying(
                            AccountTransferException.class,
                            e -> assertThat(e.kind()).isEqualTo(AccountTransferException.Kind.NOT_FOUND));

            // the same ids under a new account id: the users collide, CONFLICT, nothing written
            long before = rows(to);
            byte[] renamed =
                    text.replace(acct.accountId(), UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(
                            () -> transfer.importAccount("444455556666", new ByteArrayInputStream(renamed), () -> {}))
                    .isInstanceOfSatisfying(
                            AccountTransferException.class,
                            e -> assertThat(e.kind()).isEqualTo(AccountTransferException.Kind.CONFLICT))
                    .hasMessageContaining("\"users\"");
            assertThat(rows(to)).isEqualTo(before);
        }
    }

    @Test
    void aRoomOfOneHundredThousandMembersGoesToPostgresAndBackToTheSameBytes() throws Exception {
        String schema = TestSchemas.newName("belfry_x_");
        try (RoomStore sqlite = Stores.open(StoreConfig.sqlite(temp.resolve("big")));
                RoomStore pg = Stores.open(StoreConfig.jdbc(TestSchemas.create(schema)));
                RoomStore back = Stores.open(StoreConfig.sqlite(temp.resolve("back")))) {
            Account acct = fill(sqlite, "000000000000", 100_000);
            Path first = temp.resolve("a.json");
            long t0 = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(first)) {
                AccountTransfer.of(sqlite).export("000000000000", acct.accountId(), () -> out);
            }
            long t1 = System.nanoTime();
            AccountTransfer.Imported imported;
            try (var in = Files.newInputStream(first)) {
                imported = AccountTransfer.of(pg).importAccount("000000000000", in, () -> {});
            }
            long t2 = System.nanoTime();
            Path second = temp.resolve("b.json");
            try (OutputStream out = Files.newOutputStream(second)) {
                AccountTransfer.of(pg).export("000000000000", acct.accountId(), () -> out);
            }
            long t3 = System.nanoTime();
            try (var in = Files.newInputStream(second)) {
                AccountTransfer.of(back).importAccount("000000000000", in, () -> {});
            }
            long t4 = System.nanoTime();
            // the same-run baseline: `admin migrate`'s whole-store copy of the same rows (COPY into PostgreSQL)
            String baseline = TestSchemas.newName("belfry_m_");
            long m0;
            long m1;
            try (RoomStore target = Stores.open(StoreConfig.jdbc(TestSchemas.create(baseline)))) {
                m0 = System.nanoTime();
                new StoreCopier().copy(sqlite, target, CopyProgress.NONE);
                m1 = System.nanoTime();
            } finally {
                TestSchemas.drop(baseline);
            }
            assertThat(imported.rows()).containsEntry("memberships", 100_000L).containsEntry("users", 100_000L);
            assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
            assertThat(export(back, "000000000000", acct.accountId())).isEqualTo(Files.readAllBytes(first));
            System.out.printf(
                    "account transfer, 100,000 users in one room (%,d bytes): export SQLite %d ms, import PostgreSQL"
                            + " %d ms, export PostgreSQL %d ms, import SQLite %d ms; admin migrate of the same rows to"
                            + " PostgreSQL %d ms%n",
                    Files.size(first),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000,
                    (m1 - m0) / 1_000_000);
        } finally {
            TestSchemas.drop(schema);
        }
    }
}
