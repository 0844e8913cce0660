package dev.belfry.cli.http;

import dev.belfry.cli.CliException;
import dev.belfry.model.OperationModel;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends one operation call: headers in botocore's order, SigV4 (unless --no-sign-request), and
 * botocore's "standard" retry mode (3 attempts; 500/502/503/504, throttling and transient error codes
 * and connection failures are retried after min(rand * 2^(attempt-1), 20) seconds).
 */
public final class OperationCaller {
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "RequestTimeout",
            "RequestTimeoutException",
            "PriorRequestNotComplete",
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottledException",
            "TooManyRequestsException",
            "ProvisionedThroughputExceededException",
            "TransactionInProgressException",
            "RequestLimitExceeded",
            "BandwidthLimitExceeded",
            "LimitExceededException",
            "RequestThrottled",
            "SlowDown",
            "EC2ThrottledException");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(500, 502, 503, 504);

    /** Everything a call needs that does not come from the operation's parameters. */
    public record Settings(
            URI endpoint,
            String region,
            String[] credentials,
            boolean sign,
            String userAgent,
            int connectMillis,
            int readMillis,
            int maxAttempts,
            Transport transport,
            Consumer<String> debug) {}

    private final Settings settings;

    public OperationCaller(Settings settings) {
        this.settings = settings;
    }

    /** The parsed success response (ResponseMetadata first), or a ServiceError. */
    public Map<String, Object> call(OperationModel op, Map<String, Object> params) {
        WireRequest unsigned =
                RequestSerializer.serialize(op, params, settings.endpoint().getRawPath());
        for (int attempt = 1; ; attempt++) {
            WireRequest request = withHeaders(unsigned);
            WireResponse response;
            try {
                settings.debug().accept("Sending http request: " + request.method() + " " + request.target());
                response = RawHttpClient.send(
                        settings.endpoint(),
                        request,
                        settings.connectMillis(),
                        settings.readMillis(),
                        settings.transport());
            } catch (IOException e) {
                if (attempt < settings.maxAttempts()) {
                    sleep(attempt);
                    continue;
                }
                throw connectionError(e, request);
            }
            if (response.status() < 300) {
                Map<String, Object> parsed = ResponseParser.parse(response, op.output());
                metadataOf(parsed).put("RetryAttempts", (long) (attempt - 1));
                return parsed;
            }
            String[] error = ResponseParser.error(response);
            boolean retryable = RETRYABLE_STATUS.contains(response.status()) || RETRYABLE_CODES.contains(error[0]);
            if (retryable && attempt < settings.maxAttempts()) {
                sleep(attempt);
                continue;
            }
            String retryInfo = retryable && attempt > 1 ? " (reached max retries: " + (attempt - 1) + ")" : "";
            throw new CliException.ServiceError("An error occurred (" + error[0] + ") when calling the " + op.name()
                    + " operation" + retryInfo + ": " + error[1]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadataOf(Map<String, Object> parsed) {
        return (Map<String, Object>) parsed.get("ResponseMetadata");
    }

    private CliException connectionError(IOException e, WireRequest request) {
        String url =
                settings.endpoint().getScheme() + "://" + settings.endpoint().getRawAuthority() + request.target();
        if (e instanceof ProxyConnectException) {
            return new CliException(e.getMessage());
        }
        if (e instanceof SslValidationException) { // botocore's SSLError
            return new CliException("SSL validation failed for " + url + " " + e.getMessage());
        }
        if (e instanceof SocketTimeoutException && !e.getMessage().contains("connect")) {
            return new CliException("Read timeout on endpoint URL: \"" + url + "\"");
        } else if (e instanceof SocketTimeoutException) {
            return new CliException("Connect timeout on endpoint URL: \"" + url + "\"");
        }
        return new CliException("Could not connect to the endpoint URL: \"" + url + "\"");
    }

    private WireRequest withHeaders(WireRequest request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        URI endpoint = settings.endpoint();
        boolean defaultPort = endpoint.getPort() < 0
                || (endpoint.getPort() == 80 && "http".equals(endpoint.getScheme()))
                || (endpoint.getPort() == 443 && "https".equals(endpoint.getScheme()));
        headers.add(
                Map.entry("Host", defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort()));
        headers.add(Map.entry("Accept-Encoding", "identity"));
        headers.addAll(request.headers());
        if (request.body() != null && request.body().length > 0) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.add(Map.entry("User-Agent", settings.userAgent()));
        if (settings.sign()) {
            SignableRequest signable = new SignableRequest(
                    request.method(),
                    request.path(),
                    request.query(),
                    headers,
                    request.body() == null ? new byte[0] : request.body());
            String[] c = settings.credentials();
            new SigV4Signer("chime", settings.region())
                    .sign(signable, c[0], c[1], c[2], Instant.now())
                    .forEach((k, v) -> headers.add(Map.entry(k, v)));
        }
        boolean bodiless = Set.of("GET", "HEAD", "OPTIONS").contains(request.method());
        if (!bodiless || (request.body() != null && request.body().length > 0)) {
            headers.add(
                    Map.entry("Content-Length", String.valueOf(request.body() == null ? 0 : request.body().length)));
        }
        return new WireRequest(
                request.method(),
                request.path(),
                request.query(),
                headers,
                request.body() == null ? new byte[0] : request.body());
    }

    private static void sleep(int attempt) {
        double seconds = Math.min(Math.random() * Math.pow(2, attempt - 1), 20);
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException.Interrupted();
        }
    }
}
