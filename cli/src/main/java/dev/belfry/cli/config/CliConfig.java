package dev.belfry.cli.config;

import dev.belfry.cli.CliException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings and credentials resolved with the AWS CLI's precedence: command-line option, then
 * environment, then the profile in ~/.aws/config (and ~/.aws/credentials for keys). When no endpoint
 * is configured anywhere, Belfry's own server address is used instead of AWS's.
 */
public final class CliConfig {
    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8765";

    private final Map<String, String> env;
    private final String profileName;
    private final boolean explicitProfile;
    private final Map<String, String> profile;
    private final Map<String, String> credentialsProfile;
    private final Map<String, Map<String, String>> configSections;

    public CliConfig(Map<String, String> env, String profileOption) {
        this.env = env;
        String fromEnv = env.getOrDefault("AWS_DEFAULT_PROFILE", env.get("AWS_PROFILE"));
        this.explicitProfile = profileOption != null;
        this.profileName = profileOption != null ? profileOption : fromEnv != null ? fromEnv : "default";
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path config = env.containsKey("AWS_CONFIG_FILE")
                ? Path.of(expand(env.get("AWS_CONFIG_FILE"), env, home))
                : home.resolve(".aws/config");
        Path creds = env.containsKey("AWS_SHARED_CREDENTIALS_FILE")
                ? Path.of(expand(env.get("AWS_SHARED_CREDENTIALS_FILE"), env, home))
                : home.resolve(".aws/credentials");
        this.configSections = IniFile.read(config);
        Map<String, Map<String, String>> credSections = IniFile.read(creds);
        String section = profileName.equals("default") && !configSections.containsKey("profile default")
                ? "default"
                : "profile " + profileName;
        this.profile =
                configSections.getOrDefault(section, configSections.getOrDefault("profile " + profileName, Map.of()));
        this.credentialsProfile = credSections.getOrDefault(profileName, Map.of());
        if ((profileOption != null || fromEnv != null)
                && !profileName.equals("default")
                && !configSections.containsKey("profile " + profileName)
                && !credSections.containsKey(profileName)) {
            throw new CliException("The config profile (" + profileName + ") could not be found");
        }
    }

    /**
     * botocore's configloader: os.path.expandvars ($NAME and ${NAME}; an unknown variable stays as written),
     * then os.path.expanduser (a leading ~ alone or before a slash).
     */
    public static String expandPath(String path, Map<String, String> env, Path home) {
        return expand(path, env, home);
    }

    static String expand(String path, Map<String, String> env, Path home) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\$(\\w+|\\{([^}]*)})").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(1);
            String value = env.get(name);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        String expanded = out.toString();
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            return home + expanded.substring(1);
        }
        return expanded;
    }

    public String profileValue(String key) {
        return profile.get(key);
    }

    public String region(String option) {
        String region = first(option, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), profile.get("region"));
        if (region == null || region.isEmpty()) {
            throw new CliException.Configuration(
                    "You must specify a region. You can also configure your region by running \"aws configure\".");
        }
        // botocore's validate_region_name (a value continued on an indented line in ~/.aws/config lands here)
        if (!region.matches("[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?")) {
            throw new CliException("Provided region_name '" + region + "' doesn't match a supported format.");
        }
        return region;
    }

    public String output(String option) {
        return first(option, env.get("AWS_DEFAULT_OUTPUT"), profile.get("output"), "json");
    }

    /** --endpoint-url, AWS_ENDPOINT_URL_CHIME, AWS_ENDPOINT_URL, the profile's services/endpoint_url, then Belfry's. */
    public String endpoint(String option) {
        String services = profile.get("services");
        String serviceEndpoint = null;
        if (services != null) {
            Map<String, String> svc = configSections.getOrDefault("services " + services, Map.of());
            serviceEndpoint = svc.get("chime.endpoint_url");
        }
        boolean ignoreConfigured = "true"
                .equalsIgnoreCase(first(
                        env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                        profile.get("ignore_configured_endpoint_urls"),
                        "false"));
        if (ignoreConfigured) {
            return first(option, DEFAULT_ENDPOINT);
        }
        return first(
                option,
                env.get("AWS_ENDPOINT_URL_CHIME"),
                env.get("AWS_ENDPOINT_URL"),
                serviceEndpoint,
                profile.get("endpoint_url"),
                DEFAULT_ENDPOINT);
    }

    /** Access key, secret, session token; null when none can be found. */
    public String[] credentials() {
        if (!explicitProfile && env.get("AWS_ACCESS_KEY_ID") != null && env.get("AWS_SECRET_ACCESS_KEY") != null) {
            return new String[] {
                env.get("AWS_ACCESS_KEY_ID"),
                env.get("AWS_SECRET_ACCESS_KEY"),
                first(env.get("AWS_SESSION_TOKEN"), env.get("AWS_SECURITY_TOKEN"))
            };
        }
        for (Map<String, String> source : java.util.List.of(credentialsProfile, profile)) {
            if (source.get("aws_access_key_id") != null && source.get("aws_secret_access_key") != null) {
                return new String[] {
                    source.get("aws_access_key_id"),
                    source.get("aws_secret_access_key"),
                    first(source.get("aws_session_token"), source.get("aws_security_token"))
                };
            }
        }
        return null;
    }

    /**
     * AWS_RETRY_MODE or the profile's retry_mode. The AWS CLI v2 takes "standard" and "adaptive" (whose client
     * side rate limiting changes nothing a single call can see, so both retry as standard here) and refuses
     * "legacy" and anything else with botocore's InvalidRetryConfigurationError, exit 255.
     */
    public String retryMode() {
        String mode = first(env.get("AWS_RETRY_MODE"), profile.get("retry_mode"), "standard");
        if (!mode.equals("standard") && !mode.equals("adaptive")) {
            throw new CliException("Invalid value provided to \"mode\": \"" + mode
                    + "\" must be one of: \"standard\" or \"adaptive\"");
        }
        return mode;
    }

    public int maxAttempts() {
        String v = first(env.get("AWS_MAX_ATTEMPTS"), profile.get("max_attempts"), "3");
        return Integer.parseInt(v.strip());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
