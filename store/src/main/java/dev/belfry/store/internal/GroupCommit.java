package dev.belfry.store.internal;

import dev.belfry.rooms.StoreTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Group commit for SQLite's single writer. Writers that arrive while another write is running queue up; the
 * next one to get the connection (the leader) runs everything queued in one transaction, each unit of work in
 * a savepoint of its own, and commits once. Every caller gets its own result or its own exception, only after
 * the commit, so each write is exactly as isolated and as durable as in a transaction of its own: units run one
 * after another, each seeing the ones before it, as they would have one transaction at a time.
 *
 * <p>Why: with one transaction per request the writer connection changed hands for every batch, and under
 * load the next thread was often not yet running when it was free (2 CPUs shared with HTTP, JSON and SigV4),
 * so the write lock sat idle between transactions; and every commit wrote the same hot pages (the room, index
 * roots) to the WAL again. A group pays one hand-over, one BEGIN and one COMMIT for all its units
 * (BENCHMARKS.md item 13). A writer that finds no one ahead of it runs at once, alone: no added latency.
 *
 * <p>Hand-written because no library offers transaction batching over a JDBC connection.
 */
final class GroupCommit {
    /** Units per transaction, so one group cannot hold the write lock for long. */
    static final int MAX_GROUP = 64;

    private final DataSource writers;
    private final Dialect dialect;
    private final WalCheckpointer checkpointer; // may be null
    private final DatabaseFileGuard guard; // may be null
    /** Run after a commit in which a unit queued bot events (D95). */
    private final Runnable botEventsQueued;

    private final List<Unit<?>> queue = new ArrayList<>(); // guarded by this
    private boolean leading; // guarded by this: a group is running

    GroupCommit(
            DataSource writers,
            Dialect dialect,
            WalCheckpointer checkpointer,
            DatabaseFileGuard guard,
            Runnable botEventsQueued) {
        this.botEventsQueued = botEventsQueued;
        this.writers = writers;
        this.dialect = dialect;
        this.checkpointer = checkpointer;
        this.guard = guard;
    }

    <T> T write(Function<StoreTransaction, T> work) {
        Unit<T> me = new Unit<>(work);
        boolean interrupted = false;
        synchronized (this) {
            queue.add(me);
        }
        try {
            while (true) {
                List<Unit<?>> group;
                synchronized (this) {
                    while (!me.done && leading) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            if (queue.remove(me)) { // not started yet: safe to give up
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted while waiting to write", e);
                            }
                            interrupted =
                                    true; // its group is running: wait for the outcome, then pass the interrupt on
                        }
                    }
                    if (me.done) {
                        return me.result();
                    }
                    // lead the oldest units (when more than MAX_GROUP wait, ours may be in a later group: loop)
                    leading = true;
                    int n = Math.min(queue.size(), MAX_GROUP);
                    group = new ArrayList<>(queue.subList(0, n));
                    queue.subList(0, n).clear();
                }
                try {
                    run(group);
                } finally {
                    synchronized (this) {
                        leading = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(List<Unit<?>> group) {
        try (Connection c = writers.getConnection()) {
            dialect.begin(c, true);
            try {
                Sql sql = new Sql(c, StatementCache.of(c), false);
                for (Unit<?> unit : group) {
                    unit.runIn(c, sql, dialect);
                }
                if (guard != null) {
                    guard.check(); // last moment before the commit: never acknowledge a write to a lost file
                }
                dialect.commit(c);
            } catch (SQLException | RuntimeException | Error e) {
                dialect.rollbackAfter(c, e);
                throw e;
            }
            boolean queued = false;
            for (Unit<?> unit : group) {
                queued |= unit.queuedBotEvents();
                unit.finish(null);
            }
            if (queued) {
                botEventsQueued.run();
            }
            if (checkpointer != null) {
                checkpointer.resetIfWanted(c); // rarely: this group and the next wait for it (tens of ms)
            }
        } catch (SQLException e) {
            failAll(group, Sql.failure(e));
        } catch (RuntimeException | Error e) {
            failAll(group, e);
        }
    }

    /** The group did not commit: no unit's work happened, and each caller learns why (and may retry). */
    private static void failAll(List<Unit<?>> group, Throwable why) {
        for (Unit<?> unit : group) {
            unit.finish(why);
        }
    }

    /** One caller's unit of work and, once its group has ended, its outcome. */
    private static final class Unit<T> {
        private final Function<StoreTransaction, T> work;
        private T value;
        private Throwable failure;
        /** Whether the work, committed, queued bot events (false when it failed: its savepoint was undone). */
        private boolean queuedBotEvents;

        volatile boolean done;

        Unit(Function<StoreTransaction, T> work) {
            this.work = work;
        }

        /** Runs the work in a savepoint: if it throws, its own changes are undone and the group goes on. */
        void runIn(Connection c, Sql sql, Dialect dialect) throws SQLException {
            exec(c, "SAVEPOINT unit");
            try {
                JdbcTransaction tx = new JdbcTransaction(sql, dialect);
                value = work.apply(tx);
                exec(c, "RELEASE unit");
                queuedBotEvents = tx.queuedBotEvents();
            } catch (RuntimeException | Error e) {
                exec(c, "ROLLBACK TO unit");
                exec(c, "RELEASE unit");
                value = null;
                failure = e;
                queuedBotEvents = false;
            }
        }

        boolean queuedBotEvents() {
            return queuedBotEvents;
        }

        /** Called once the group has committed (why == null) or failed as a whole. */
        void finish(Throwable why) {
            if (why != null) {
                value = null;
                failure = why;
            }
            done = true;
        }

        T result() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }

        private static void exec(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
