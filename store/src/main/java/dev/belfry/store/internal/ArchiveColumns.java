package dev.belfry.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of one table as an account's export file carries them, read from the database's own schema: their
 * names in the schema's order (the same on SQLite and PostgreSQL, whose migrations are the same statements) and what
 * JSON value each holds. Whole numbers (ids are text; timestamps are epoch milliseconds) are JSON numbers, booleans
 * JSON booleans on both databases (SQLite keeps them as 0/1), everything else a JSON string.
 */
final class ArchiveColumns {
    /** The JSON value a column holds. */
    enum Kind {
        NUMBER,
        BOOLEAN,
        TEXT
    }

    /** One column: its name, JSON kind and JDBC type (for a NULL on insert). */
    record Column(String name, Kind kind, int sqlType) {}

    private ArchiveColumns() {}

    /** Every column of {@code table}, the file's and the omitted ones, in the schema's order. */
    static List<Column> all(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(new Column(
                        md.getColumnName(i).toLowerCase(Locale.ROOT),
                        kind(md.getColumnTypeName(i)),
                        md.getColumnType(i)));
            }
            return out;
        }
    }

    /** The columns of {@code table} the file carries. */
    static List<Column> inFile(Connection c, String table) throws SQLException {
        List<Column> cols = new ArrayList<>(all(c, table));
        cols.removeIf(col -> AccountTables.omitted(table, col.name()));
        return cols;
    }

    /** By the declared type's name: SQLite reports it as written (BIGINT, BOOLEAN), PostgreSQL as int8, bool. */
    private static Kind kind(String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (t.contains("BOOL")) {
            return Kind.BOOLEAN;
        }
        if (t.contains("INT")) {
            return Kind.NUMBER;
        }
        return Kind.TEXT;
    }
}
