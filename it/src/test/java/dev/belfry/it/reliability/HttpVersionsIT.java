package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Request lines with versions the server does not speak get a client error in the API's shape, never a 500. */
class HttpVersionsIT {
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.enterprise(Databases.freshSqlite());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<String> requestLines() {
        return Stream.of(
                "GET /accounts HTTP/0.9",
                "GET /accounts HTTP/2.5",
                "GET /accounts HTTP/3.0",
                "GET /accounts HTTP/1.2",
                "GET /accounts HTTP/9.9",
                "GET /accounts FTP/1.1",
                "GET /accounts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLines")
    void anUnspokenVersionIsTheClientsError(String line) throws Exception {
        byte[] request =
                (line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Http.Response r = Http.exchange(server.server().port(), request);
        if (r.status() == -1) { // no HTTP/1.x head came back (the connection was closed, or an HTTP/0.9-style body)
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(line).doesNotContain("ServiceFailure");
            return;
        }
        assertThat(r.status()).as("%s → %s", line, r).isIn(400, 505);
        assertThat(r.headers()).as(line).containsKey("x-amzn-ErrorType".toLowerCase());
    }
}
