package dev.belfry.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept open per SQLite connection. A profile of the batch path under load (JFR,
 * jdk.NativeMethodSample) showed NativeDB.prepare_utf8 at a fifth of all SQLite time inside the single
 * write lock: sqlite-jdbc compiles every statement anew, where PostgreSQL's driver caches them itself.
 * A connection is used by one thread at a time (the pool hands it out), so one cache needs no locking;
 * the map from physical connection to cache does, and forgets connections the pool has dropped.
 */
final class StatementCache {
    private static final int SIZE = 128;
    private static final Map<Connection, StatementCache> BY_CONNECTION =
            Collections.synchronizedMap(new WeakHashMap<>());

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

    private StatementCache(Connection physical) {
        this.physical = physical;
    }

    /** The cache of the physical connection behind a pooled one. */
    static StatementCache of(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        return BY_CONNECTION.computeIfAbsent(physical, StatementCache::new);
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
