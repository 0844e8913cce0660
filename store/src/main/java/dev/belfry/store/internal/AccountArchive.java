package dev.belfry.store.internal;

import dev.belfry.store.AccountTransfer;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/** The store's side of {@link AccountTransfer}: an account's export file written and read over JDBC. */
public final class AccountArchive {
    private final AccountExporter exporter;
    private final AccountImporter importer;

    public AccountArchive(JdbcRoomStore store) {
        this.exporter = new AccountExporter(store);
        this.importer = new AccountImporter(store);
    }

    public void export(String tenant, String accountId, Supplier<OutputStream> open) {
        exporter.export(tenant, accountId, open);
    }

    public AccountTransfer.Imported importAccount(String tenant, InputStream in, Runnable beforeCommit) {
        String[] accountId = new String[1];
        Map<String, Long> rows = importer.importAccount(tenant, in, beforeCommit, accountId);
        return new AccountTransfer.Imported(accountId[0], rows);
    }
}
