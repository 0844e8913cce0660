package dev.belfry.it.postgres;

import dev.belfry.it.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
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

  private static volatile Path stableJar;

  /**
   * Other builds in the same tree may be rewriting app/target/belfry.jar while these tests run. Copy it
   * once, after checking it is a complete zip, and point ServerProcess at the copy.
   */
  static synchronized void useStableJar() throws Exception {
    if (stableJar == null) {
      Path source = ServerProcess.jar();
      Path copy = Files.createTempFile("belfry-pg-it", ".jar");
      copy.toFile().deleteOnExit();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (true) {
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        if (completeJar(copy)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(source + " stays incomplete; is a build writing it?");
        }
        Thread.sleep(1000);
      }
      stableJar = copy;
    }
    System.setProperty("belfry.jar", stableJar.toString());
  }

  private static boolean completeJar(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry("dev/belfry/app/Main.class") != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code serve --db url <extra>} without the access log. */
  static ServerProcess serve(String url, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--db", url, "--no-access-log"));
    args.addAll(List.of(extra));
    return ServerProcess.start(args, Map.of());
  }

  static ChimeClient client(String endpoint) {
    return ChimeClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static Connection sql(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static long count(Connection c, String query) throws SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
