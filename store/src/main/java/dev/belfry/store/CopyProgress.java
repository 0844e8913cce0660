package dev.belfry.store;

/** Told how far a {@link StoreCopier#copy} has come, table by table, on the copying thread. */
@FunctionalInterface
public interface CopyProgress {
    CopyProgress NONE = (table, copied, total) -> {};

    /**
     * After each batch written, and once when a table starts (with {@code copied} 0).
     *
     * @param total the table's rows in the source snapshot
     */
    void copied(String table, long copied, long total);
}
