package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import dev.belfry.store.StoreReadiness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * {@link StoreReadiness} on one connection of its own (reopened after a failure) and one thread of its own. One
 * query does both checks: reading Flyway's history proves the database answers, and shows whether every bundled
 * migration is applied. A check still running when the next is asked for is shared, not repeated, so a database
 * that hangs costs one stuck thread, never one per probe; after the timeout its connection is aborted, which ends
 * the wait.
 */
final class ReadinessProbe implements StoreReadiness {
    private static final String HISTORY =
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL";

    private final DataSource plain;
    private final DatabaseFileGuard guard; // SQLite only
    private final Duration timeout;
    private final TreeSet<String> bundled;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "belfry-readiness");
        t.setDaemon(true);
        return t;
    });

    private CompletableFuture<Report> running; // guarded by this
    private volatile Connection connection; // touched by the probe thread, aborted by a timed-out caller

    ReadinessProbe(DataSource plain, DatabaseFileGuard guard, Duration timeout) {
        this.plain = plain;
        this.guard = guard;
        this.timeout = timeout;
        this.bundled = BundledSchema.bundledVersions();
    }

    @Override
    public CompletableFuture<Report> check() {
        CompletableFuture<Report> probe;
        synchronized (this) {
            if (running == null || running.isDone()) {
                try {
                    running = CompletableFuture.supplyAsync(this::probe, thread);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return CompletableFuture.completedFuture(new Report("the server is stopping", "not checked"));
                }
            }
            probe = running;
        }
        long ms = timeout.toMillis();
        return probe.copy().completeOnTimeout(null, ms, TimeUnit.MILLISECONDS).thenApply(report -> {
            if (report != null) {
                return report;
            }
            abortConnection();
            return new Report("no answer within " + ms + " ms", "not checked");
        });
    }

    private Report probe() {
        try {
            if (guard != null) {
                guard.check();
            }
            Connection c = connection;
            if (c == null) {
                c = plain.getConnection();
                connection = c;
            }
            TreeSet<String> applied = new TreeSet<>();
            TreeSet<String> failed = new TreeSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(HISTORY)) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? applied : failed).add(rs.getString(1));
                }
            }
            return new Report(Report.OK, migrations(applied, failed));
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            return new Report(why(e), "not checked");
        }
    }

    private String migrations(TreeSet<String> applied, TreeSet<String> failed) {
        if (!failed.isEmpty()) {
            return "failed: version " + String.join(", ", failed);
        }
        if (bundled == null) {
            return Report.OK; // the jar's scripts cannot be listed; start-up migrated with Flyway, which could
        }
        TreeSet<String> missing = new TreeSet<>(bundled);
        missing.removeAll(applied);
        return missing.isEmpty() ? Report.OK : "not applied: version " + String.join(", ", missing);
    }

    private static String why(Exception e) {
        if (e instanceof StoreException) {
            return Connect.oneLine(e.getMessage());
        }
        String message = Connect.oneLine(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + Connect.oneLine(cause.getMessage()) + ")";
        }
        return message;
    }

    private void abortConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.abort(Runnable::run); // closes the socket under the stuck read; close() would wait for it
            } catch (SQLException | RuntimeException e) {
                // aborting a connection already broken: nothing more to release
            }
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            Pools.closeQuietly(c);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        abortConnection();
    }
}
