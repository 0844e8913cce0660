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
 *
 * <p>A credential in the file may carry {@code "rateLimit": {"requestsPerSecond": N, "burst": M}} (D20): a
 * token bucket per credential, kept in each server process's memory (so the limit is per server process).
 * Without it the credential is never throttled.
 */
public final class Credentials {
    public static final String DEFAULT_TENANT = "000000000000";
    private final Map<String, Credential> byAccessKey;
    private final boolean developmentDefault;
    private final Map<String, RateLimit> rateLimits;

    private Credentials(List<Credential> credentials, boolean developmentDefault) {
        this(credentials, developmentDefault, Map.of());
    }

    private Credentials(List<Credential> credentials, boolean developmentDefault, Map<String, RateLimit> rateLimits) {
        Map<String, Credential> map = new LinkedHashMap<>();
        credentials.forEach(c -> map.put(c.accessKeyId(), c));
        this.byAccessKey = Map.copyOf(map);
        this.developmentDefault = developmentDefault;
        this.rateLimits = Map.copyOf(rateLimits);
    }

    public static Credentials of(List<Credential> credentials) {
        return new Credentials(credentials, false);
    }

    /** Credentials with per-credential rate limits (keyed by access key id; absent = not throttled). */
    public static Credentials of(List<Credential> credentials, Map<String, RateLimit> rateLimits) {
        return new Credentials(credentials, false, rateLimits);
    }

    public static Credentials load(Path file, Map<String, String> env) {
        if (file != null) {
            Map<String, RateLimit> limits = new LinkedHashMap<>();
            return new Credentials(readFile(file, limits), false, limits);
        }
        String key = env.get("BELFRY_ACCESS_KEY_ID");
        String secret = env.get("BELFRY_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            return new Credentials(
                    List.of(Credential.of(key, secret, env.getOrDefault("BELFRY_TENANT", DEFAULT_TENANT))), false);
        }
        if (key != null || secret != null) {
            throw new IllegalArgumentException(
                    "set both BELFRY_ACCESS_KEY_ID and BELFRY_SECRET_ACCESS_KEY, or neither");
        }
        return new Credentials(List.of(Credential.of("test", "test", DEFAULT_TENANT)), true);
    }

    @SuppressWarnings("unchecked")
    private static List<Credential> readFile(Path file, Map<String, RateLimit> limits) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = (Map<String, Object>) JsonTree.read(in);
            List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("credentials");
            if (entries == null || entries.isEmpty()) {
                throw new IllegalArgumentException(file + ": \"credentials\" must list at least one credential");
            }
            List<Credential> list =
                    entries.stream().map(e -> fromEntry(file, e)).toList();
            for (Map<String, Object> e : entries) {
                RateLimit limit = rateLimit(file, e);
                if (limit != null) {
                    limits.put((String) e.get("accessKeyId"), limit);
                }
            }
            return list;
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

    @SuppressWarnings("unchecked")
    private static RateLimit rateLimit(Path file, Map<String, Object> entry) {
        Object raw = entry.get("rateLimit");
        if (raw == null) {
            return null;
        }
        String key = (String) entry.get("accessKeyId");
        try {
            Map<String, Object> m = (Map<String, Object>) raw;
            Object rps = m.get("requestsPerSecond");
            if (!(rps instanceof Number n)) {
                throw new IllegalArgumentException("rateLimit.requestsPerSecond must be a positive number");
            }
            Object burst = m.get("burst");
            int b = burst == null ? Math.max(1, (int) Math.ceil(n.doubleValue())) : burstOf(burst);
            return new RateLimit(n.doubleValue(), b);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(
                    file + ": rateLimit of " + key + " must be {\"requestsPerSecond\": N, \"burst\": M}");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + key + ": " + e.getMessage());
        }
    }

    private static int burstOf(Object burst) {
        if (burst instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= 1
                && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("rateLimit.burst must be a whole number of at least 1");
    }

    /** The credential's rate limit, or null when it is never throttled (the default). */
    public RateLimit rateLimit(String accessKeyId) {
        return rateLimits.get(accessKeyId);
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
