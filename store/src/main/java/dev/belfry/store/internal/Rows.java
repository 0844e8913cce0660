package dev.belfry.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column readers shared by the query classes: epoch millis to Instant, names to enums, nulls kept. */
final class Rows {
    private Rows() {}

    static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String col) throws SQLException {
        String v = rs.getString(col);
        return v == null ? null : Enum.valueOf(type, v);
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
