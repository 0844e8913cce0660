package dev.belfry.server.bots;

import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls AWS Lambda's Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) for bots whose
 * events configuration is a LambdaFunctionArn (issue 15, D111, D112): SigV4-signed for service {@code lambda} in the
 * ARN's region with the operator's keys, at AWS's regional endpoint or the operator's {@code --lambda-endpoint}.
 * The project's own signer is used (the one the CLI signs Chime calls with): the AWS SDK's Lambda client would bring
 * a second HTTP stack and a dozen jars into the server for one POST. The JDK's HttpClient sends it, as HTTPS events.
 */
public final class LambdaInvoker {
    /** Lambda's own path version: the one Invoke has had since 2015. */
    static final String PATH = "/2015-03-31/functions/";

    private final URI endpoint;
    private final Supplier<AwsKeys> credentials;
    private final Duration timeout;
    private final Clock clock;
    private final LazyHttpClient http;
    private final Map<String, SigV4Signer> signers = new ConcurrentHashMap<>();

    /** @param endpoint null: each ARN's regional AWS endpoint */
    public LambdaInvoker(URI endpoint, Supplier<AwsKeys> credentials, Duration timeout, Clock clock) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = new LazyHttpClient(timeout);
    }

    public static LambdaInvoker of(BotEventSettings settings, Clock clock) {
        return new LambdaInvoker(
                settings.lambdaEndpoint(), settings.lambdaCredentials(), settings.lambdaTimeout(), clock);
    }

    public Duration timeout() {
        return timeout;
    }

    public HttpClient http() {
        return http.get();
    }

    /** The region of a function ARN (arn:partition:lambda:region:account:function:name[:qualifier]). */
    static String region(String functionArn) {
        String[] parts = functionArn.split(":", -1);
        if (parts.length < 7 || !parts[2].equals("lambda") || parts[3].isEmpty()) {
            throw new IllegalArgumentException("not a Lambda function ARN: " + functionArn);
        }
        return parts[3];
    }

    /** AWS's regional Lambda endpoint for the ARN's partition and region. */
    static URI awsEndpoint(String functionArn) {
        String partition = functionArn.split(":", -1)[1];
        String suffix = partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://lambda." + region(functionArn) + "." + suffix);
    }

    /**
     * The client context of an event's invocation (D112): Base64 of a JSON object that carries Chime-Signature,
     * Chime-Request-Timestamp and Belfry-Event-Id at its top level, as the Administration Guide shows it, and the
     * same three under {@code custom}, where the Java, Python and Go runtimes expose a client context's custom keys.
     */
    static String clientContext(String signature, String timestamp, String eventId) {
        String keys = "\"Chime-Signature\":\"" + signature + "\",\"Chime-Request-Timestamp\":\"" + timestamp
                + "\",\"Belfry-Event-Id\":\"" + eventId + "\"";
        String json = "{" + keys + ",\"custom\":{" + keys + "}}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A signed Invoke request.
     *
     * @param invocationType RequestResponse for events, DryRun for PutEventsConfiguration's check
     * @param clientContext Base64 JSON, or null for none
     * @throws IllegalStateException when there are no credentials (the message says so)
     */
    public HttpRequest request(String functionArn, String invocationType, byte[] payload, String clientContext) {
        AwsKeys keys = credentials.get();
        if (keys == null) {
            throw new IllegalStateException("the server has no AWS credentials to invoke Lambda with (set"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, before `belfry serve`)");
        }
        String region = region(functionArn);
        URI base = endpoint != null ? endpoint : awsEndpoint(functionArn);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        // the SDKs encode the path parameter whole: an ARN's colons become %3A
        String rawPath = basePath + PATH + URLEncoder.encode(functionArn, StandardCharsets.UTF_8) + "/invocations";
        URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + rawPath);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", host(uri)));
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("X-Amz-Invocation-Type", invocationType));
        if (clientContext != null) {
            headers.add(Map.entry("X-Amz-Client-Context", clientContext));
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        Map<String, String> added = signers.computeIfAbsent(region, r -> new SigV4Signer("lambda", r))
                .sign(
                        new SignableRequest("POST", rawPath, null, headers, payload),
                        keys.accessKeyId(),
                        keys.secretAccessKey(),
                        keys.sessionToken(),
                        now);
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equals("Host")) { // the JDK writes Host itself, from the URI, as signed
                b.header(h.getKey(), h.getValue());
            }
        }
        added.forEach(b::header);
        return b.build();
    }

    /** Host as the JDK's client sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
    }

    /**
     * Why an Invoke answer is a failure, or null when the function took the event: 2xx without X-Amz-Function-Error
     * (200 for RequestResponse, 204 for DryRun). Lambda's own errors name their type (X-Amzn-ErrorType) and message.
     */
    static String failure(HttpResponse<String> response) {
        int status = response.statusCode();
        String functionError =
                response.headers().firstValue("X-Amz-Function-Error").orElse(null);
        if (status >= 200 && status < 300 && functionError == null) {
            return null;
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "…";
        }
        if (functionError != null) {
            return "The function failed (X-Amz-Function-Error: " + functionError + ")"
                    + (body.isEmpty() ? "" : ": " + body);
        }
        String type = response.headers()
                .firstValue("X-Amzn-ErrorType")
                .map(t -> t.replaceAll(":.*", ""))
                .orElse(null);
        return "HTTP " + status + (type != null ? " " + type : "") + (body.isEmpty() ? "" : ": " + body);
    }
}
