package dev.belfry.server.bots;

import java.util.Map;

/**
 * The operator's AWS credentials that sign Lambda invocations (D111). {@code serve} resolves them as the AWS CLI
 * does (environment, then the profile's files); a server started in a JVM of its own (tests) gets them from the
 * environment only, unless its settings give them.
 *
 * @param sessionToken null for long-term keys
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
        return "AwsKeys[" + accessKeyId + "]"; // never the secret, whatever logs it
    }

    /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or null when the first two are not both set. */
    public static AwsKeys fromEnvironment() {
        return from(System.getenv());
    }

    static AwsKeys from(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
            return null;
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return new AwsKeys(id, secret, token == null || token.isEmpty() ? null : token);
    }
}
