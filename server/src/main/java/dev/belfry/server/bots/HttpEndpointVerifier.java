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
import java.util.function.Supplier;

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
    private final LazyHttpClient http;
    private final LambdaInvoker lambda;

    public HttpEndpointVerifier(BotEventSettings settings, java.time.Clock clock) {
        this.lambda = LambdaInvoker.of(settings, clock);
        this.allowHttp = settings.allowHttpEndpoints();
        this.timeout = settings.timeout();
        this.http = new LazyHttpClient(timeout);
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
        Sent sent = send(
                http.get(),
                timeout,
                "it",
                () -> HttpRequest.newBuilder(URI.create(endpoint))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build());
        if (sent.problem() != null) {
            return sent.problem();
        }
        HttpResponse<String> response = sent.response();
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
        Sent sent = send(
                lambda.http(),
                lambda.timeout(),
                "Lambda",
                () -> lambda.request(functionArn, "DryRun", new byte[0], null));
        if (sent.problem() != null) {
            return sent.problem();
        }
        String failure = LambdaInvoker.failure(sent.response());
        return failure == null ? null : "Lambda answered " + failure + ".";
    }

    /** An answer, or why there is none (a sentence about {@code who}: "it" for the endpoint, or "Lambda"). */
    private record Sent(HttpResponse<String> response, String problem) {}

    private static Sent send(HttpClient http, Duration timeout, String who, Supplier<HttpRequest> request) {
        try {
            return new Sent(http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), null);
        } catch (IllegalStateException e) {
            return new Sent(null, e.getMessage() + "."); // no credentials to sign with
        } catch (HttpTimeoutException e) {
            return new Sent(null, who + " did not answer within " + timeout.toMillis() + " ms.");
        } catch (IOException e) {
            return new Sent(
                    null,
                    who + " could not be reached (" + e.getClass().getSimpleName()
                            + (e.getMessage() != null ? ": " + e.getMessage() : "") + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(null, "the server is stopping.");
        } catch (IllegalArgumentException e) {
            return new Sent(null, "the address cannot be called (" + e.getMessage() + ").");
        }
    }
}
