package dev.belfry.rooms;

import java.util.function.Function;

/**
 * The persistence port. Each call runs {@code work} in one database transaction; {@link #write} may run
 * it more than once when the database reports a serialization failure or deadlock, so {@code work} must
 * have no side effects outside the transaction. {@code work} may run on another caller's thread (SQLite commits
 * concurrent writes together, each isolated in a savepoint), so it must not rely on thread-local state nor call
 * the store itself. Implementations are thread-safe.
 */
public interface RoomStore extends AutoCloseable {
    <T> T read(Function<StoreTransaction, T> work);

    <T> T write(Function<StoreTransaction, T> work);

    /**
     * A secret shared by every server on this database, created on first use; signs page tokens so a
     * token issued by one server is accepted by another.
     */
    byte[] sharedSecret(String name);

    /**
     * Makes content that committed transactions deleted or overwrote (a redacted message, D75; messages past their
     * retention, D76) unrecoverable from the database's files soon, off the caller's thread: SQLite overwrites freed
     * space as it goes and truncates its write-ahead log, PostgreSQL vacuums the table.
     */
    void scrubDeletedContent();

    /**
     * Calls {@code listener} after each transaction of this store that queued bot events (inserted them, or made one
     * pending again) has committed, on the committing thread: how the delivery worker of this server learns of new
     * events at once instead of by polling (D95). Never for a transaction that rolled back. The listener must be quick
     * and must not call the store.
     */
    void onBotEventsQueued(Runnable listener);

    @Override
    void close();
}
