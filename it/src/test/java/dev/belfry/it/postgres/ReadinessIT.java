package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.TcpProxy;
import dev.belfry.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * /_belfry/ready follows the database (D33): 503 within 2 s of PostgreSQL becoming unreachable, 200 again once it
 * is back, with no restart of Belfry; /_belfry/health stays 200 throughout (liveness never asks the database).
 */
class ReadinessIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readyFollowsPostgresGoingAwayAndComingBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                RunningServer server = RunningServer.start(StoreConfig.jdbc(throughProxy(proxy)))) {
            assertThat(get(server, "ready").statusCode()).isEqualTo(200);
            assertThat(get(server, "ready").body())
                    .isEqualTo(
                            "{\"ready\":true,\"checks\":{\"database\":\"ok\",\"migrations\":\"ok\",\"seeding\":\"ok\"}}");

            proxy.cut();
            long cutAt = System.nanoTime();
            HttpResponse<String> down = awaitStatus(server, 503, Duration.ofSeconds(2));
            long ms = (System.nanoTime() - cutAt) / 1_000_000;
            assertThat(down.statusCode()).as("ready %d ms after the cut", ms).isEqualTo(503);
            assertThat(down.body()).startsWith("{\"ready\":false,\"checks\":{\"database\":\"");
            assertThat(down.body()).doesNotContain("\"database\":\"ok\"").contains("\"seeding\":\"ok\"");
            assertThat(get(server, "health").statusCode()).isEqualTo(200);

            proxy.restore();
            assertThat(awaitStatus(server, 200, Duration.ofSeconds(10)).statusCode())
                    .isEqualTo(200);
            // and the API itself is back on the same process
            assertThat(server.client().listAccounts().accounts()).isEmpty();
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringIs503WithinTheTimeout() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                RunningServer server = RunningServer.start(StoreConfig.jdbc(throughProxy(proxy)))) {
            assertThat(get(server, "ready").statusCode()).isEqualTo(200);
            proxy.freeze();
            long t0 = System.nanoTime();
            HttpResponse<String> stuck = get(server, "ready");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(stuck.statusCode()).isEqualTo(503);
            assertThat(stuck.body()).contains("\"database\":\"no answer within 1000 ms\"");
            assertThat(ms).as("answered after %d ms", ms).isLessThan(2_000);
            // probes asked while the database hangs each answer in time too, without piling up
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                assertThat(get(server, "ready").statusCode()).isEqualTo(503);
                assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2_000);
            }
            proxy.restore();
            assertThat(awaitStatus(server, 200, Duration.ofSeconds(15)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aMissingMigrationIs503AndNamesIt() throws Exception {
        String url = Databases.freshPostgresUrl();
        try (RunningServer server = RunningServer.start(StoreConfig.jdbc(url));
                java.sql.Connection sql = PgServers.sql(url);
                java.sql.Statement s = sql.createStatement()) {
            assertThat(get(server, "ready").statusCode()).isEqualTo(200);
            s.execute("DELETE FROM flyway_schema_history WHERE version = '3'");
            HttpResponse<String> answer = get(server, "ready");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body())
                    .isEqualTo("{\"ready\":false,\"checks\":{\"database\":\"ok\",\"migrations\":\"not applied:"
                            + " version 3\",\"seeding\":\"ok\"}}");
        }
    }

    /** The suite's fresh schema, reached through the proxy's port instead of PostgreSQL's. */
    private static String throughProxy(TcpProxy proxy) throws Exception {
        String url = Databases.freshPostgresUrl();
        assertThat(url).contains("127.0.0.1:5432");
        return url.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
    }

    private static HttpResponse<String> awaitStatus(RunningServer server, int status, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = get(server, "ready");
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = get(server, "ready");
        }
        return last;
    }

    static HttpResponse<String> get(RunningServer server, String name) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/_belfry/" + name))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
