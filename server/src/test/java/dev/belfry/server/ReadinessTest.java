package dev.belfry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /_belfry/ready on SQLite (D33): start-up seeding gates it, and a deleted database file makes it 503. */
class ReadinessTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void notReadyUntilSeedingFinishesNorAfterTheDatabaseFileIsGone() throws Exception {
        Path dir = Files.createTempDirectory("belfry-ready");
        try (BelfryServer server = BelfryServer.start(
                ServerSettings.defaults(dir).withPort(0),
                Map.of(),
                new PrintStream(OutputStream.nullOutputStream()),
                OperatorOptions.defaults().withAccessLog(false).withSeedsAtStart(true))) {
            HttpResponse<String> seeding = get(server, "ready");
            assertThat(seeding.statusCode()).isEqualTo(503);
            assertThat(seeding.body())
                    .isEqualTo("{\"ready\":false,\"checks\":{\"database\":\"ok\",\"migrations\":\"ok\","
                            + "\"seeding\":\"not finished\"}}");
            assertThat(get(server, "health").statusCode()).isEqualTo(200);

            server.readiness().seedingFinished();
            assertThat(get(server, "ready").statusCode()).isEqualTo(200);

            Files.delete(dir.resolve("belfry.db"));
            HttpResponse<String> gone = get(server, "ready");
            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(gone.body())
                    .contains("\"database\":\"the database file ")
                    .contains("was deleted");
            assertThat(get(server, "health").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(BelfryServer server, String name) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/_belfry/" + name))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
