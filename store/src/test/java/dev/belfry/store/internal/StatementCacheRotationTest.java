package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.belfry.store.StoreConfig;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP retires every connection at least once per max lifetime (30 minutes by default). A retired connection
 * and the statements Belfry kept for it must become garbage: this rotates the reader pool's connection many
 * times, the way a long-running server does over weeks, and checks that none of the retired ones stays reachable
 * and that neither the number of live caches nor the heap grows.
 */
final class StatementCacheRotationTest {
    private static final int ROTATIONS = 600;
    private static final int STATEMENTS_PER_CONNECTION = 20;

    @TempDir
    Path temp;

    @Test
    void retiredConnectionsAndTheirStatementsAreReleased() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve(StoreConfig.SQLITE_FILE);
        Connect.probeSqlite(StoreConfig.sqlite(temp));
        List<WeakReference<Object>> retired = new ArrayList<>();
        try (HikariDataSource readers = Pools.sqliteReaders(url, StoreConfig.sqlite(temp))) {
            rotate(readers, 50, null); // warm up: classes, the pool's threads, SQLite's library
            long heapBefore = heapAfterGc();
            int liveBefore = StatementCache.live();
            rotate(readers, ROTATIONS, retired);
            awaitClosed(readers);
            long heapAfter = heapAfterGc();

            long reachable = retired.stream().filter(r -> r.get() != null).count();
            // the pool keeps at most its size of connections; every other one must be gone
            assertThat(reachable).as("retired connections still reachable").isLessThanOrEqualTo(2);
            assertThat(StatementCache.live()).as("live statement caches").isLessThanOrEqualTo(liveBefore + 1);
            // the old leak kept every retired connection with its 20 statements: 7.4 MB over 600 rotations (measured)
            assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(2L << 20);
        }
    }

    /** Borrows a connection, uses its cache as the store does, returns it, and has the pool retire it. */
    private static void rotate(HikariDataSource pool, int times, List<WeakReference<Object>> retired) throws Exception {
        for (int i = 0; i < times; i++) {
            try (Connection c = pool.getConnection()) {
                StatementCache cache = StatementCache.of(c);
                for (int s = 0; s < STATEMENTS_PER_CONNECTION; s++) {
                    PreparedStatement ps = cache.get("SELECT ? + " + s + ", '" + "x".repeat(200) + "'");
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                if (retired != null) {
                    retired.add(new WeakReference<>(c.unwrap(Connection.class)));
                }
            }
            // what max-lifetime expiry does, without waiting 30 minutes: the pool closes the connection
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The pool closes evicted connections on a thread of its own; wait until it has caught up. */
    private static void awaitClosed(HikariDataSource pool) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.getHikariPoolMXBean().getTotalConnections() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
