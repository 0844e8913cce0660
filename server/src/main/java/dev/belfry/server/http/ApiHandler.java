package dev.belfry.server.http;

import dev.belfry.model.OperationModel;
import dev.belfry.server.auth.Authenticator;
import dev.belfry.server.auth.Credential;
import dev.belfry.server.ops.Input;
import dev.belfry.server.ops.OperationAdapter;
import dev.belfry.server.ops.Operations;
import dev.belfry.wire.HttpRequestReader;
import dev.belfry.wire.JsonBodyWriter;
import dev.belfry.wire.sigv4.SignableRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API pipeline for one request: read the body (bounded, without holding a thread), then on an API worker
 * verify SigV4, throttle per credential (D20), route by the model, bind and validate the input, call the adapter,
 * write the output or the error. The stages after the body are synchronous on purpose: each is a plain call.
 */
public final class ApiHandler extends Handler.Abstract {
    private final Authenticator authenticator;
    private final OperationRouter router;
    private final Operations operations;
    private final ErrorTranslator errors;
    private final RequestListener listener;
    private final int maxBodyBytes;
    private final Throttle throttle;
    private final Executor work;

    public ApiHandler(
            Authenticator authenticator,
            OperationRouter router,
            Operations operations,
            ErrorTranslator errors,
            RequestListener listener,
            int maxBodyBytes) {
        this(
                authenticator,
                router,
                operations,
                errors,
                listener,
                maxBodyBytes,
                new Throttle(key -> null),
                Runnable::run);
    }

