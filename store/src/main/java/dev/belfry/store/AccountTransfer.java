package dev.belfry.store;

import dev.belfry.rooms.RoomStore;
import dev.belfry.store.internal.AccountArchive;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One account moved between servers (issue 17, D126–D129): {@link #export} writes its export file from one
 * consistent read, {@link #importAccount} reads such a file into this store as one transaction. Both stream: an
 * account of any size goes through in constant memory but for the ids its rows refer to. The file's format is
 * described in docs/OPERATIONS.md ("Moving one account"). Thread-safe.
 */
public final class AccountTransfer {
    private final AccountArchive archive;

    private AccountTransfer(AccountArchive archive) {
        this.archive = archive;
    }

    /** The transfer of an open store's accounts; only stores opened by {@link Stores#open}. */
    public static AccountTransfer of(RoomStore store) {
        return new AccountTransfer(Stores.archive(store));
    }

    /** What an import wrote: the account's id and each table's rows, in the file's order. */
    public record Imported(String accountId, Map<String, Long> rows) {}

    /**
     * Writes the account {@code accountId} of {@code tenant} to the stream {@code open} gives. {@code open} is called
     * only once the account is found, so an unknown account ({@link AccountTransferException.Kind#NOT_FOUND}) is
     * reported before anything is written.
     */
    public void export(String tenant, String accountId, Supplier<OutputStream> open) {
        archive.export(tenant, accountId, open);
    }

    /**
     * Imports an export file into {@code tenant}, whatever tenant it was exported from (D128). {@code beforeCommit}
     * runs inside the transaction once the whole file is written; throwing from it imports nothing.
     *
     * @throws AccountTransferException for a bad file or an account or id that exists; nothing was written
     */
    public Imported importAccount(String tenant, InputStream file, Runnable beforeCommit) {
        return archive.importAccount(tenant, file, beforeCommit);
    }
}
