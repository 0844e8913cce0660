package dev.belfry.it.reliability;

import static dev.belfry.it.reliability.Http.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * D20: a credential with "rateLimit" in the credentials file is throttled (429 ThrottledClientException,
 * Code Throttled) beyond its rate; a credential without one never is; the AWS SDK for Java v2, which
 * retries 429 with backoff, completes every call of a sustained load that exceeds the rate.
 */
class ThrottlingIT {
    @Test
    void perCredentialTokenBucket() throws Exception {
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":["
                        + "{\"accessKeyId\":\"limited\",\"secretAccessKey\":\"limited\",\"tenant\":\"111111111111\","
                        + "\"rateLimit\":{\"requestsPerSecond\":20,\"burst\":5}},"
                        + "{\"accessKeyId\":\"free\",\"secretAccessKey\":\"free\",\"tenant\":\"222222222222\"}]}");
        try (RunningServer server = RunningServer.start(
                ServerSettings.defaults(Databases.freshSqlite()).withPort(0).withCredentialsFile(creds))) {
            int port = server.server().port();
            int throttled = 0;
            for (int i = 0; i < 40; i++) {
                Http.Response r =
                        Http.send(port, Http.signedRaw(port, "GET", "/accounts", new byte[0], "limited", "limited"));
                if (r.status() == 429) {
                    assertApiError(r, "throttled");
                    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ThrottledClientException");
                    assertThat(r.text()).contains("\"Code\":\"Throttled\"");
                    throttled++;
                } else {
                    assertThat(r.status()).isEqualTo(200);
                }
            }
            assertThat(throttled)
                    .as("40 back-to-back requests at 20/s, burst 5")
                    .isGreaterThan(0);
            for (int i = 0; i < 100; i++) {
                Http.Response r =
                        Http.send(port, Http.signedRaw(port, "GET", "/accounts", new byte[0], "free", "free"));
                assertThat(r.status())
                        .as("a credential without rateLimit is never throttled")
                        .isEqualTo(200);
            }

            // Sustained load over the rate, through the SDK's default retry policy: every call succeeds.
            AtomicInteger ok = new AtomicInteger();
            List<Throwable> failures = new ArrayList<>();
            long started = System.nanoTime();
            // The SDK's standard retries (429 is a throttling error: backoff with jitter), allowed more attempts
            // than the default 3 because four threads share a 20/s bucket on purpose.
            try (ChimeClient sdk = ChimeClient.builder()
                    .endpointOverride(java.net.URI.create(server.url()))
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("limited", "limited")))
                    .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(10)))
                    .build()) {
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Thread thread = new Thread(() -> {
                        for (int i = 0; i < 15; i++) {
                            try {
                                sdk.listAccounts();
                                ok.incrementAndGet();
                            } catch (Throwable e) {
                                synchronized (failures) {
                                    failures.add(e);
                                }
                            }
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                for (Thread thread : threads) {
                    thread.join(60_000);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(ok.get()).isEqualTo(60);
            System.out.printf(
                    "ThrottlingIT: %d/40 raw requests throttled; 60 SDK calls at 4 threads all succeeded in"
                            + " %.1f s (limit 20/s, burst 5)%n",
                    throttled, (System.nanoTime() - started) / 1e9);
        }
    }
}
