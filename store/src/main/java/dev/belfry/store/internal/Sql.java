package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A thin helper over one connection: bind parameters, run, map rows; SQLException becomes StoreException. */
final class Sql {
    /** Maps the current row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One statement of a {@link #updates} pipeline. */
    record Update(String sql, List<?> params) {}

    /** Takes the rows of one query of a {@link #queries} pipeline. */
    @FunctionalInterface
    interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** One query of a {@link #queries} pipeline. */
    record Query(String sql, List<?> params, RowSink rows) {}

    private final Connection connection;
    private final StatementCache cache;
    private final boolean pipelines;

    /**
     * @param cache kept statements of this connection (SQLite), or null to prepare each time
     * @param pipelines whether the driver sends several ';'-separated statements in one round trip (PostgreSQL)
     */
    Sql(Connection connection, StatementCache cache, boolean pipelines) {
        this.connection = connection;
        this.cache = cache;
        this.pipelines = pipelines;
    }

    Sql(Connection connection) {
        this(connection, null, false);
    }

    <T> List<T> list(String sql, Row<T> row, List<?> params) {
        PreparedStatement ps = null;
        try {
            ps = prepare(sql);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                release(ps, sql, true);
                return out;
            }
        } catch (SQLException | RuntimeException e) {
            release(ps, sql, false);
            throw e instanceof SQLException s ? failure(s) : (RuntimeException) e;
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return cache == null ? connection.prepareStatement(sql) : cache.get(sql);
    }

    /** A cached statement stays open for the next use; any other is closed. */
    private void release(PreparedStatement ps, String sql, boolean ok) {
        if (ps == null) {
            return;
        }
        try {
            if (cache == null) {
                ps.close();
            } else if (ok) {
                ps.clearParameters();
            } else {
                cache.discard(sql);
            }
        } catch (SQLException e) {
            if (cache != null) {
                cache.discard(sql);
            }
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        return list(sql, row, List.of(nullSafe(params)));
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long count(String sql, List<?> params) {
        return list(sql, rs -> rs.getLong(1), params).get(0);
    }

    int update(String sql, List<?> params) {
        PreparedStatement ps = null;
        try {
            ps = prepare(sql);
            bind(ps, params);
            int count = ps.executeUpdate();
            release(ps, sql, true);
            return count;
        } catch (SQLException | RuntimeException e) {
            release(ps, sql, false);
            throw e instanceof SQLException s ? failure(s) : (RuntimeException) e;
        }
    }

    /**
     * Writes whose counts nobody needs, in order. On PostgreSQL they travel as one ';'-separated prepared
     * statement, which the driver sends in a single round trip (a batch was 8 round trips, and under load each
     * one waits for a CPU shared with the database: BENCHMARKS.md item 12); SQLite runs in-process, where a
     * round trip costs nothing, and its driver runs only the first of several statements, so they go one by one.
     */
    void updates(List<Update> statements) {
        if (statements.isEmpty()) {
            return;
        }
        if (!pipelines || statements.size() == 1) {
            statements.forEach(u -> update(u.sql(), u.params()));
            return;
        }
        joined(
                statements.stream().map(Update::sql).toList(),
                statements.stream().map(Update::params).toList(),
                PreparedStatement::execute);
    }

    /**
     * Queries run in order, their rows handed to each one's sink: one round trip on PostgreSQL (as {@link
     * #updates}), one after another on SQLite.
     */
    void queries(List<Query> queries) {
        if (!pipelines || queries.size() == 1) {
            for (Query q : queries) {
                list(
                        q.sql(),
                        rs -> {
                            q.rows().accept(rs);
                            return null;
                        },
                        q.params());
            }
            return;
        }
        joined(
                queries.stream().map(Query::sql).toList(),
                queries.stream().map(Query::params).toList(),
                ps -> {
                    boolean rows = ps.execute();
                    for (Query q : queries) {
                        if (!rows) {
                            throw new SQLException("expected rows from: " + q.sql());
                        }
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                q.rows().accept(rs);
                            }
                        }
                        rows = ps.getMoreResults();
                    }
                });
    }

    /** Work on a bound statement. */
    @FunctionalInterface
    private interface Run {
        void run(PreparedStatement ps) throws SQLException;
    }

    /** The statements joined by ';' into one prepared statement with all their parameters, which {@code run} runs. */
    private void joined(List<String> statements, List<? extends List<?>> params, Run run) {
        String sql = String.join("; ", statements);
        List<Object> all = new ArrayList<>();
        params.forEach(all::addAll);
        PreparedStatement ps = null;
        try {
            ps = prepare(sql);
            bind(ps, all);
            run.run(ps);
            release(ps, sql, true);
        } catch (SQLException | RuntimeException e) {
            release(ps, sql, false);
            throw e instanceof SQLException s ? failure(s) : (RuntimeException) e;
        }
    }

    int update(String sql, Object... params) {
        return update(sql, List.of(nullSafe(params)));
    }

    /** Parameters may be null: List.of refuses nulls, so they travel as a marker. */
    private static Object[] nullSafe(Object[] params) {
        Object[] out = params.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = NULL;
            }
        }
        return out;
    }

    private static final Object NULL = new Object();

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int at = i + 1;
            if (p == null || p == NULL) {
                ps.setNull(at, Types.NULL); // untyped: PostgreSQL infers the column type
            } else if (p instanceof String s) {
                ps.setString(at, s);
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(at, b);
            } else if (p instanceof Instant t) {
                ps.setLong(at, t.toEpochMilli());
            } else if (p instanceof Enum<?> e) {
                ps.setString(at, e.name());
            } else {
                throw new IllegalArgumentException("cannot bind " + p.getClass());
            }
        }
    }

    /**
     * The keyset condition "(sortKey, id) > (after)" in the expanded form both databases plan well;
     * empty when listing from the start.
     */
    static String after(String sortCol, String idCol, Cursor after, List<Object> params) {
        if (after == null) {
            return "";
        }
        params.add(after.sortKey());
        params.add(after.sortKey());
        params.add(after.id());
        return " AND (" + sortCol + " > ? OR (" + sortCol + " = ? AND " + idCol + " > ?))";
    }

    /** "?, ?, ?" for an IN list. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static StoreException failure(SQLException e) {
        StoreFailure kind = SqlFailures.classify(null, e);
        String message = kind == StoreFailure.FULL // say what to do: the driver's "database or disk is full" does not
                ? "the disk holding the database is full: free space on it (writes answer 503 until then); "
                : "database error: ";
        return new StoreException(message + Connect.oneLine(e.getMessage()), e, kind);
    }
}
