package dev.belfry.app;

import dev.belfry.server.auth.Credential;
import dev.belfry.server.auth.Credentials;
import java.nio.file.Path;

/**
 * The credential the start-up banner's ready-to-paste commands sign with (D38): the one the server really accepts,
 * never a secret that was not on the command line. Belfry takes no secret on its command line, so the only secret
 * printed is the development default's well-known {@code test}; otherwise the commands refer to where the secret is.
 *
 * @param accessKeyId the first configured credential's access key id
 * @param secretExpression what follows {@code AWS_SECRET_ACCESS_KEY=}, already quoted for a POSIX shell
 */
record BannerCredential(String accessKeyId, String secretExpression) {

    static BannerCredential of(Credentials credentials, Path credentialsFile) {
        Credential first = credentials.all().get(0);
        if (credentials.isDevelopmentDefault()) {
            return new BannerCredential(first.accessKeyId(), first.secretAccessKey());
        }
        if (credentialsFile != null) {
            // not pasteable as is, and quoted so that a paste fails at the server instead of running a redirection
            return new BannerCredential(
                    first.accessKeyId(),
                    shellQuote("<secretAccessKey of " + first.accessKeyId() + " in " + credentialsFile + ">"));
        }
        // from BELFRY_ACCESS_KEY_ID / BELFRY_SECRET_ACCESS_KEY: the shell that started the server has the secret
        return new BannerCredential(first.accessKeyId(), "\"$BELFRY_SECRET_ACCESS_KEY\"");
    }

    /** {@code AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…}, to put in front of a command. */
    String environment() {
        return "AWS_ACCESS_KEY_ID=" + shellWord(accessKeyId) + " AWS_SECRET_ACCESS_KEY=" + secretExpression;
    }

    private static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_./:+=-]+") ? value : shellQuote(value);
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
