package dev.belfry.store;

import java.util.concurrent.CompletableFuture;

/**
 * Whether the database can serve now: it answers a query within a short timeout and holds every migration this
 * build brings. Checks run on a connection and a thread of their own, never the request pool's, so a pool drained
 * by stuck requests or a database that stopped answering cannot hold the answer up past the timeout.
 */
public interface StoreReadiness extends AutoCloseable {
    /** What each check found: "ok", or why not, in one line an operator can act on. */
    record Report(String database, String migrations) {
        public static final String OK = "ok";

        public boolean ok() {
            return OK.equals(database) && OK.equals(migrations);
        }
    }

    /** Completes within the timeout this was made with, normally; never exceptionally. */
    CompletableFuture<Report> check();

    @Override
    void close();
}
