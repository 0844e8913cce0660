package dev.belfry.bench;

import dev.belfry.rooms.RoomStore;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database for one benchmark: migrated by the store itself (Flyway, the real schema), then filled with plain
 * JDBC before the server starts, which is far faster than the API for a 1,000,000-member room.
 */
final class Seed implements AutoCloseable {
    static final String TENANT = "000000000000";
    static final String ACCOUNT = "00000000-0000-4000-a000-000000000001";
    static final long T0 = 1_700_000_000_000L;

    final String jdbcUrl;
    /** serve options that point at this database. */
    final java.util.List<String> serveOptions;

    final boolean sqlite;
    /** Room sizes whose members' room_count base() already wrote (PostgreSQL only). */
    private long[] precounted = new long[0];

    final String label;

    /** What close() removes: the SQLite data directory, or the PostgreSQL schema (with the base URL to drop it). */
    private final Path directory;

    private final String schema;
    private final String base;

    private Seed(
            String label,
            String jdbcUrl,
            java.util.List<String> serveOptions,
            boolean sqlite,
            Path directory,
            String schema,
            String base) {
        this.label = label;
        this.jdbcUrl = jdbcUrl;
        this.serveOptions = serveOptions;
        this.sqlite = sqlite;
        this.directory = directory;
        this.schema = schema;
        this.base = base;
    }

