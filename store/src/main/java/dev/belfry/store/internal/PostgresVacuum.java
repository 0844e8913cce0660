package dev.belfry.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * PostgreSQL keeps the old version of a row it updated or deleted in the table's pages (and its TOAST table) until
 * VACUUM prunes it: a redacted message's content stayed readable in the heap file until then. This runs {@code VACUUM
 * room_messages} off the request path after a redaction or a retention sweep (D75); requests that come while one is
 * queued share it. VACUUM cannot run inside a transaction, so it takes a pooled connection in autocommit mode. The
 * same device runs {@code ANALYZE memberships} after bulk adds (D88): without fresh statistics the planner took a
 * freshly filled room for a small one and sorted all its rows for every page of ListRoomMemberships.
 */
final class PostgresVacuum implements AutoCloseable {
    private final DataSource pool;
    private final String statement;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "belfry-postgres-vacuum");
        t.setDaemon(true);
        return t;
    });

    PostgresVacuum(DataSource pool) {
        this(pool, "VACUUM room_messages");
    }

    /** @param statement what to run, outside any transaction (VACUUM, ANALYZE) */
    PostgresVacuum(DataSource pool, String statement) {
        this.pool = pool;
        this.statement = statement;
    }

    void soon() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                queued.set(false);
            }
        }
    }

    private void run() {
        queued.set(false); // a redaction committed from now on gets a VACUUM of its own
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        } catch (SQLException | RuntimeException e) {
            // the next redaction or sweep tries again, and autovacuum gets there in the end
            System.err.println("belfry: " + statement + " failed: " + Connect.oneLine(e.getMessage()));
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
