package dev.belfry.it.postgres;

import dev.belfry.it.support.ServerProcess;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Helpers for the PostgreSQL suites: server processes on a shared database, SDK clients that never
 * retry (so every response the server gives is seen), and direct SQL on the test schema.
 */
final class PgServers {
    private PgServers() {}

    /** {@code serve --db url <extra>} without the access log. */
    static ServerProcess serve(String url, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--db", url, "--no-access-log"));
        args.addAll(List.of(extra));
        return ServerProcess.start(args, Map.of());
    }

    static ChimeClient client(String endpoint) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static Connection sql(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static long count(Connection c, String query) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
