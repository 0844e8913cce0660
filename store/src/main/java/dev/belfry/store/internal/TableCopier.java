package dev.belfry.store.internal;

import dev.belfry.store.CopyProgress;
import dev.belfry.store.StoreException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Copies every Belfry table from one store's database to another's: one consistent read of the source, batches
 * written into an empty target (one transaction per batch), then a row-count check. A PostgreSQL target gets each
 * batch through COPY (pgjdbc's CopyManager, CSV), which moves rows several times faster than batched INSERTs; other
 * targets get batched INSERTs.
 */
public final class TableCopier {
    /** Parents before children, so foreign keys hold after every batch. */
    public static final List<String> TABLES = List.of(
            "accounts",
            "users",
            "bots",
            "bot_events_configurations",
            "rooms",
            "room_tokens",
            "memberships",
            "room_webhooks",
            "room_messages", // job_leases is not copied: a lease belongs to the servers of the source
            "bot_events", // issue 15 (V8): pending events go on being delivered from the target
            "settings",
            // issue 13 (schema V4)
            "account_settings",
            "signin_delegate_groups",
            "global_settings",
            "user_settings",
            "retention_settings",
            // phone numbers (V5)
            "phone_number_tenants",
            "phone_numbers",
            "phone_number_orders",
            "phone_number_order_numbers",
            // the audit trail (V9)
            "audit_events");

    static final int BATCH = 500;
    /** COPY's batches are larger: the cost is per statement, and a batch is still one transaction of the target. */
    static final int COPY_BATCH = 5_000;

    private TableCopier() {}

    public static Map<String, Long> copy(JdbcRoomStore from, JdbcRoomStore to, CopyProgress progress) {
        requireEmpty(to);
        Map<String, Long> copied = new LinkedHashMap<>();
        try (Connection src = from.readDataSource().getConnection()) {
            from.dialect().begin(src, false); // one snapshot of the whole source
            try {
                for (String table : TABLES) {
                    copied.put(table, copyTable(src, table, to, progress));
                }
            } finally {
                from.dialect().rollback(src);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
        Map<String, Long> target = counts(to);
        if (!target.equals(copied)) {
            throw new StoreException("copy incomplete: copied " + copied + " but the target holds " + target);
        }
        return copied;
    }

    public static Map<String, Long> counts(JdbcRoomStore store) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = store.readDataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
        return out;
    }

    private static void requireEmpty(JdbcRoomStore to) {
        if (counts(to).values().stream().anyMatch(n -> n > 0)) {
            throw new StoreException("the target database is not empty; copy into a new, empty database");
        }
    }

    private static long copyTable(Connection src, String table, JdbcRoomStore to, CopyProgress progress)
            throws SQLException {
        long rowsInSource;
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            rowsInSource = rs.getLong(1);
        }
        progress.copied(table, 0, rowsInSource);
        boolean copy = to.dialect() == Dialect.POSTGRES;
        int batchSize = copy ? COPY_BATCH : BATCH;
        long total = 0;
        try (Statement s = src.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                        + Sql.marks(cols.size()) + ")";
                String copyIn = "COPY " + table + " (" + String.join(", ", cols) + ") FROM STDIN (FORMAT csv)";
                List<Object[]> batch = new ArrayList<>(batchSize);
                while (rs.next()) {
                    Object[] row = new Object[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1); // text is lossless for ids, names and millis; typed on insert
                    }
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        total += copy ? copyIn(to, copyIn, batch) : flush(to, table, insert, batch);
                        progress.copied(table, total, rowsInSource);
                    }
                }
                if (!batch.isEmpty()) {
                    total += copy ? copyIn(to, copyIn, batch) : flush(to, table, insert, batch);
                    progress.copied(table, total, rowsInSource);
                }
            }
        }
        return total;
    }

    /**
     * One batch through PostgreSQL's COPY, as CSV: every value quoted, so an unquoted empty field is SQL NULL and a
     * quoted one the empty string. Booleans arrive from SQLite as 0/1, which PostgreSQL's boolean input takes.
     */
    private static int copyIn(JdbcRoomStore to, String copyIn, List<Object[]> batch) {
        List<Object[]> rows = List.copyOf(batch);
        batch.clear();
        StringBuilder csv = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                String v = (String) row[i];
                if (v != null) {
                    csv.append('"').append(v.replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        to.writeRaw(c -> {
            try {
                new CopyManager(c.unwrap(BaseConnection.class)).copyIn(copyIn, new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
        });
        return rows.size();
    }

    private static int flush(JdbcRoomStore to, String table, String insert, List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = List.copyOf(batch);
        batch.clear();
        to.writeRaw(c -> {
            int[] types = targetTypes(c, table);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, (String) row[i], types[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        return rows.size();
    }

    private static int[] targetTypes(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            int[] types = new int[md.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = md.getColumnType(i + 1);
            }
            return types;
        }
    }

    /** SQLite hands booleans back as 0/1 and PostgreSQL as t/f; each target gets its own type. */
    private static void bind(PreparedStatement ps, int at, String v, int type) throws SQLException {
        if (v == null) {
            ps.setNull(at, type);
        } else if (type == Types.BIGINT || type == Types.INTEGER) {
            ps.setLong(at, Long.parseLong(v));
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
            ps.setBoolean(at, v.equals("1") || v.equalsIgnoreCase("t") || v.equalsIgnoreCase("true"));
        } else {
            ps.setString(at, v);
        }
    }
}
