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
    static void validate(String httpsEndpoint, String lambdaFunctionArn) {
        boolean https = httpsEndpoint != null && !httpsEndpoint.isEmpty();
        boolean lambda = lambdaFunctionArn != null && !lambdaFunctionArn.isEmpty();
        if (https == lambda) {
            throw DomainException.badRequest(
                    https
                            ? "Choose either an OutboundEventsHTTPSEndpoint or a LambdaFunctionArn, not both."
                            : "An events configuration needs an OutboundEventsHTTPSEndpoint or a LambdaFunctionArn.");
        }
        if (https) {
            requireHttpsUrl(httpsEndpoint);
        } else if (lambdaFunctionArn.length() > MAX_LENGTH
                || !LAMBDA_ARN.matcher(lambdaFunctionArn).matches()) {
            throw DomainException.badRequest("LambdaFunctionArn " + lambdaFunctionArn
                    + " is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).");
        }
    }

    private static void requireHttpsUrl(String endpoint) {
        String problem = null;
        if (endpoint.length() > MAX_LENGTH) {
            problem = "it is longer than " + MAX_LENGTH + " characters";
        } else {
            try {
                URI uri = new URI(endpoint);
                if (uri.getScheme() == null
                        || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
                    problem = "Chime delivers bot events over HTTPS only";
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
}
