package dev.belfry.store;

import dev.belfry.rooms.RoomStore;
import dev.belfry.store.internal.JdbcRoomStore;
import java.time.Duration;

/** Opens stores: connects, brings the schema up to date, and returns a thread-safe {@link RoomStore}. */
public final class Stores {
    private Stores() {}

    /**
     * Opens the database described by {@code config} and runs pending migrations.
     *
     * @throws StoreException with a one-line message when the database is unreachable, refuses the
     *     credentials, or has a schema newer than this build
     */
    public static RoomStore open(StoreConfig config) {
        return JdbcRoomStore.open(config);
    }

    /**
     * Has HikariCP record its own pool metrics ({@code hikaricp_connections_*}, tagged by pool) in {@code registry},
     * a Micrometer {@code MeterRegistry}; the pools may already be running.
     */
    public static void bindPoolMetrics(RoomStore store, Object registry) {
        if (store instanceof JdbcRoomStore jdbc) {
            jdbc.bindPoolMetrics(registry);
        }
    }

    /**
     * A readiness check of an open store's database: a query answered within {@code timeout} and every bundled
     * migration applied, on a connection and thread of its own.
     */
    public static StoreReadiness readiness(RoomStore store, Duration timeout) {
        if (store instanceof JdbcRoomStore jdbc) {
            return jdbc.readiness(timeout);
        }
        throw new IllegalArgumentException(
                "not a store opened by Stores.open: " + store.getClass().getName());
    }

    /** Reset and snapshots of an open store's data, for {@code serve --test-mode} (D91, D92). */
    public static dev.belfry.store.internal.StateControl stateControl(RoomStore store) {
        if (store instanceof JdbcRoomStore jdbc) {
            return new dev.belfry.store.internal.StateControl(jdbc);
        }
        throw new IllegalArgumentException(
                "not a store opened by Stores.open: " + store.getClass().getName());
    }

    /** The account export and import of an open store (D126). */
    static dev.belfry.store.internal.AccountArchive archive(RoomStore store) {
        if (store instanceof JdbcRoomStore jdbc) {
            return new dev.belfry.store.internal.AccountArchive(jdbc);
        }
        throw new IllegalArgumentException(
                "not a store opened by Stores.open: " + store.getClass().getName());
    }
}
