package dev.belfry.app;

import dev.belfry.cli.CliException;
import dev.belfry.cli.config.CliConfig;
import dev.belfry.server.bots.AwsKeys;

/**
 * The operator's AWS keys for Lambda invocations (D111), found as `belfry chime` and the AWS CLI find theirs:
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, else the AWS_PROFILE (or default) profile of
 * ~/.aws/credentials and ~/.aws/config. Resolved on every invocation, so rotated keys in the files apply without a
 * restart; the files are small and an invocation is a network call anyway.
 */
final class LambdaKeys {
    private LambdaKeys() {}

    /** @param env serve's environment (AWS_*, HOME for ~/.aws) */
    static AwsKeys resolve(java.util.Map<String, String> env) {
        try {
            String[] c = new CliConfig(env, null).credentials();
            return c == null ? null : new AwsKeys(c[0], c[1], c[2]);
        } catch (CliException e) {
            return null; // e.g. AWS_PROFILE names a profile that does not exist: no credentials
        }
    }
}
