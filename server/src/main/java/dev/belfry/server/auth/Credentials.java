package dev.belfry.server.auth;

import dev.belfry.model.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials a server accepts. Sources, first match wins: a credentials file
 * ({@code {"credentials":[{"accessKeyId":…,"secretAccessKey":…,"tenant":…,"principal":…}]}}), then
 * BELFRY_ACCESS_KEY_ID / BELFRY_SECRET_ACCESS_KEY (tenant BELFRY_TENANT, default 000000000000), then the
 * development credential test/test, which {@link #isDevelopmentDefault()} flags for a start-up warning.
 */
public final class Credentials {
  public static final String DEFAULT_TENANT = "000000000000";
  private final Map<String, Credential> byAccessKey;
  private final boolean developmentDefault;

  private Credentials(List<Credential> credentials, boolean developmentDefault) {
    Map<String, Credential> map = new LinkedHashMap<>();
    credentials.forEach(c -> map.put(c.accessKeyId(), c));
    this.byAccessKey = Map.copyOf(map);
    this.developmentDefault = developmentDefault;
  }

  public static Credentials of(List<Credential> credentials) {
    return new Credentials(credentials, false);
  }

  public static Credentials load(Path file, Map<String, String> env) {
    if (file != null) {
      return new Credentials(readFile(file), false);
    }
    String key = env.get("BELFRY_ACCESS_KEY_ID");
    String secret = env.get("BELFRY_SECRET_ACCESS_KEY");
    if (key != null && secret != null) {
      return new Credentials(List.of(Credential.of(key, secret, env.getOrDefault("BELFRY_TENANT", DEFAULT_TENANT))),
          false);
    }
    if (key != null || secret != null) {
      throw new IllegalArgumentException("set both BELFRY_ACCESS_KEY_ID and BELFRY_SECRET_ACCESS_KEY, or neither");
    }
    return new Credentials(List.of(Credential.of("test", "test", DEFAULT_TENANT)), true);
  }

  @SuppressWarnings("unchecked")
  private static List<Credential> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, Object> root = (Map<String, Object>) JsonTree.read(in);
      List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("credentials");
      if (entries == null || entries.isEmpty()) {
        throw new IllegalArgumentException(file + ": \"credentials\" must list at least one credential");
      }
      return entries.stream().map(e -> fromEntry(file, e)).toList();
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage());
    }
  }

  private static Credential fromEntry(Path file, Map<String, Object> entry) {
    String key = (String) entry.get("accessKeyId");
    String secret = (String) entry.get("secretAccessKey");
    String tenant = (String) entry.getOrDefault("tenant", DEFAULT_TENANT);
    if (key == null || secret == null) {
      throw new IllegalArgumentException(file + ": every credential needs accessKeyId and secretAccessKey");
    }
    if (!tenant.matches("\\d{12}")) {
      throw new IllegalArgumentException(file + ": tenant of " + key + " must be a 12-digit AWS account id");
    }
    String principal = (String) entry.get("principal");
    return principal == null ? Credential.of(key, secret, tenant) : new Credential(key, secret, tenant, principal);
  }

  public Credential find(String accessKeyId) {
    return byAccessKey.get(accessKeyId);
  }

  public List<Credential> all() {
    return List.copyOf(byAccessKey.values());
  }

  public boolean isDevelopmentDefault() {
    return developmentDefault;
  }
}
