package dev.belfry.store.internal;

import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens one connection before any pool exists, so that "cannot connect" becomes one clear line
 * instead of a pool's logged stack trace.
 */
final class Connect {
    private Connect() {}

    static Properties postgresProperties(StoreConfig config) {
        Properties p = new Properties();
        if (config.username() != null) {
            p.setProperty("user", config.username());
        }
        if (config.password() != null) {
            p.setProperty("password", config.password());
        }
        long seconds = Math.max(1, config.connectTimeout().toSeconds());
        p.setProperty("connectTimeout", Long.toString(seconds));
        p.setProperty("loginTimeout", Long.toString(seconds));
        p.setProperty("ApplicationName", "belfry");
        return p;
    }

    static void probePostgres(StoreConfig config) {
        String url = config.resolvedUrl();
        try (Connection c = DriverManager.getConnection(url, postgresProperties(config))) {
            c.isValid(1);
        } catch (SQLException e) {
            throw postgresError(url, e);
        }
    }

    static StoreException postgresError(String url, SQLException e) {
        String where = "PostgreSQL at " + Redact.target(url);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = oneLine(e.getMessage());
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException(
                    "cannot log in to " + where + ": the user name or password was refused (" + why + ")", e);
        }
        if (state.equals("3D000")) {
            return new StoreException("cannot open " + where + ": " + why + "; create the database first", e);
        }
        StoreFailure failure = SqlFailures.classify(Dialect.POSTGRES, e);
        if (failure == StoreFailure.UNAVAILABLE || e.getCause() instanceof IOException) {
            return new StoreException(
                    "cannot connect to " + where + ": " + why + "; is the server running and reachable?",
                    e,
                    StoreFailure.UNAVAILABLE);
        }
        return new StoreException("cannot open " + where + ": " + why, e);
    }

    /** Creates the data directory if missing; returns it. */
    static Path createDataDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + oneLine(e.toString()), e);
        }
        return dir;
    }

    /** Creates the data directory and checks the database file can be opened. */
    static void probeSqlite(StoreConfig config) {
        String url = config.resolvedUrl();
        if (config.dataDir() != null) {
            Path dir = createDataDirectory(config.dataDir());
            if (config.jdbcUrl() == null) { // the default file in the data directory, not a URL of the operator's
                DataDirectoryMark.refuseLostDatabase(dir);
                SchemaTemplate.installIfNew(dir.resolve(StoreConfig.SQLITE_FILE));
            }
        }
        try (Connection c = Pools.sqliteCreating(url, false).getConnection()) {
            c.isValid(1);
            if (config.dataDir() != null && config.jdbcUrl() == null) {
                DataDirectoryMark.mark(config.dataDir());
            }
        } catch (SQLException e) {
            String file = url.substring("jdbc:sqlite:".length());
            throw SqlFailures.sqliteFileDamaged(e)
                    ? damaged(file, e)
                    : new StoreException("cannot open the SQLite database " + file + ": " + oneLine(e.getMessage()), e);
        }
    }

    /** The message for a database file SQLite finds damaged: which file, and what an operator can do. */
    static StoreException damaged(Object file, Throwable e) {
        return new StoreException(
                "the SQLite database " + file + " is damaged (" + oneLine(e.getMessage())
                        + "); restore it from a backup, or start with a new --data directory",
                e,
                StoreFailure.UNAVAILABLE);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
