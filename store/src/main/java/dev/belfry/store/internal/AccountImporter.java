package dev.belfry.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.belfry.store.AccountTransferException;
import dev.belfry.store.AccountTransferException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads an account's export file (D127) into the store as one write transaction, while the file streams in: rows are
 * inserted in batches as they are parsed, and only the ids other rows refer to (users, bots, rooms, webhooks) are
 * kept in memory. Anything wrong with the file (its syntax, format, version, columns, a row's values, a row that
 * points outside the account, D129), an account or id that already exists, or {@code beforeCommit} failing rolls the
 * whole transaction back: an account is imported whole or not at all.
 */
final class AccountImporter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final int BATCH = 500;

    private final JdbcRoomStore store;

    AccountImporter(JdbcRoomStore store) {
        this.store = store;
    }

    /**
     * Imports the file into {@code tenant}; answers the account id and each table's row count. {@code beforeCommit}
     * runs once the whole file is read and written, inside the transaction (the server checks the body's signed hash
     * there).
     */
    Map<String, Long> importAccount(String tenant, InputStream in, Runnable beforeCommit, String[] accountId) {
        AtomicBoolean started = new AtomicBoolean();
        Map<String, Long> counts = new LinkedHashMap<>();
        store.writeRaw(c -> {
            if (!started.compareAndSet(false, true)) {
                // the stream is spent: a transaction the database asks to re-run cannot be, so the client retries
                throw new dev.belfry.store.StoreException(
                        "The database asked to run the import again, which a streamed file cannot be; nothing was"
                                + " imported. Try again.",
                        null,
                        dev.belfry.store.StoreFailure.BUSY);
            }
            try (JsonParser p = JSON.createParser(in)) {
                new Run(c, p, tenant, counts, accountId).file();
                beforeCommit.run();
            } catch (JsonProcessingException e) {
                throw bad(e.getLocation(), e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return counts;
    }

    /** One import: the parser, the transaction's connection and the ids seen so far. */
    private static final class Run {
        private final Connection c;
        private final JsonParser p;
        private final String tenant;
        private final Map<String, Long> counts;
        private final String[] accountIdOut;
        private final Map<String, Set<String>> ids = new HashMap<>();
        private String accountId;

        Run(Connection c, JsonParser p, String tenant, Map<String, Long> counts, String[] accountIdOut) {
            this.c = c;
            this.p = p;
            this.tenant = tenant;
            this.counts = counts;
            this.accountIdOut = accountIdOut;
        }

        void file() throws IOException, SQLException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the file must be one JSON object");
            field("format");
            String format = text("format");
            if (!AccountExporter.FORMAT.equals(format)) {
                throw bad(
                        p.currentLocation(),
                        "\"format\" is \"" + format + "\", not \"" + AccountExporter.FORMAT
                                + "\": this is not a Belfry account export");
            }
            field("formatVersion");
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != AccountExporter.FORMAT_VERSION) {
                throw bad(
                        p.currentLocation(),
                        "\"formatVersion\" " + p.getText() + " is not one this server reads" + " (it reads "
                                + AccountExporter.FORMAT_VERSION + ")");
            }
            field("accountId");
            accountId = text("accountId");
            accountIdOut[0] = accountId;
            requireNewAccount();
            field("tables");
            expect(p.nextToken(), JsonToken.START_OBJECT, "\"tables\" must be an object");
            for (AccountTables.Table table : AccountTables.TABLES) {
                field(table.name());
                counts.put(table.name(), table(table.name()));
            }
            expect(p.nextToken(), JsonToken.END_OBJECT, "\"tables\" has a table this format does not have");
            expect(p.nextToken(), JsonToken.END_OBJECT, "the file has a field after \"tables\"");
            if (p.nextToken() != null) {
                throw bad(p.currentLocation(), "there is more after the file's object");
            }
            if (counts.get("accounts") != 1) {
                throw bad(p.currentLocation(), "\"accounts\" must hold exactly the one account " + accountId);
            }
        }

        private void requireNewAccount() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts WHERE account_id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new AccountTransferException(
                                Kind.CONFLICT,
                                "The account " + accountId + " already exists on this server; nothing was imported."
                                        + " Delete it first, or import into another server.");
                    }
                }
            }
        }

        private long table(String table) throws IOException, SQLException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "table \"" + table + "\" must be an object");
            field("columns");
            List<ArchiveColumns.Column> cols = columns(table);
            field("rows");
            expect(p.nextToken(), JsonToken.START_ARRAY, "\"rows\" of \"" + table + "\" must be an array");
            String tenantColumn = AccountTables.TENANT_COLUMNS.get(table);
            List<String> names = new ArrayList<>(
                    cols.stream().map(ArchiveColumns.Column::name).toList());
            if (tenantColumn != null) {
                names.add(tenantColumn);
            }
            int perStatement = Math.max(1, Math.min(BATCH, 30_000 / names.size()));
            List<Object[]> pending = new ArrayList<>(perStatement);
            long rows = 0;
            try (PreparedStatement full = c.prepareStatement(insert(table, names, perStatement))) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Object[] values = row(table, cols);
                    if (tenantColumn != null) {
                        values[cols.size()] = tenant;
                    }
                    pending.add(values);
                    rows++;
                    if (pending.size() == perStatement) {
                        flush(table, full, pending, cols);
                    }
                }
                if (!pending.isEmpty()) {
                    try (PreparedStatement rest = c.prepareStatement(insert(table, names, pending.size()))) {
                        flush(table, rest, pending, cols);
                    }
                }
            }
            expect(p.nextToken(), JsonToken.END_OBJECT, "table \"" + table + "\" has a field after \"rows\"");
            return rows;
        }

        private static String insert(String table, List<String> names, int rows) {
            StringBuilder sql = new StringBuilder("INSERT INTO ")
                    .append(table)
                    .append(" (")
                    .append(String.join(", ", names))
                    .append(") VALUES ");
            String one = "(" + Sql.marks(names.size()) + ")";
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ", ").append(one);
            }
            return sql.toString();
        }

        /** The file's columns must be this server's, in its order: a file of another schema is refused whole. */
        private List<ArchiveColumns.Column> columns(String table) throws IOException, SQLException {
            List<ArchiveColumns.Column> expected = ArchiveColumns.inFile(c, table);
            List<String> given = new ArrayList<>();
            expect(p.nextToken(), JsonToken.START_ARRAY, "\"columns\" of \"" + table + "\" must be an array");
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                given.add(p.getText());
            }
            List<String> names =
                    expected.stream().map(ArchiveColumns.Column::name).toList();
            if (p.currentToken() != JsonToken.END_ARRAY || !given.equals(names)) {
                throw bad(
                        p.currentLocation(),
                        "the columns of \"" + table + "\" are " + given + "; this server's are " + names
                                + " (export and import with the same format version)");
            }
            return expected;
        }

        /** One row's values, checked against the columns' kinds, with a free slot for the tenant column. */
        private Object[] row(String table, List<ArchiveColumns.Column> cols) throws IOException {
            JsonLocation at = p.currentLocation();
            expect(p.currentToken(), JsonToken.START_ARRAY, "each row of \"" + table + "\" must be an array");
            Object[] values = new Object[cols.size() + 1];
            for (int i = 0; i < cols.size(); i++) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    throw bad(at, "a row of \"" + table + "\" has " + i + " values, not " + cols.size());
                }
                values[i] = value(table, cols.get(i), t);
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw bad(at, "a row of \"" + table + "\" has more than " + cols.size() + " values");
            }
            return values;
        }

        private Object value(String table, ArchiveColumns.Column col, JsonToken t) throws IOException {
            String where = "\"" + table + "\"." + col.name();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            switch (col.kind()) {
                case NUMBER -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw bad(p.currentLocation(), where + " must be a whole number or null");
                    }
                    return p.getLongValue();
                }
                case BOOLEAN -> {
                    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                        throw bad(p.currentLocation(), where + " must be true, false or null");
                    }
                    return t == JsonToken.VALUE_TRUE;
                }
                default -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw bad(p.currentLocation(), where + " must be a string or null");
                    }
                    String v = p.getText();
                    owned(table, col.name(), v);
                    return v;
                }
            }
        }

        /** A row may only belong to, and point into, the file's own account (D129). */
        private void owned(String table, String column, String value) {
            if (column.equals("account_id") && !value.equals(accountId)) {
                throw bad(
                        p.currentLocation(),
                        "a row of \"" + table + "\" belongs to the account " + value + ", not to the file's account "
                                + accountId);
            }
            String idOf = AccountTables.ID_COLUMNS.get(table);
            if (column.equals(idOf)) {
                ids.computeIfAbsent(table, k -> new HashSet<>()).add(value);
            }
            List<String> targets =
                    AccountTables.REFERENCES.getOrDefault(table, Map.of()).get(column);
            if (targets != null
                    && targets.stream()
                            .noneMatch(t -> ids.getOrDefault(t, Set.of()).contains(value))) {
                throw bad(
                        p.currentLocation(),
                        "\"" + table + "\"." + column + " " + value + " is not one of the" + " file's "
                                + String.join(" or ", targets));
            }
        }

        /** Sends the pending rows as one multi-row INSERT (one round trip, one statement for the database to run). */
        private void flush(
                String table, PreparedStatement ps, List<Object[]> pending, List<ArchiveColumns.Column> cols) {
            try {
                int at = 1;
                for (Object[] values : pending) {
                    for (int i = 0; i < values.length; i++) {
                        if (i == cols.size() && values[i] == null) {
                            continue; // no tenant column in this table
                        }
                        Object v = values[i];
                        if (v == null) {
                            ps.setNull(at, cols.get(i).sqlType());
                        } else if (v instanceof Long n) {
                            ps.setLong(at, n);
                        } else if (v instanceof Boolean b) {
                            ps.setBoolean(at, b);
                        } else {
                            ps.setString(at, (String) v);
                        }
                        at++;
                    }
                }
                pending.clear();
                ps.executeUpdate();
            } catch (SQLException e) {
                if (uniqueViolation(e)) {
                    throw new AccountTransferException(
                            Kind.CONFLICT,
                            "A row of \"" + table + "\" has an id that already exists on this server, or that the file"
                                    + " holds twice (" + detail(e) + "); nothing was imported.");
                }
                if (Sql.failure(e).failure().transientFailure()) {
                    throw Sql.failure(e);
                }
                throw new AccountTransferException(
                        Kind.BAD_FILE,
                        "A row of \"" + table + "\" was refused by the database (" + detail(e)
                                + "); nothing was imported.");
            }
        }

        private void field(String name) throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw bad(
                        p.currentLocation(),
                        "expected the field \"" + name + "\" here, found "
                                + (t == JsonToken.FIELD_NAME
                                        ? "\"" + p.currentName() + "\""
                                        : String.valueOf(p.getText())));
            }
        }

        private String text(String name) throws IOException {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw bad(p.currentLocation(), "\"" + name + "\" must be a string");
            }
            return p.getText();
        }

        private void expect(JsonToken got, JsonToken wanted, String message) {
            if (got != wanted) {
                throw bad(p.currentLocation(), message);
            }
        }
    }

    /** Unique or primary key violation: SQLite's constraint code 19 (2067, 1555 extended), PostgreSQL's 23505. */
    private static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                String msg = String.valueOf(s.getMessage());
                if (state.equals("23505") || msg.contains("UNIQUE constraint failed")) {
                    return true;
                }
                if (s.getNextException() != null && uniqueViolation(s.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The database's own words about the row, on one line, without the statement. */
    private static String detail(SQLException e) {
        SQLException first = e.getNextException() != null ? e.getNextException() : e;
        String msg = String.valueOf(first.getMessage());
        int detail = msg.indexOf("Detail:");
        if (detail >= 0) {
            msg = msg.substring(detail + "Detail:".length());
        }
        int nl = msg.indexOf('\n');
        msg = (nl < 0 ? msg : msg.substring(0, nl)).strip();
        int bracket = msg.indexOf("  Call getNextException");
        return bracket < 0 ? msg : msg.substring(0, bracket);
    }

    private static AccountTransferException bad(JsonLocation at, String what) {
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new AccountTransferException(
                Kind.BAD_FILE, "The file is not a valid account export: " + where + what + "; nothing was imported.");
    }
}
