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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        store.writeRaw(c -> deleteTenant(c, tenantId));
    }

    private static void deleteTenant(Connection c, String tenantId) throws SQLException {
        String accounts = "(SELECT account_id FROM accounts WHERE aws_account_id = ?)";
        for (String table : childrenFirst()) {
            String where = TableOwners.owner(table) == TableOwners.Owner.ACCOUNT
                    ? TableOwners.accountRows(table, accounts)
                    : TableOwners.tenantRows(table);
            delete(c, table, where, tenantId);
        }
    }

    /**
     * Deletes one account and everything in it; its tenant's phone numbers stay, those assigned to it unassigned (the
     * schema's ON DELETE SET NULL). Answers false when there is no such account.
     */
    public boolean resetAccount(String accountId) {
        boolean[] found = {false};
        store.writeRaw(c -> found[0] = deleteAccount(c, accountId));
        return found[0];
    }

    /** Deletes one account's rows; true when the account was there. */
    private static boolean deleteAccount(Connection c, String accountId) throws SQLException {
        boolean found = false;
        for (String table : childrenFirst()) {
            if (TableOwners.owner(table) == TableOwners.Owner.ACCOUNT) {
                int n = delete(c, table, TableOwners.accountRows(table, "(?)"), accountId);
                found |= table.equals("accounts") && n > 0;
            }
        }
        return found;
    }

    /** What a scoped restore found (D99). */
    public enum Scoped {
        RESTORED,
        NO_SNAPSHOT,
        /** Neither the server nor the snapshot has the account: nothing changed. */
        NO_ACCOUNT
    }

    /**
     * Puts one account back as the snapshot {@code name} has it (D99): its current rows go, the snapshot's rows of
     * it come back, every other account and the tenant's own rows stay as they are. An account the snapshot does not
     * have is deleted, as {@link #resetAccount} does.
     */
    public Scoped restoreAccount(String name, String accountId) {
        Map<String, Rows> tables = snapshots.get(name);
        if (tables == null) {
            return Scoped.NO_SNAPSHOT;
        }
        Map<String, Rows> rows = scope(tables, Set.of(accountId), null);
        boolean inSnapshot = !rows.get("accounts").values().isEmpty();
        boolean[] found = {false};
        store.writeRaw(c -> {
            found[0] = deleteAccount(c, accountId) | inSnapshot;
            insertAll(c, rows);
        });
        return found[0] ? Scoped.RESTORED : Scoped.NO_ACCOUNT;
    }

    /**
     * Puts one tenant back as the snapshot {@code name} has it (D99): its accounts with everything in them, its phone
     * numbers and global settings; other tenants' rows stay.
     */
    public Scoped restoreTenant(String name, String tenantId) {
        Map<String, Rows> tables = snapshots.get(name);
        if (tables == null) {
            return Scoped.NO_SNAPSHOT;
        }
        Set<String> accounts = new HashSet<>();
        Rows all = tables.get("accounts");
        int tenantColumn = all.columns().indexOf("aws_account_id");
        int idColumn = all.columns().indexOf("account_id");
        for (Object[] row : all.values()) {
            if (tenantId.equals(String.valueOf(row[tenantColumn]))) {
                accounts.add(String.valueOf(row[idColumn]));
            }
        }
        Map<String, Rows> rows = scope(tables, accounts, tenantId);
        store.writeRaw(c -> {
            deleteTenant(c, tenantId);
            insertAll(c, rows);
        });
        return Scoped.RESTORED;
    }

    /**
     * A snapshot's rows of the given accounts (and, when {@code tenantId} is not null, of that tenant's own tables),
     * parents first: each table's {@link TableOwners.Link} says which column to match, against the owner's ids or
     * against the ids its parent table kept.
     */
    private static Map<String, Rows> scope(Map<String, Rows> tables, Set<String> accounts, String tenantId) {
        Map<String, Rows> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Rows> e : tables.entrySet()) {
            String table = e.getKey();
            boolean accountTable = TableOwners.owner(table) == TableOwners.Owner.ACCOUNT;
            if (!accountTable && tenantId == null) {
                continue;
            }
            TableOwners.Link link = TableOwners.link(table);
            Set<String> keys;
            if (link.parent() == null) {
                keys = accountTable ? accounts : Set.of(tenantId);
            } else {
                keys = values(kept.get(link.parent()), link.column());
            }
            Rows rows = e.getValue();
            int column = rows.columns().indexOf(link.column());
            List<Object[]> values = new ArrayList<>();
            for (Object[] row : rows.values()) {
                if (keys.contains(String.valueOf(row[column]))) {
                    values.add(row);
                }
            }
            kept.put(table, new Rows(rows.columns(), values));
        }
        return kept;
    }

    private static Set<String> values(Rows rows, String column) {
        int i = rows.columns().indexOf(column);
        Set<String> out = new HashSet<>();
        for (Object[] row : rows.values()) {
            out.add(String.valueOf(row[i]));
        }
        return out;
    }

    private static void insertAll(Connection c, Map<String, Rows> tables) throws SQLException {
        for (Map.Entry<String, Rows> e : tables.entrySet()) {
            insert(c, e.getKey(), e.getValue());
        }
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
                    insertAll(c, tables);
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
