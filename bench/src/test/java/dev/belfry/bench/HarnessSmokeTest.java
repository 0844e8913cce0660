package dev.belfry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Limits;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.ServerSettings;
import dev.belfry.store.StoreConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the harness pieces for about twelve seconds against an in-process server: not a benchmark, a smoke test. Each
 * window is long enough for a batch to finish on a loaded two-CPU machine (0.8 s was not: no batch started in it).
 */
class HarnessSmokeTest {
    @Test
    void batchesAndTheJdbcCeilingRunAndCount() throws Exception {
        Seed seed = Seed.freshSqlite();
        seed.base(1_000, 6_000);
        Path dir = Path.of(seed.serveOptions.get(1));
        ServerSettings settings = ServerSettings.defaults(StoreConfig.sqlite(dir))
                .withPort(0)
                .withCreateAccountType(AccountType.EnterpriseLWA)
                .withLimits(new Limits(100_000, 100_000, 1_000, 100));
        try (BelfryServer server =
                BelfryServer.start(settings, Map.of(), new PrintStream(OutputStream.nullOutputStream()), false)) {
            LoadGenerator.Result http = LoadGenerator.run(
                    2,
                    1.0,
                    3.0,
                    0,
                    LoadGenerator.httpBatch(server.port(), new LoadGenerator.RoomPlan(1_000, 2, 0, 2_000)),
                    null,
                    null);
            LoadGenerator.Result jdbc = LoadGenerator.run(
                    2,
                    1.0,
                    3.0,
                    0,
                    LoadGenerator.jdbcCeiling(seed, new LoadGenerator.RoomPlan(1_000, 2, 2_000, 2_000), false),
                    null,
                    null);
            LoadGenerator.Result jdbcFull = LoadGenerator.run( // the ceiling with Belfry's fsync per commit
                    2,
                    1.0,
                    3.0,
                    0,
                    LoadGenerator.jdbcCeiling(seed, new LoadGenerator.RoomPlan(1_000, 2, 4_000, 2_000), true),
                    null,
                    null);
            assertThat(http.rows()).isPositive().isEqualTo(http.ops() * 50);
            assertThat(jdbc.rows()).isPositive();
            assertThat(jdbcFull.rows()).isPositive();
            assertThat(http.percentileMs(99)).isGreaterThanOrEqualTo(http.percentileMs(50));
        }
    }
}
