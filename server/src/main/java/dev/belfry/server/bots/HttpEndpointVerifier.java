package dev.belfry.server.bots;

import dev.belfry.rooms.BotEndpointVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * PutEventsConfiguration's handshake (Administration Guide, config-endpoints; D108): POST
 * {@code {"Challenge":"…","EventType":"HTTPSEndpointVerification"}} and expect 200 with {@code {"Challenge":"…"}}
 * echoed, within the delivery timeout (2 s). Chime's doc shows a challenge of 20 digits; Belfry sends 20 random
 * digits, so an endpoint cannot pass by answering a constant.
 */
public final class HttpEndpointVerifier implements BotEndpointVerifier {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean allowHttp;
    private final Duration timeout;
    private final HttpClient http;
    private final LambdaInvoker lambda;

    public HttpEndpointVerifier(BotEventSettings settings, java.time.Clock clock) {
        this.lambda = LambdaInvoker.of(settings, clock);
        this.allowHttp = settings.allowHttpEndpoints();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public boolean allowsPlainHttp() {
        return allowHttp;
    }

    @Override
    public String verify(String endpoint) {
        StringBuilder digits = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        String challenge = digits.toString();
        String body = "{\"Challenge\":\"" + challenge + "\",\"EventType\":\"HTTPSEndpointVerification\"}";
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return "it did not answer within " + timeout.toMillis() + " ms.";
        } catch (IOException e) {
            return "it could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the server is stopping.";
        } catch (IllegalArgumentException e) {
            return "it is not a URL that can be called (" + e.getMessage() + ").";
        }
        if (response.statusCode() != 200) {
            return "it answered HTTP " + response.statusCode() + " instead of 200.";
        }
        String echoed = BotEventJson.challenge(response.body());
        if (!challenge.equals(echoed)) {
            return "its answer did not echo the Challenge (expected {\"Challenge\":\"" + challenge + "\"}).";
        }
        return null;
    }

    /**
     * Chime's dry run (D113): Invoke with X-Amz-Invocation-Type DryRun and no payload, which Lambda answers 204 once
     * it has checked that the function exists and the caller may invoke it; the function does not run.
     */
    @Override
    public String verifyLambda(String functionArn) {
        HttpResponse<String> response;
        try {
            response = lambda.http()
                    .send(
                            lambda.request(functionArn, "DryRun", new byte[0], null),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            return e.getMessage() + ".";
        } catch (HttpTimeoutException e) {
            return "Lambda did not answer within " + lambda.timeout().toMillis() + " ms.";
        } catch (IOException e) {
            return "Lambda could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the server is stopping.";
        } catch (IllegalArgumentException e) {
            return "Lambda cannot be called at that address (" + e.getMessage() + ").";
        }
        String failure = LambdaInvoker.failure(response);
        return failure == null ? null : "Lambda answered " + failure + ".";
    }
}
