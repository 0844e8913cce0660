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
import java.io.IOException;
import java.io.InputStream;
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
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API pipeline for one request: read the body (bounded), verify SigV4, throttle per credential (D20),
 * route by the model, bind and
 * validate the input, call the adapter, write the output or the error. Synchronous on purpose: each
 * stage is a plain call and Jetty gives each request its own thread.
 */
public final class ApiHandler extends Handler.Abstract {
    private final Authenticator authenticator;
    private final OperationRouter router;
    private final Operations operations;
    private final ErrorTranslator errors;
    private final RequestListener listener;
    private final int maxBodyBytes;
    private final Throttle throttle;

    public ApiHandler(
            Authenticator authenticator,
            OperationRouter router,
            Operations operations,
            ErrorTranslator errors,
            RequestListener listener,
            int maxBodyBytes) {
        this(authenticator, router, operations, errors, listener, maxBodyBytes, new Throttle(key -> null));
    }

    public ApiHandler(
            Authenticator authenticator,
            OperationRouter router,
            Operations operations,
            ErrorTranslator errors,
            RequestListener listener,
            int maxBodyBytes,
            Throttle throttle) {
        this.throttle = throttle;
        this.authenticator = authenticator;
        this.router = router;
        this.operations = operations;
        this.errors = errors;
        this.listener = listener;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        OperationModel operation = null;
        Credential credential = null;
        int status;
        String errorType = null;
        byte[] body;
        try {
            String rawPath = request.getHttpURI().getPath();
            String rawQuery = request.getHttpURI().getQuery();
            byte[] requestBody = readBody(request);
            credential = authenticator.authenticate(
                    new SignableRequest(request.getMethod(), rawPath, rawQuery, headers(request), requestBody));
            throttle.acquire(credential);
            Map<String, List<String>> query = parseQuery(rawQuery);
            OperationRouter.Match match = route(request.getMethod(), rawPath, query);
            operation = match.operation();
            OperationAdapter adapter = operations.find(operation.name());
            if (adapter == null) {
                throw new ApiFailure(ApiError.badRequest("The operation " + operation.name()
                        + " is not supported by this Belfry server; it serves the Chime chat-room API (accounts, users, bots, "
                        + "rooms and room memberships)."));
            }
            Map<String, Object> input = HttpRequestReader.read(
                    operation,
                    match.labels(),
                    query,
                    name -> request.getHeaders().get(name),
                    requestBody);
            Map<String, Object> output = adapter.invoke(credential.caller(), new Input(input));
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
                System.nanoTime() - started));
        response.write(true, body == null ? null : ByteBuffer.wrap(body), callback);
        return true;
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

    private byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (request.getLength() > maxBodyBytes) {
                throw tooLarge(in);
            }
            byte[] bytes;
            try {
                bytes = in.readNBytes(maxBodyBytes + 1);
            } catch (IOException e) {
                // The client stopped sending (idle timeout) or went away: its fault, not the server's.
                throw new ApiFailure(new ApiError(
                        400,
                        "BadRequestException",
                        "BadRequest",
                        "The request body was not received completely (the client stopped sending or timed out)."));
            }
            if (bytes.length > maxBodyBytes) {
                throw tooLarge(in);
            }
            requireUtf8(bytes);
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of an oversized body (up to a bound) before answering 413: a client still
     * uploading when the connection closes gets a reset instead of the answer (seen about 1 in 30 in
     * BadInputIT). Past the bound the answer goes out anyway and Jetty closes the connection.
     */
    private ApiFailure tooLarge(InputStream in) {
        try {
            long left = DRAIN_LIMIT;
            long skipped;
            while (left > 0 && (skipped = in.skip(Math.min(left, 1 << 16))) > 0) {
                left -= skipped;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer to, and nothing to drain
        }
        return tooLarge();
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

    private static final long DRAIN_LIMIT = 64L << 20;

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
