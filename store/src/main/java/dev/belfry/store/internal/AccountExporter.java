package dev.belfry.store.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.belfry.store.AccountTransferException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes one account's export file (D127) from one consistent read of the database, row by row as the database
 * returns them, so an account of any size goes out in constant memory. The text is written here, not by a JSON
 * library's pretty printer, because its layout is part of the format: one row a line, keys and rows in a fixed
 * order, so the same rows always give the same bytes.
 */
final class AccountExporter {
    static final String FORMAT = "belfry-account-export";
    static final int FORMAT_VERSION = 1;
    private static final int FETCH = 1_000;

    private final JdbcRoomStore store;

    AccountExporter(JdbcRoomStore store) {
        this.store = store;
    }

    /**
     * Writes the account to the stream {@code open} gives, which is asked for only once the account is found in the
     * tenant (so a caller can still answer an error before the first byte).
     */
    void export(String tenant, String accountId, Supplier<OutputStream> open) {
        try (Connection c = store.readDataSource().getConnection()) {
            int isolation = c.getTransactionIsolation();
            if (store.dialect() == Dialect.POSTGRES) { // one snapshot for every table, as SQLite's read gives
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            store.dialect().begin(c, false);
            try {
                requireAccount(c, tenant, accountId);
                Writer out = new BufferedWriter(new OutputStreamWriter(open.get(), StandardCharsets.UTF_8), 1 << 16);
                write(c, accountId, out);
                out.flush();
            } finally {
                store.dialect().rollback(c);
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAccount(Connection c, String tenant, String accountId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM accounts WHERE account_id = ? AND aws_account_id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AccountTransferException(
                            AccountTransferException.Kind.NOT_FOUND, "The account " + accountId + " does not exist.");
                }
            }
        }
    }

    private void write(Connection c, String accountId, Writer out) throws SQLException, IOException {
        out.write("{\n  \"format\": \"" + FORMAT + "\",\n  \"formatVersion\": " + FORMAT_VERSION
                + ",\n  \"accountId\": ");
        string(out, accountId);
        out.write(",\n  \"tables\": {");
        boolean first = true;
        for (AccountTables.Table table : AccountTables.TABLES) {
            out.write(first ? "\n    " : ",\n    ");
            first = false;
            writeTable(c, table, accountId, out);
        }
        out.write("\n  }\n}\n");
    }

    private void writeTable(Connection c, AccountTables.Table table, String accountId, Writer out)
            throws SQLException, IOException {
        List<ArchiveColumns.Column> cols = ArchiveColumns.inFile(c, table.name());
        string(out, table.name());
        out.write(": {\n      \"columns\": [");
        for (int i = 0; i < cols.size(); i++) {
            out.write(i == 0 ? "" : ", ");
            string(out, cols.get(i).name());
        }
        out.write("],\n      \"rows\": [");
        String sql = "SELECT " + cols.stream().map(ArchiveColumns.Column::name).collect(Collectors.joining(", "))
                + " FROM " + table.name() + " WHERE " + AccountTables.rowsOf(table.name()) + " ORDER BY "
                + table.orderBy().stream().map(this::byBytes).collect(Collectors.joining(", "));
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(any ? ",\n        [" : "\n        [");
                    any = true;
                    for (int i = 0; i < cols.size(); i++) {
                        out.write(i == 0 ? "" : ", ");
                        value(out, rs, i + 1, cols.get(i).kind());
                    }
                    out.write(']');
                }
            }
        }
        out.write(any ? "\n      ]\n    }" : "]\n    }");
    }

    /** Text ordered by its bytes on both databases: PostgreSQL's default collation would order by locale. */
    private String byBytes(String column) {
        return store.dialect() == Dialect.POSTGRES ? column + " COLLATE \"C\"" : column;
    }

    private static void value(Writer out, ResultSet rs, int at, ArchiveColumns.Kind kind)
            throws SQLException, IOException {
        switch (kind) {
            case NUMBER -> {
                long v = rs.getLong(at);
                out.write(rs.wasNull() ? "null" : Long.toString(v));
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(at);
                out.write(rs.wasNull() ? "null" : Boolean.toString(v));
            }
            case TEXT -> {
                String v = rs.getString(at);
                if (v == null) {
                    out.write("null");
                } else {
                    string(out, v);
                }
            }
        }
    }

    private static void string(Writer out, String s) throws IOException {
        out.write('"');
        out.write(JsonStringEncoder.getInstance().quoteAsString(s));
        out.write('"');
    }
}
