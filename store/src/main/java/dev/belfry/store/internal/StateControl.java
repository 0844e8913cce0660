package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code serve --test-mode}'s reset and named snapshots (D91, D92): whole-table statements over the tables
 * {@link TableCopier#TABLES} lists (the ones that hold tenants' data; {@link TableOwners} says whose), each in one
 * write transaction, so a test sees either the old state or the new one. Server-wide rows (shared secrets, leases)
 * are never touched: servers on the database keep agreeing on page tokens across a reset. Snapshots live in this
 * server's memory, not in the database: they are a test's device, gone with the process.
 */
public final class StateControl {
    private final JdbcRoomStore store;
    private final Map<String, Map<String, Rows>> snapshots = new ConcurrentHashMap<>();

    public StateControl(JdbcRoomStore store) {
        this.store = store;
    }

    /** The rows of one table: its column names and values as JDBC returned them. */
    private record Rows(List<String> columns, List<Object[]> values) {}

    /** Deletes every tenant's data. */
    public void resetAll() {
        store.writeRaw(this::deleteAll, true);
    }

    /**
     * Empties every tenant table; runs with SQLite's foreign-key checks off (every child goes with its parent, so
     * the keys hold), which lets SQLite drop each table's pages without visiting its rows. secure_delete (which
     * zeroes every freed page so redacted text leaves the file, D75) is off for these statements too: a test
     * server's data is not a secret to scrub, and zeroing tripled a reset's time. PostgreSQL truncates.
     */
    private void deleteAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (store.dialect() != Dialect.SQLITE) {
                s.executeUpdate("TRUNCATE " + String.join(", ", childrenFirst()));
                return;
            }
            s.execute("PRAGMA secure_delete = OFF");
            try {
                for (String table : childrenFirst()) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            } finally {
                s.execute("PRAGMA secure_delete = ON");
            }
        }
    }

    /** Deletes one tenant's data: its accounts with everything in them, its phone numbers and global settings. */
    public void resetTenant(String tenantId) {
        String accounts = "(SELECT account_id FROM accounts WHERE aws_account_id = ?)";
        store.writeRaw(c -> {
            for (String table : childrenFirst()) {
                String where = TableOwners.owner(table) == TableOwners.Owner.ACCOUNT
                        ? TableOwners.accountRows(table, accounts)
                        : TableOwners.tenantRows(table);
                delete(c, table, where, tenantId);
            }
        });
    }

    /**
     * Deletes one account and everything in it; its tenant's phone numbers stay, those assigned to it unassigned (the
     * schema's ON DELETE SET NULL). Answers false when there is no such account.
     */
    public boolean resetAccount(String accountId) {
        boolean[] found = {false};
        store.writeRaw(c -> {
            found[0] = false;
            for (String table : childrenFirst()) {
                if (TableOwners.owner(table) == TableOwners.Owner.ACCOUNT) {
                    int n = delete(c, table, TableOwners.accountRows(table, "(?)"), accountId);
                    found[0] |= table.equals("accounts") && n > 0;
                }
            }
        });
        return found[0];
    }

    /** Records the whole state under {@code name} (replacing a snapshot of that name), from one consistent read. */
    public void snapshot(String name) {
        Map<String, Rows> tables = new LinkedHashMap<>();
        try (Connection c = store.readDataSource().getConnection()) {
            store.dialect().begin(c, false);
            try (Statement s = c.createStatement()) {
                for (String table : parentsFirst()) {
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                        tables.put(table, rows(rs));
                    }
                }
            } finally {
                store.dialect().rollback(c);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
        snapshots.put(name, tables);
    }

    /** Replaces the whole state by the snapshot {@code name}; false when there is none of that name. */
    public boolean restore(String name) {
        Map<String, Rows> tables = snapshots.get(name);
        if (tables == null) {
            return false;
        }
        store.writeRaw(
                c -> {
                    deleteAll(c);
                    for (Map.Entry<String, Rows> e : tables.entrySet()) {
                        insert(c, e.getKey(), e.getValue());
                    }
                },
                true);
        return true;
    }

    public boolean deleteSnapshot(String name) {
        return snapshots.remove(name) != null;
    }

    public List<String> snapshotNames() {
        List<String> names = new ArrayList<>(snapshots.keySet());
        Collections.sort(names);
        return names;
    }

    /** The tables holding tenants' data, parents before children (inserts keep foreign keys true). */
    private static List<String> parentsFirst() {
        List<String> tables = new ArrayList<>(TableCopier.TABLES);
        tables.removeIf(t -> TableOwners.owner(t) == TableOwners.Owner.SERVER);
        return tables;
    }

    /** Children before parents, so foreign keys hold after each delete. */
    private static List<String> childrenFirst() {
        List<String> tables = parentsFirst();
        Collections.reverse(tables);
        return tables;
    }

    private static int delete(Connection c, String table, String where, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
            ps.setString(1, id);
            return ps.executeUpdate();
        }
    }

    private static Rows rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<Object[]> values = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[cols.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            values.add(row);
        }
        return new Rows(List.copyOf(cols), values);
    }

    private static void insert(Connection c, String table, Rows rows) throws SQLException {
        if (rows.values().isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", rows.columns()) + ") VALUES ("
                + Sql.marks(rows.columns().size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows.values()) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++pending == TableCopier.BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot restore table " + table + ": " + e.getMessage());
        }
    }
}
