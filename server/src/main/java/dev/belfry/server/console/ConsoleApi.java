package dev.belfry.server.console;

import dev.belfry.rooms.MessageService;
import dev.belfry.server.http.ApiError;
import dev.belfry.server.http.ErrorTranslator;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The console's JSON API under {@code /_belfry/console/api/}. The body is read without holding a thread (at most
 * {@link #MAX_BODY} bytes), then the request runs on the API's workers: the session cookie is checked (401 without
 * one), a change needs the session's CSRF token in {@value #CSRF_HEADER} (403 otherwise, D116), and the route calls
 * the domain with the session's caller. Failures are the API's: a domain failure answers the status, code and
 * message the Chime API would (through the same {@link ErrorTranslator}).
 */
final class ConsoleApi {
    static final int MAX_BODY = 64 * 1024;
    static final String CSRF_HEADER = "X-Belfry-Csrf";

    private final ConsoleRoutes routes;
    private final SessionEndpoints sessions;
    private final ErrorTranslator errors;
    private final Executor workers;
    private final MessageFeed feed;
    private final MessageService messages;
    private final Clock clock;
    private final PrintStream log;

    ConsoleApi(
            ConsoleRoutes routes,
            ConsoleSessions sessions,
            SignInThrottle throttle,
            ErrorTranslator errors,
            Executor workers,
            MessageFeed feed,
            MessageService messages,
            Clock clock,
            boolean trustProxy,
            PrintStream log) {
        this.routes = routes;
        this.sessions = new SessionEndpoints(sessions, throttle, trustProxy);
        this.errors = errors;
        this.workers = workers;
        this.feed = feed;
        this.messages = messages;
        this.clock = clock;
        this.log = log;
    }

    void handle(Request request, Response response, Callback callback, String rest) {
        Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
            if (failure != null) {
                writeError(
                        response,
                        callback,
                        new ConsoleFailure(
                                413,
                                "BadRequestException",
                                "A console request body is at most " + MAX_BODY + " bytes."));
                return;
            }
            try {
                workers.execute(() -> run(request, response, callback, rest, body));
            } catch (RejectedExecutionException e) {
                writeError(
                        response,
                        callback,
                        new ConsoleFailure(
                                503, "ServiceUnavailableException", "The server is busy; retry in a moment."));
            }
        });
    }

    private void run(Request request, Response response, Callback callback, String rest, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        // the id the audit trail records for a change made here (D122), so an answer and its record can be matched
        response.getHeaders().put("x-amzn-RequestId", requestId);
        try {
            List<String> segments = segments(rest);
            String method = request.getMethod();
            String text = new String(body, StandardCharsets.UTF_8);
            if (segments.equals(List.of("session"))) {
                Object answer = sessions.handle(request, response, method, text);
                writeJson(response, callback, 200, answer);
                return;
            }
            ConsoleSessions.Session session = sessions.require(request);
            if (method.equals("GET") && isStream(segments)) {
                stream(response, callback, session, segments);
                return;
            }
            ConsoleRoutes.Match match = routes.match(method, segments);
            if (match == null) {
                throw new ConsoleFailure(404, "NotFoundException", "The console has no API path /" + rest + ".");
            }
            if (match.route().change()) {
                sessions.requireCsrf(request, session);
            }
            Map<String, Object> json = match.route().change() ? ConsoleJson.readObject(text) : Map.of();
            Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            Object answer = match.route()
                    .action()
                    .run(new ConsoleRoutes.Call(
                            session, caller(session, requestId, request), match.ids(), query, json));
            writeJson(response, callback, 200, answer);
        } catch (ConsoleFailure f) {
            writeError(response, callback, f);
        } catch (RuntimeException e) {
            ApiError error = errors.translate(e, null, requestId);
            if (error.status() >= 500) {
                log.println("console: request " + requestId + " failed: " + e);
                e.printStackTrace(log);
            }
            writeError(response, callback, new ConsoleFailure(error.status(), error.type(), error.message()));
        }
    }

    /**
     * The caller of one console request, as the API's handler makes it (D122): the session's credential, this
     * request's id and the peer's address, so a change made here is audited like the same change made over the API.
     */
    private static dev.belfry.rooms.Caller caller(ConsoleSessions.Session session, String requestId, Request request) {
        return session.credential().caller(requestId, Request.getRemoteAddr(request));
    }

    private static boolean isStream(List<String> s) {
        return s.size() == 6
                && s.get(0).equals("accounts")
                && s.get(2).equals("rooms")
                && s.get(4).equals("messages")
                && s.get(5).equals("stream");
    }

    /** A room's new messages as server-sent events (D120), after the room has been read once as the caller. */
    private void stream(Response response, Callback callback, ConsoleSessions.Session session, List<String> s) {
        var caller = session.credential().caller();
        messages.list(caller, s.get(1), s.get(3), clock.instant(), false, 1, null); // tenant, account, room: or fail
        response.setStatus(200);
        ConsoleHeaders.apply(response.getHeaders(), "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put("X-Accel-Buffering", "no"); // nginx would hold the events back otherwise
        SseStream stream = new SseStream(response, callback, session.expires());
        stream.send("retry: 3000\n\n");
        feed.subscribe(caller, s.get(1), s.get(3), stream);
    }

    private static List<String> segments(String rest) {
        try {
            return Arrays.stream(rest.split("/", -1))
                    .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new ConsoleFailure(400, "BadRequestException", "The path is not validly percent-encoded.");
        }
    }

    static void writeJson(Response response, Callback callback, int status, Object value) {
        byte[] body = ConsoleJson.write(value == null ? Map.of() : value);
        response.setStatus(status);
        ConsoleHeaders.apply(response.getHeaders(), "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The API's error body ({@code Code}, {@code Message}, D18), with Retry-After on a throttled sign-in. */
    static void writeError(Response response, Callback callback, ConsoleFailure f) {
        if (f.retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, f.retryAfterSeconds);
        }
        if (f.status == 401) {
            // a signed-out browser should drop a cookie that no longer works
            Response.putCookie(response, SessionEndpoints.cookie("", 0, false));
        }
        writeJson(response, callback, f.status, Map.of("Code", f.code, "Message", f.getMessage()));
    }
}
