package dev.belfry.it.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.belfry.wire.sigv4.SigV4Exception;
import dev.belfry.wire.sigv4.SigV4Verifier;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Lambda's Invoke API on a real HTTP server, as much of it as a Chime bot's function needs: {@code POST
 * /2015-03-31/functions/{FunctionName}/invocations} for the functions it was told about (others are 404
 * ResourceNotFoundException, as Lambda answers), {@code X-Amz-Invocation-Type} DryRun (204) and RequestResponse
 * (200 with the function's answer). Every request must carry a well-formed SigV4 Authorization for service
 * {@code lambda} in the function's region, checked by the SigV4 verifier the server uses on its own API (which the
 * AWS SDK and the AWS CLI pass in every API test), with the key pair the stub was given; an unsigned or badly signed
 * request is 403, as Lambda answers it. An invocation's client context is decoded and its Chime-Signature verified
 * with the Administration Guide's algorithm under the bot's SecurityToken; it can be told to fail (a function
 * error: 200 with X-Amz-Function-Error: Unhandled).
 */
final class LambdaStub implements AutoCloseable {
    static final String ACCESS_KEY = "AKIDLAMBDAOPERATOR01";
    static final String SECRET_KEY = "lambda-operator-secret";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
            + "/\\d{8}/([a-z]{2}(-[a-z]+)+-\\d)/lambda/aws4_request, SignedHeaders=([a-z0-9;-]+),"
            + " Signature=[0-9a-f]{64}");

    /** One invocation as the function received it. */
    record Invocation(
            String functionArn,
            String invocationType,
            String body,
            Map<String, Object> payload,
            Map<String, Object> clientContext,
            boolean signatureValid) {
        String eventType() {
            return String.valueOf(payload.get("EventType"));
        }

        String eventId() {
            return (String) clientContext.get("Belfry-Event-Id");
        }
    }

    private final HttpServer http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    /** Invocations to answer with a function error before answering normally. */
    final AtomicInteger failNext = new AtomicInteger();

    private LambdaStub() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/2015-03-31/functions/", this::handle);
        http.start();
    }

    static LambdaStub start() throws IOException {
        return new LambdaStub();
    }

    /** The URL to give `serve --lambda-endpoint`. */
    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** A function that exists, run by the bot with this SecurityToken. */
    void function(String arn, String securityToken) {
        tokens.put(arn, securityToken);
    }

    synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** Why requests were refused for their signature (none, when the server signs as Lambda requires). */
    synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String rawPath = ex.getRequestURI().getRawPath();
        Matcher path =
                Pattern.compile("/2015-03-31/functions/([^/]+)/invocations").matcher(rawPath);
        if (!"POST".equals(ex.getRequestMethod()) || !path.matches()) {
            answer(ex, 404, "UnknownOperationException", "{\"message\":\"Unknown operation\"}", null);
            return;
        }
        String arn = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        String signatureProblem = signatureProblem(ex, rawPath, bytes, arn);
        if (signatureProblem != null) {
            synchronized (this) {
                refused.add(signatureProblem);
            }
            answer(ex, 403, "InvalidSignatureException", "{\"message\":\"" + signatureProblem + "\"}", null);
            return;
        }
        String token = tokens.get(arn);
        if (token == null) {
            answer(
                    ex,
                    404,
                    "ResourceNotFoundException",
                    "{\"Type\":\"User\",\"message\":\"Function not found: " + arn + "\"}",
                    null);
            return;
        }
        String type = ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        if ("DryRun".equals(type)) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String context = ex.getRequestHeaders().getFirst("X-Amz-Client-Context");
        Map<String, Object> clientContext = context == null
                ? Map.of()
                : ChimeTestBot.parse(new String(Base64.getDecoder().decode(context), StandardCharsets.UTF_8));
        Invocation invocation = new Invocation(
                arn,
                type,
                body,
                ChimeTestBot.parse(body),
                clientContext,
                verify(token, (String) clientContext.get("Chime-Request-Timestamp"), body, (String)
                        clientContext.get("Chime-Signature")));
        synchronized (this) {
            invocations.add(invocation);
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 200, null, "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}", "Unhandled");
            return;
        }
        answer(ex, 200, null, "{\"statusCode\":200}", null);
    }

    /** Null when the request is SigV4-signed for lambda in the ARN's region with the stub's key, else why not. */
    private static String signatureProblem(HttpExchange ex, String rawPath, byte[] body, String arn) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "Authorization is not SigV4 for lambda with the operator's key: " + authorization;
        }
        String region = arn.split(":")[3];
        if (!m.group(1).equals(region)) {
            return "signed for region " + m.group(1) + ", the function is in " + region;
        }
        List<String> signed = List.of(m.group(3).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return "host and x-amz-date must be signed: " + signed;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        ex.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        try {
            new SigV4Verifier("lambda", Duration.ofMinutes(5))
                    .verify(
                            new SignableRequest(
                                    "POST", rawPath, ex.getRequestURI().getRawQuery(), headers, body),
                            id -> id.equals(ACCESS_KEY) ? SECRET_KEY : null,
                            Instant.now());
            return null;
        } catch (SigV4Exception e) {
            return "the signature does not verify: " + e.getMessage();
        }
    }

    /** The Administration Guide's Java sample, over the invocation's payload. */
    private static boolean verify(String token, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String data = timestamp + "|" + body;
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)))
                    .equals(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange ex, int status, String errorType, String body, String functionError)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            ex.getResponseHeaders().set("X-Amzn-ErrorType", errorType);
        }
        if (functionError != null) {
            ex.getResponseHeaders().set("X-Amz-Function-Error", functionError);
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