    /**
     * Removes the seeded database: a pass seeds about 2 GB (1,000,000-member rooms on both databases), which
     * earlier passes left behind in /tmp and in PostgreSQL's test database.
     */
    @Override
    public void close() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        if (directory != null && Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    static String user(long i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    static String room(long i) {
        return String.format("00000000-0000-4000-9000-%012d", i);
    }

    static Seed freshSqlite() throws Exception {
        Path dir = Files.createTempDirectory("belfry-bench-db");
        StoreConfig cfg = StoreConfig.sqlite(dir);
        migrate(cfg);
        return new Seed(
                "SQLite", cfg.resolvedUrl(), java.util.List.of("--data", dir.toString()), true, dir, null, null);
    }

    static Seed freshPostgres(String base) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        migrate(StoreConfig.jdbc(url));
        return new Seed("PostgreSQL", url, java.util.List.of("--db", url), false, null, schema, base);
    }

    private static void migrate(StoreConfig cfg) throws Exception {
        try (RoomStore store = Stores.open(cfg)) {
            // Stores.open runs the migrations
        }
    }

    Connection connect() throws SQLException {
        return connect(false);
    }

    /**
     * @param fsyncEachCommit SQLite's synchronous=FULL, as Belfry's own connections (D28): every commit is on the
     *     device before it returns. NORMAL (false) syncs only at checkpoints, which does not keep Belfry's promise.
     */
    Connection connect(boolean fsyncEachCommit) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        if (sqlite) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(fsyncEachCommit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=30000");
            }
        }
        return c;
    }

    /** The Enterprise account of the development credential's tenant, users [0, users) and rooms [0, rooms). */
    void base(long users, long rooms) throws SQLException {
        base(users, rooms, new long[0]);
    }

    /**
     * As {@link #base(long, long)}, for rooms 0, 1, … that {@link #fillRoom} will fill with users [0, members[r]):
     * on PostgreSQL each user's room_count is written with the user, because updating 1,000,000 rows afterwards took
     * 53 s of the 101 s seed (psql \timing: the INSERT … SELECT of 1,000,000 users 13 s, their UPDATE 53 s).
     */
    void base(long users, long rooms, long[] members) throws SQLException {
        this.precounted = sqlite ? new long[0] : members.clone();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO accounts (account_id, aws_account_id, name,"
                            + " account_type, status, default_license, supported_licenses, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
                p.setString(1, ACCOUNT);
                p.setString(2, TENANT);
                p.setString(3, "bench");
                p.setString(4, "EnterpriseLWA");
                p.setString(5, "Active");
                p.setString(6, "Pro");
                p.setString(7, "Basic,Pro");
                p.setLong(8, T0);
                p.executeUpdate();
            }
            c.commit();
            users(c, 0, users);
            rooms(c, 0, rooms);
        }
    }

    void users(Connection c, long from, long to) throws SQLException {
        if (!sqlite) {
            // the same rows made inside PostgreSQL by one statement per 100,000, not sent as 500-row inserts
            generated(
                    c,
                    "INSERT INTO users (user_id, account_id, primary_email, email_lower, display_name, license_type,"
                            + " user_type, registration_status, invitation_status, registered_on, invited_on, created_at,"
                            + " room_count) SELECT '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), '" + ACCOUNT
                            + "',"
                            + " 'u' || i || '@bench.example', 'u' || i || '@bench.example', 'User ' || i, 'Pro',"
                            + " 'PrivateUser', 'Registered', 'Accepted', " + T0 + ", " + T0 + ", " + T0 + " + i, "
                            + roomCount()
                            + " FROM generate_series(?::bigint, ?::bigint) AS i",
                    from,
                    to);
            return;
        }
        bulk(
                c,
                "INSERT INTO users (user_id, account_id, primary_email, email_lower, display_name, license_type,"
                        + " user_type, registration_status, invitation_status, registered_on, invited_on, created_at) VALUES ",
                12,
                from,
                to,
                (p, k, i) -> {
                    String email = "u" + i + "@bench.example";
                    p.setString(k++, user(i));
                    p.setString(k++, ACCOUNT);
                    p.setString(k++, email);
                    p.setString(k++, email);
                    p.setString(k++, "User " + i);
                    p.setString(k++, "Pro");
                    p.setString(k++, "PrivateUser");
                    p.setString(k++, "Registered");
                    p.setString(k++, "Accepted");
                    p.setLong(k++, T0);
                    p.setLong(k++, T0);
                    p.setLong(k, T0 + i);
                });
    }

    void rooms(Connection c, long from, long to) throws SQLException {
        bulk(
                c,
                "INSERT INTO rooms (room_id, account_id, name, created_by, created_at, updated_at) VALUES ",
                6,
                from,
                to,
                (p, k, i) -> {
                    p.setString(k++, room(i));
                    p.setString(k++, ACCOUNT);
                    p.setString(k++, "room " + i);
                    p.setString(k++, "arn:aws:iam::" + TENANT + ":user/bench");
                    p.setLong(k++, T0 + i);
                    p.setLong(k, T0 + i);
                });
    }

    /** SQL for user i's room_count: the number of precounted rooms whose first members include i. */
    private String roomCount() {
        StringBuilder sql = new StringBuilder("0");
        for (long size : precounted) {
            sql.append(" + CASE WHEN i < ").append(size).append(" THEN 1 ELSE 0 END");
        }
        return sql.toString();
    }

    /** Members users [0, n) in room r, added in user order, with the counts the server keeps (schemas V2, V3). */
    void fillRoom(Connection c, long r, long n) throws SQLException {
        String roomId = room(r);
        boolean counted = r < precounted.length && precounted[(int) r] == n;
        try (PreparedStatement p =
                        c.prepareStatement("UPDATE rooms SET member_count = member_count + ? WHERE room_id = ?");
                PreparedStatement q = c.prepareStatement(
                        "UPDATE users SET room_count = room_count + 1 WHERE user_id >= ? AND user_id < ?")) {
            p.setLong(1, n);
            p.setString(2, roomId);
            p.executeUpdate();
            if (!counted) {
                q.setString(1, user(0));
                q.setString(2, user(n)); // ids are zero-padded: [user(0), user(n)) is exactly users 0 … n-1
                q.executeUpdate();
            }
        }
        if (!sqlite) {
            generated(
                    c,
                    "INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at, updated_at)"
                            + " SELECT '" + roomId + "', '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), 'User',"
                            + " 'Member', 'arn:aws:iam::" + TENANT + ":user/bench', " + T0 + " + i, " + T0 + " + i"
                            + " FROM generate_series(?::bigint, ?::bigint) AS i",
                    0,
                    n);
            return;
        }
        bulk(
                c,
                "INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at, updated_at)"
                        + " VALUES ",
                7,
                0,
                n,
                (p, k, i) -> {
                    p.setString(k++, roomId);
                    p.setString(k++, user(i));
                    p.setString(k++, "User");
                    p.setString(k++, "Member");
                    p.setString(k++, "arn:aws:iam::" + TENANT + ":user/bench");
                    p.setLong(k++, T0 + i);
                    p.setLong(k, T0 + i);
                });
    }

    /** Rows [from, to) made by PostgreSQL's generate_series, 100,000 per statement (each its own commit). */
    private static void generated(Connection c, String insertSelect, long from, long to) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement p = c.prepareStatement(insertSelect)) {
            for (long i = from; i < to; i += 100_000) {
                p.setLong(1, i);
                p.setLong(2, Math.min(to, i + 100_000) - 1);
                p.executeUpdate();
            }
        }
    }

    interface Binder {
        void bind(PreparedStatement p, int firstIndex, long i) throws SQLException;
    }

    private void bulk(Connection c, String insert, int cols, long from, long to, Binder binder) throws SQLException {
        final int rows = 500;
        c.setAutoCommit(true);
        if (sqlite) {
            // seeding only: no fsync, a large page cache (random inserts into the e-mail and member indexes)
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-262144");
            }
        }
        c.setAutoCommit(false);
        StringBuilder values = new StringBuilder();
        String tuple = "(" + "?,".repeat(cols - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            values.append(i == 0 ? "" : ",").append(tuple);
        }
        try (PreparedStatement full = c.prepareStatement(insert + values)) {
            long i = from;
            long sinceCommit = 0;
            for (; i + rows <= to; i += rows) {
                for (int r = 0; r < rows; r++) {
                    binder.bind(full, r * cols + 1, i + r);
                }
                full.executeUpdate();
                if ((sinceCommit += rows) >= 50_000) {
                    c.commit();
                    sinceCommit = 0;
                }
            }
            for (; i < to; i++) {
                try (PreparedStatement one = c.prepareStatement(insert + tuple)) {
                    binder.bind(one, 1, i);
                    one.executeUpdate();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
