package dev.belfry.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.belfry.rooms.WebhookPost;
import dev.belfry.rooms.WebhookService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /incomingwebhooks/{webhookId}?token=…}: what Chime's hooks.chime.aws answered (issue 14, D73, D74), so
 * an integration works unchanged once its URL's host is Belfry's. No SigV4: the token is the credential. The body is
 * read as JSON whatever its Content-Type says (integrations send none, text/plain, urllib's form-urlencoded default,
 * or application/json), and only its {@code Content} string counts. Success is exactly 200 with {@code
 * {"MessageId","RoomId"}}, every error a JSON object with a {@code Message}, as AWS's own client reads them. No CORS
 * headers are sent (Chime had none for webhooks). Everything else goes to the wrapped handler.
 */
public final class IncomingWebhookHandler extends Handler.Wrapper {
    public static final String PREFIX = "/incomingwebhooks";

    /** A body beyond this is refused at once with 413; a valid one is at most about 4 KB of Content plus JSON. */
    static final int MAX_BODY = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final WebhookService webhooks;
    private final Executor work;
    private final ErrorTranslator errors;
    private final RequestListener listener;

    public IncomingWebhookHandler(
            Handler next, WebhookService webhooks, Executor work, ErrorTranslator errors, RequestListener listener) {
        super(next);
        this.webhooks = webhooks;
        this.work = work;
        this.errors = errors;
        this.listener = listener;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"))) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            answer(
                    request,
                    response,
                    callback,
                    started,
                    new ApiError(
                            405,
                            "MethodNotAllowedException",
                            "MethodNotAllowed",
                            "A webhook takes POST requests only."));
            return true;
        }
        BodyReader.read(request, MAX_BODY, outcome -> {
            if (outcome instanceof BodyReader.Received received) {
                try {
                    work.execute(() -> post(request, response, callback, started, received.bytes()));
                } catch (RejectedExecutionException busy) {
                    answer(
                            request,
                            response,
                            callback,
                            started,
                            new ApiError(
                                    503,
                                    "ServiceUnavailableException",
                                    "ServiceUnavailable",
                                    "The server is busy; retry."));
                }
            } else if (outcome instanceof BodyReader.TooLarge tooLarge) {
                answer(
                        request,
                        response,
                        Callback.from(() -> tooLarge.reader().drop(callback::succeeded), callback::failed),
                        started,
                        tooLarge());
            } else {
                answer(
                        request,
                        response,
                        callback,
                        started,
                        ApiError.badRequest("The request body did not arrive whole."));
            }
        });
        return true;
    }

    private void post(Request request, Response response, Callback callback, long started, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        ApiError error;
        byte[] answer;
        try {
            String path = request.getHttpURI().getPath();
            String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
            String webhookId = rest.isEmpty() || rest.contains("/") ? null : rest;
            String token = token(request);
            WebhookPost outcome = webhooks.post(webhookId, token, content(body));
            if (outcome instanceof WebhookPost.Accepted accepted) {
                answer = accepted(
                        accepted.message().messageId(), accepted.message().roomId());
                respond(request, response, callback, started, requestId, 200, null, answer);
                return;
            }
            WebhookPost.Refused refused = (WebhookPost.Refused) outcome;
            error = refusal(refused);
            if (refused.reason() == WebhookPost.Reason.THROTTLED) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
        } catch (Throwable failure) {
            error = errors.translate(failure, null, requestId);
            if (error.status() >= 500) {
                listener.unexpected(requestId, failure);
            }
        }
        respond(request, response, callback, started, requestId, error.status(), error.type(), ErrorWriter.body(error));
    }

    /** The token query parameter, percent-decoded (Apprise encodes the token it puts in the URL). */
    private static String token(Request request) {
        try {
            Fields query = Request.extractQueryParameters(request);
            return query.getValue("token");
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /**
     * The body's top-level {@code Content} when it is a string; null when the body is not one well-formed JSON
     * object, or Content is missing or of another type. Other keys are ignored (pychime sends a "Content-Type" key).
     */
    static String content(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String content = null;
            boolean seenString = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Content")) {
                    seenString = value == JsonToken.VALUE_STRING;
                    content = seenString ? p.getText() : null;
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null; // trailing garbage after the object
            }
            return seenString ? content : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ApiError refusal(WebhookPost.Refused refused) {
        return switch (refused.reason()) {
            case MALFORMED_URL, WRONG_TOKEN, ACCOUNT_SUSPENDED ->
                new ApiError(403, "ForbiddenException", "Forbidden", refused.message());
            case UNKNOWN_WEBHOOK -> new ApiError(404, "NotFoundException", "NotFound", refused.message());
            case BAD_CONTENT, ROOM_MENTION_TOO_BIG -> ApiError.badRequest(refused.message());
            case TOO_LARGE -> new ApiError(413, "PayloadTooLargeException", "PayloadTooLarge", refused.message());
            case THROTTLED -> new ApiError(429, "ThrottledClientException", "Throttled", refused.message());
        };
    }

    private static ApiError tooLarge() {
        return new ApiError(
                413,
                "PayloadTooLargeException",
                "PayloadTooLarge",
                "The request body is over " + MAX_BODY + " bytes; a message must be 4,096 bytes or less.");
    }

    private static byte[] accepted(String messageId, String roomId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("MessageId", messageId);
            g.writeStringField("RoomId", roomId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void answer(Request request, Response response, Callback callback, long started, ApiError error) {
        respond(
                request,
                response,
                callback,
                started,
                UUID.randomUUID().toString(),
                error.status(),
                error.type(),
                ErrorWriter.body(error));
    }

    private void respond(
            Request request,
            Response response,
            Callback callback,
            long started,
            String requestId,
            int status,
            String errorType,
            byte[] body) {
        response.setStatus(status);
        var headers = response.getHeaders();
        headers.put("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.put("x-amzn-ErrorType", errorType);
        }
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.put(HttpHeader.DATE, DateGenerator.formatDate(Instant.now()));
        // the path only: the token is in the query, which never reaches a log
        listener.completed(new RequestListener.Completed(
                requestId,
                request.getMethod(),
                request.getHttpURI().getPath(),
                "IncomingWebhookPost",
                null,
                status,
                errorType,
                System.nanoTime() - started,
                Request.getRemoteAddr(request),
                request.getHeaders().get(HttpHeader.X_FORWARDED_FOR),
                body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
