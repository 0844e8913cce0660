package dev.belfry.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prepared statements kept open per SQLite connection. A profile of the batch path under load (JFR,
 * jdk.NativeMethodSample) showed NativeDB.prepare_utf8 at a fifth of all SQLite time inside the single
 * write lock: sqlite-jdbc compiles every statement anew, where PostgreSQL's driver caches them itself.
 * A connection is used by one thread at a time (the pool hands it out), so a cache needs no locking. Each cache
 * belongs to its connection ({@link StatementCachingDataSource}) and is closed with it.
 */
final class StatementCache {
    private static final int SIZE = 128;
    /** Caches of connections not yet closed: what {@code StatementCacheRotationTest} watches stay flat. */
    private static final AtomicInteger LIVE = new AtomicInteger();

    private final Connection physical;
    private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };
    private boolean closed;

    StatementCache(Connection physical) {
        this.physical = physical;
        LIVE.incrementAndGet();
    }

    /** The cache of the physical connection behind a pooled one. */
    static StatementCache of(Connection pooled) throws SQLException {
        return pooled.unwrap(StatementCachingDataSource.Owner.class).statementCache();
    }

    /** How many caches belong to connections that are still open. */
    static int live() {
        return LIVE.get();
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = physical.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** After a failure the statement's state is unknown: drop it. */
    void discard(String sql) {
        closeQuietly(statements.remove(sql));
    }

    /** The connection is closing: close every kept statement. Runs on the pool's closing thread, once. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        LIVE.decrementAndGet();
        for (PreparedStatement ps : new ArrayList<>(statements.values())) {
            closeQuietly(ps);
        }
        statements.clear();
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a dead connection: nothing to keep
            }
        }
    }
}