    public ApiHandler(
            Authenticator authenticator,
            OperationRouter router,
            Operations operations,
            ErrorTranslator errors,
            RequestListener listener,
            int maxBodyBytes,
            Throttle throttle,
            Executor work) {
        this.throttle = throttle;
        this.work = work;
        this.authenticator = authenticator;
        this.router = router;
        this.operations = operations;
        this.errors = errors;
        this.listener = listener;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads the body without a thread ({@link BodyReader}), then runs the blocking pipeline on the API workers.
     * Jetty's own threads never wait for a client or the database, so health and new connections are always served.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        BodyReader.read(request, maxBodyBytes, outcome -> {
            if (outcome instanceof BodyReader.Received received) {
                try {
                    work.execute(() -> process(request, response, callback, started, received.bytes()));
                } catch (RejectedExecutionException busy) {
                    answerWithoutBody(request, response, callback, started, busy(), null);
                }
            } else if (outcome instanceof BodyReader.TooLarge tooLarge) {
                answerWithoutBody(request, response, callback, started, tooLarge(), tooLarge.reader());
            } else {
                answerWithoutBody(request, response, callback, started, incomplete(), null);
            }
        });
        return true;
    }

    private void process(Request request, Response response, Callback callback, long started, byte[] requestBody) {
        String requestId = UUID.randomUUID().toString();
        OperationModel operation = null;
        Credential credential = null;
        int status;
        String errorType = null;
        byte[] body;
        try {
            String rawPath = request.getHttpURI().getPath();
            String rawQuery = request.getHttpURI().getQuery();
            requireUtf8(requestBody);
            credential = authenticator.authenticate(
                    new SignableRequest(request.getMethod(), rawPath, rawQuery, headers(request), requestBody));
            throttle.acquire(credential);
            Map<String, List<String>> query = parseQuery(rawQuery);
            OperationRouter.Match match = route(request.getMethod(), rawPath, query);
            operation = match.operation();
            OperationAdapter adapter = operations.find(operation.name()); // every routed operation has one (D26)
            Map<String, Object> input = HttpRequestReader.read(
                    operation,
                    match.labels(),
                    query,
                    name -> request.getHeaders().get(name),
                    requestBody);
            Map<String, Object> output =
                    adapter.invoke(credential.caller(requestId, remote(request)), new Input(input));
            status = operation.responseCode();
            body = status == 204 || operation.output() == null || output == null
                    ? null
                    : JsonBodyWriter.write(operation.output(), output);
        } catch (Throwable failure) {
            ApiError error = errors.translate(failure, operation, requestId);
            if (error.status() >= 500) {
                listener.unexpected(requestId, failure);
            }
            status = error.status();
            errorType = error.type();
            body = ErrorWriter.body(error);
        }
        response.setStatus(status);
        writeHeaders(request, response, requestId, errorType, body);
        listener.completed(new RequestListener.Completed(
                requestId,
                request.getMethod(),
                request.getHttpURI().getPath(),
                operation == null ? null : operation.name(),
                credential == null ? null : credential.accessKeyId(),
                status,
                errorType,
                System.nanoTime() - started,
                remote(request),
                request.getHeaders().get(HttpHeader.X_FORWARDED_FOR),
                body == null ? 0 : body.length));
        response.write(true, body == null ? null : ByteBuffer.wrap(body), callback);
    }

    /** The peer's IP address, without the port. */
    private static String remote(Request request) {
        return Request.getRemoteAddr(request);
    }

    /**
     * Answers a request refused before the pipeline (body too large or incomplete, workers saturated). A refused
     * oversized body is then dropped to its end, without a thread, before the exchange completes.
     */
    private void answerWithoutBody(
            Request request, Response response, Callback callback, long started, ApiFailure refusal, BodyReader rest) {
        String requestId = UUID.randomUUID().toString();
        ApiError error = refusal.error();
        byte[] body = ErrorWriter.body(error);
        response.setStatus(error.status());
        writeHeaders(request, response, requestId, error.type(), body);
        listener.completed(new RequestListener.Completed(
                requestId,
                request.getMethod(),
                request.getHttpURI().getPath(),
                null,
                null,
                error.status(),
                error.type(),
                System.nanoTime() - started,
                remote(request),
                request.getHeaders().get(HttpHeader.X_FORWARDED_FOR),
                body.length));
        Callback then = rest == null ? callback : Callback.from(() -> rest.drop(callback::succeeded), callback::failed);
        response.write(true, ByteBuffer.wrap(body), then);
    }

    /**
     * Headers close to the order Chime sent them (seed page: x-amzn-RequestId, content-type,
     * content-length, date), as botocore's HTTPHeaders show them. Jetty itself moves Content-Length last
     * and leaves out "Connection: keep-alive", which HTTP/1.1 implies.
     */
    private static void writeHeaders(
            Request request, Response response, String requestId, String errorType, byte[] body) {
        var headers = response.getHeaders();
        headers.put("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.put("x-amzn-ErrorType", errorType);
        }
        if (body != null) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        headers.put(HttpHeader.DATE, DateGenerator.formatDate(Instant.now()));
    }

    private OperationRouter.Match route(String method, String rawPath, Map<String, List<String>> query) {
        try {
            return router.route(method, rawPath, query);
        } catch (OperationRouter.NoRoute e) {
            throw new ApiFailure(ApiError.notFound(
                    e.pathKnown()
                            ? "The method " + method + " is not allowed on " + rawPath + "."
                            : "No Chime operation is served at " + method + " " + rawPath + "."));
        }
    }

    /**
     * JSON on the wire is UTF-8 (RFC 8259). The JSON parser lets some invalid sequences through (UTF-8-encoded
     * surrogates such as ED A0 80), so a body is checked strictly here, once, before anything reads it.
     */
    private static void requireUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException e) {
                    throw new ApiFailure(ApiError.badRequest("The request body is not valid UTF-8."));
                }
                return;
            }
        }
    }

    private static ApiFailure incomplete() {
        // The client stopped sending (idle timeout), sent too slowly, or went away: its fault, not the server's.
        return new ApiFailure(new ApiError(
                400,
                "BadRequestException",
                "BadRequest",
                "The request body was not received completely (the client stopped sending or timed out)."));
    }

    private static ApiFailure busy() {
        return new ApiFailure(new ApiError(
                503,
                "ServiceUnavailableException",
                "ServiceUnavailable",
                "The server has more requests waiting than it takes; retry the request."));
    }

    private ApiFailure tooLarge() {
        return new ApiFailure(new ApiError(
                413,
                "BadRequestException",
                "BadRequest",
                "The request body is larger than this server accepts (" + maxBodyBytes + " bytes)."));
    }

    private static List<Map.Entry<String, String>> headers(Request request) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(field.getName(), field.getValue()));
        }
        return list;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(ApiError.badRequest("The query string is not correctly percent-encoded."));
        }
    }
}
