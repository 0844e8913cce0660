package dev.belfry.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layers a {@code belfry serve} setting comes from, first wins: the command line, the environment
 * ({@code BELFRY_<NAME>}, upper case, dashes as underscores), the config file (a properties file whose keys are the
 * long option names without dashes), then the built-in default. A null command-line value means "not given there".
 */
final class SettingsLayers {
    /** Keys a config file may hold: the long option names without their dashes. */
    static final Set<String> KEYS = Set.of(
            "port",
            "host",
            "data",
            "db",
            "db-pool-size",
            "sqlite-wal-limit-mb",
            "create-account-type",
            "credentials",
            "max-members-per-room",
            "max-rooms-per-member",
            "max-rooms-per-account",
            "max-bots-per-account",
            "smtp-url",
            "smtp-from",
            "smtp-password-file",
            "access-log",
            "log-level",
            "log-format",
            "trust-proxy",
            "demo",
            "test-mode",
            "fixtures",
            "tls-cert",
            "tls-key",
            "tls-port",
            "phone-number-pool",
            "public-url",
            "webhook-posts-per-second",
            "retention-sweep-interval",
            "audit-retention-days",
            "bot-event-retry-horizon",
            "bot-event-retention-days",
            "bot-event-dead-retention-days",
            "allow-http-bot-endpoints",
            "lambda-endpoint");

    private final Map<String, String> env;
    private final Properties file;
    private final Path base;

    private SettingsLayers(Map<String, String> env, Properties file, Path base) {
        this.env = env;
        this.file = file;
        this.base = base;
    }

    /** The layers with the config file named by {@code --config}, else by BELFRY_CONFIG, else none. */
    static SettingsLayers load(Path configOption, Map<String, String> env) {
        Path path = configOption != null
                ? configOption
                : env.containsKey("BELFRY_CONFIG") ? Path.of(env.get("BELFRY_CONFIG")) : null;
        if (path == null) {
            return new SettingsLayers(env, new Properties(), null);
        }
        return new SettingsLayers(env, read(path), path.toAbsolutePath().getParent());
    }

    /** Whether the setting was given in any layer (the command line, the environment or the file). */
    boolean given(String key, Object cli) {
        return cli != null || raw(key) != null;
    }

    String string(String key, String cli, String dflt) {
        if (cli != null) {
            return cli;
        }
        String v = raw(key);
        return v != null ? v : dflt;
    }

    int integer(String key, Integer cli, int dflt) {
        if (cli != null) {
            return cli;
        }
        String v = raw(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source(key) + " must be a whole number, was '" + v + "'");
        }
    }

    boolean bool(String key, Boolean cli, boolean dflt) {
        if (cli != null) {
            return cli;
        }
        String v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1") || v.equalsIgnoreCase("on")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no") || v.equals("0") || v.equalsIgnoreCase("off")) {
            return false;
        }
        throw new IllegalArgumentException(source(key) + " must be true or false, was '" + v + "'");
    }

    /** Paths from the config file are relative to its directory; from the environment, to the working one. */
    Path path(String key, Path cli, Path dflt) {
        if (cli != null) {
            return cli;
        }
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        String fromFile = file.getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) {
            Path p = Path.of(fromFile.strip());
            return p.isAbsolute() || base == null ? p : base.resolve(p);
        }
        return dflt;
    }

    private String raw(String key) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isBlank() ? null : fromFile.strip();
    }

    /** Where a bad value came from, for the error message. */
    private String source(String key) {
        String name = envName(key);
        return env.containsKey(name) && !env.get(name).isBlank() ? name : key + " in the config file";
    }

    private static String envName(String key) {
        return "BELFRY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Properties read(Path path) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + path + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the config file " + path + " is not a valid properties file: " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' in the config file " + path
                        + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        return p;
    }
}
