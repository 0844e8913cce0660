package dev.belfry.store.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Re-runs a whole transaction when the database says it lost a race: PostgreSQL serialization failure
 * or deadlock (40001, 40P01), SQLite busy/locked after its own busy timeout. The port promises the
 * unit of work has no side effects outside the transaction, so running it again is safe.
 */
final class Retry {
    private Retry() {}

    static final int ATTEMPTS = 5;

    static <T> T run(Dialect dialect, Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (i >= ATTEMPTS || !dialect.retryable(e)) {
                    throw e;
                }
                sleep(i);
            }
        }
    }

    /** Jittered exponential backoff: 5–10 ms, 10–20 ms, 20–40 ms, … so retrying writers spread out. */
    private static void sleep(int attempt) {
        long base = 5L << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }
}
