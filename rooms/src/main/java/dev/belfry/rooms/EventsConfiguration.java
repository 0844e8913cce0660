package dev.belfry.rooms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a bot's outgoing events go: an HTTPS endpoint or a Lambda function, never both (D43). Delivery of the events
 * themselves belongs to the bot-events work; this is the stored, validated configuration.
 */
public record EventsConfiguration(
        String botId, String accountId, String httpsEndpoint, String lambdaFunctionArn, Instant updatedAt) {

    /** Long enough for any real URL or ARN; the model leaves these unbounded (SensitiveString). */
    static final int MAX_LENGTH = 2048;

    /** arn:aws:lambda:region:account:function:name[:version-or-alias], as Lambda names functions (any partition). */
    private static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:function:[a-zA-Z0-9_-]{1,64}(:(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");

    /** Checks a Put's input: exactly one target, an absolute https URL with a host or a Lambda function ARN. */
    static void validate(String httpsEndpoint, String lambdaFunctionArn, boolean plainHttp) {
        boolean https = httpsEndpoint != null && !httpsEndpoint.isEmpty();
        boolean lambda = lambdaFunctionArn != null && !lambdaFunctionArn.isEmpty();
        if (https == lambda) {
            throw DomainException.badRequest(
                    https
                            ? "Choose either an OutboundEventsHTTPSEndpoint or a LambdaFunctionArn, not both."
                            : "An events configuration needs an OutboundEventsHTTPSEndpoint or a LambdaFunctionArn.");
        }
        if (https) {
            requireHttpsUrl(httpsEndpoint, plainHttp);
        } else if (lambdaFunctionArn.length() > MAX_LENGTH
                || !LAMBDA_ARN.matcher(lambdaFunctionArn).matches()) {
            throw DomainException.badRequest("LambdaFunctionArn " + lambdaFunctionArn
                    + " is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).");
        }
    }

    private static void requireHttpsUrl(String endpoint, boolean plainHttp) {
        String problem = null;
        if (endpoint.length() > MAX_LENGTH) {
            problem = "it is longer than " + MAX_LENGTH + " characters";
        } else {
            try {
                URI uri = new URI(endpoint);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    problem = "it has no host";
                } else if (!scheme.equals("https")
                        && !(scheme.equals("http") && (plainHttp || loopback(uri.getHost())))) {
                    problem = "Chime delivers bot events over HTTPS only (plain http:// only to a loopback address,"
                            + " unless the server runs with --allow-http-bot-endpoints)";
                } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    problem = "it has no host";
                } else if (uri.getUserInfo() != null) {
                    problem = "it carries credentials";
                } else if (uri.getFragment() != null) {
                    problem = "it has a fragment";
                }
            } catch (URISyntaxException e) {
                problem = "it is not a valid URL";
            }
        }
        if (problem != null) {
            throw DomainException.badRequest(
                    "OutboundEventsHTTPSEndpoint is not an https:// URL Belfry can deliver to: " + problem + ".");
        }
    }

    /** localhost, 127.0.0.0/8 or ::1, read from the URL's text: no name is looked up. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || h.equals("[::1]")
                || h.equals("::1");
    }
}
