package dev.belfry.server.console;

import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code api/session}: POST signs in with an access key id and secret (JSON), GET says who is signed in, DELETE
 * signs out. The cookie is HttpOnly, SameSite=Strict, limited to the console's path, Secure when the browser came
 * over HTTPS, and lasts {@link ConsoleSessions#LIFETIME} (D115); the secret is checked and forgotten, never kept.
 */
final class SessionEndpoints {
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;
    private final boolean trustProxy;

    SessionEndpoints(ConsoleSessions sessions, SignInThrottle throttle, boolean trustProxy) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.trustProxy = trustProxy;
    }

    Object handle(Request request, Response response, String method, String body) {
        switch (method) {
            case "POST":
                return signIn(request, response, body);
            case "GET":
                return describe(require(request));
            case "DELETE":
                requireCsrf(request, require(request));
                Response.putCookie(response, cookie("", 0, secure(request)));
                return Map.of("SignedOut", true);
            default:
                throw new ConsoleFailure(405, "MethodNotAllowed", "The session takes GET, POST or DELETE.");
        }
    }

    private Object signIn(Request request, Response response, String body) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // a cross-site form cannot send JSON without asking first, so no other site can sign a browser in
            throw new ConsoleFailure(415, "BadRequestException", "Sign-in takes a JSON body (application/json).");
        }
        Map<String, Object> json = ConsoleJson.readObject(body);
        if (!(json.get("AccessKeyId") instanceof String key && !key.isEmpty())
                || !(json.get("SecretAccessKey") instanceof String secret)) {
            throw new ConsoleFailure(400, "BadRequestException", "Sign-in needs an AccessKeyId and a SecretAccessKey.");
        }
        String source = source(request);
        Duration wait = throttle.wait(source, key);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ConsoleFailure(
                    429,
                    "ThrottledClientException",
                    "Too many failed sign-ins; try again in " + seconds + " seconds.",
                    seconds);
        }
        String cookie = sessions.signIn(key, secret);
        if (cookie == null) {
            throttle.failed(source, key);
            throw new ConsoleFailure(
                    401, "UnauthorizedClientException", "The access key id or the secret is not right.");
        }
        throttle.succeeded(key);
        Response.putCookie(response, cookie(cookie, ConsoleSessions.LIFETIME.toSeconds(), secure(request)));
        return describe(sessions.verify(cookie));
    }

    ConsoleSessions.Session require(Request request) {
        String value = null;
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(ConsoleSessions.COOKIE)) {
                value = c.getValue();
            }
        }
        ConsoleSessions.Session session = sessions.verify(value);
        if (session == null) {
            throw new ConsoleFailure(401, "UnauthorizedClientException", "Sign in to the console first.");
        }
        return session;
    }

    void requireCsrf(Request request, ConsoleSessions.Session session) {
        if (!ConsoleSessions.csrfMatches(session, request.getHeaders().get(ConsoleApi.CSRF_HEADER))) {
            throw new ConsoleFailure(
                    403,
                    "ForbiddenException",
                    "This change needs the console's CSRF token in the " + ConsoleApi.CSRF_HEADER + " header.");
        }
    }

    private static Map<String, Object> describe(ConsoleSessions.Session s) {
        return ConsoleViews.map(
                "AccessKeyId", s.credential().accessKeyId(),
                "Tenant", s.credential().tenantId(),
                "Principal", s.credential().principalArn(),
                "Expires", s.expires(),
                "CsrfToken", s.csrf());
    }

    static HttpCookie cookie(String value, long maxAgeSeconds, boolean secure) {
        return HttpCookie.build(ConsoleSessions.COOKIE, value)
                .path(ConsoleHandler.PREFIX)
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .secure(secure)
                .build();
    }

    private boolean secure(Request request) {
        return request.isSecure()
                || (trustProxy && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto")));
    }

    /** Who is signing in, for throttling: the peer, or with a trusted proxy the client it names (D34). */
    private String source(Request request) {
        String forwarded = trustProxy ? request.getHeaders().get("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return Request.getRemoteAddr(request);
    }
}
