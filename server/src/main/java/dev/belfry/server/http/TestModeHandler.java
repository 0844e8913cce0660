package dev.belfry.server.http;

import dev.belfry.store.StoreException;
import dev.belfry.store.internal.StateControl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code serve --test-mode}'s endpoints (D91, D92), beside the operator endpoints and like them outside the API's
 * path space and without SigV4 (a test resets its own local server; nothing but a test server answers them):
 *
 * <ul>
 *   <li>{@code POST /_belfry/reset}: every tenant's data; {@code ?tenant=T} one tenant's, {@code ?account-id=A}
 *       one account's;
 *   <li>{@code POST /_belfry/snapshots/{name}}: record the state under a name; {@code POST
 *       /_belfry/snapshots/{name}/restore}: go back to it ({@code ?tenant=T} or {@code ?account-id=A}: only that
 *       tenant or account, D99); {@code DELETE /_belfry/snapshots/{name}}; {@code GET
 *       /_belfry/snapshots}: the names;
 *   <li>{@code GET /_belfry/fixtures}: the ids the fixture file's symbolic names were given (D93).
 * </ul>
 *
 * Without test mode each answers 403 and says how to turn it on, so a production server's data cannot be wiped by
 * an unsigned request. Each runs on the Jetty thread that received it: a reset takes milliseconds, and a test waits
 * for it anyway.
 */
public final class TestModeHandler extends Handler.Wrapper {
    private static final String RESET = OperatorHandler.PREFIX + "reset";
    private static final String SNAPSHOTS = OperatorHandler.PREFIX + "snapshots";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String FIXTURES = OperatorHandler.PREFIX + "fixtures";
    /** The snapshot taken once the fixture file is applied: a test goes back to it with one restore (D92). */
    public static final String FIXTURES_SNAPSHOT = "fixtures";

    private final StateControl state;
    private volatile Map<String, String> fixtureIds = Map.of();

    /** @param state the store's state control, or null when test mode is off */
    public TestModeHandler(Handler next, StateControl state) {
        super(next);
        this.state = state;
    }

    public boolean on() {
        return state != null;
    }

    /** The fixture file is applied: answers its ids on GET /_belfry/fixtures and records the "fixtures" snapshot. */
    public void fixturesApplied(Map<String, String> ids) {
        state.snapshot(FIXTURES_SNAPSHOT);
        fixtureIds = Map.copyOf(ids);
    }

    public StateControl state() {
        return state;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null
                || !(path.equals(RESET)
                        || path.equals(FIXTURES)
                        || path.equals(SNAPSHOTS)
                        || path.startsWith(SNAPSHOTS + "/"))) {
            return super.handle(request, response, callback);
        }
        if (state == null) {
            return error(
                    response,
                    callback,
                    403,
                    "ForbiddenException",
                    path + " is only served by a server started with --test-mode.");
        }
        String method = request.getMethod();
        try {
            if (path.equals(RESET)) {
                return method.equals("POST") ? reset(request, response, callback) : notAllowed(response, callback);
            }
            if (path.equals(FIXTURES)) {
                return method.equals("GET") ? json(response, callback, 200, ids()) : notAllowed(response, callback);
            }
            if (path.equals(SNAPSHOTS)) {
                return method.equals("GET")
                        ? json(response, callback, 200, "{\"Snapshots\":" + names(state.snapshotNames()) + "}")
                        : notAllowed(response, callback);
            }
            return snapshot(path.substring(SNAPSHOTS.length() + 1), request, response, callback);
        } catch (StoreException e) {
            return error(response, callback, 503, "ServiceUnavailableException", e.getMessage());
        }
    }

    private boolean reset(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String tenant = query.getValue("tenant");
        String account = query.getValue("account-id");
        if (tenant != null && account != null) {
            return error(response, callback, 400, "BadRequestException", "Give tenant or account-id, not both.");
        }
        if (account != null) {
            if (!state.resetAccount(account)) {
                return error(response, callback, 404, "NotFoundException", "No account " + account + ".");
            }
            return json(response, callback, 200, "{\"Reset\":\"account\",\"AccountId\":" + quote(account) + "}");
        }
        if (tenant != null) {
            state.resetTenant(tenant);
            return json(response, callback, 200, "{\"Reset\":\"tenant\",\"Tenant\":" + quote(tenant) + "}");
        }
        state.resetAll();
        return json(response, callback, 200, "{\"Reset\":\"all\"}");
    }

    private boolean snapshot(String rest, Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean restore = rest.endsWith("/restore");
        String name = restore ? rest.substring(0, rest.length() - "/restore".length()) : rest;
        if (!NAME.matcher(name).matches()) {
            return error(
                    response,
                    callback,
                    400,
                    "BadRequestException",
                    "A snapshot's name is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        String body = "{\"Snapshot\":" + quote(name) + "}";
        if (restore) {
            if (!method.equals("POST")) {
                return notAllowed(response, callback);
            }
            Fields query = Request.extractQueryParameters(request);
            String tenant = query.getValue("tenant");
            String account = query.getValue("account-id");
            if (tenant != null && account != null) {
                return error(response, callback, 400, "BadRequestException", "Give tenant or account-id, not both.");
            }
            if (tenant != null || account != null) {
                return restoreScoped(name, tenant, account, response, callback);
            }
            return state.restore(name)
                    ? json(response, callback, 200, body)
                    : error(response, callback, 404, "NotFoundException", "No snapshot " + name + ".");
        }
        switch (method) {
            case "POST" -> {
                state.snapshot(name);
                return json(response, callback, 201, body);
            }
            case "DELETE" -> {
                return state.deleteSnapshot(name)
                        ? json(response, callback, 200, body)
                        : error(response, callback, 404, "NotFoundException", "No snapshot " + name + ".");
            }
            default -> {
                return notAllowed(response, callback);
            }
        }
    }

    /** One tenant or one account back to the snapshot, the rest untouched (D99). */
    private boolean restoreScoped(String name, String tenant, String account, Response response, Callback callback) {
        StateControl.Scoped result =
                account != null ? state.restoreAccount(name, account) : state.restoreTenant(name, tenant);
        return switch (result) {
            case NO_SNAPSHOT -> error(response, callback, 404, "NotFoundException", "No snapshot " + name + ".");
            case NO_ACCOUNT ->
                error(
                        response,
                        callback,
                        404,
                        "NotFoundException",
                        "No account " + account + " on the server nor in snapshot " + name + ".");
            case RESTORED ->
                json(
                        response,
                        callback,
                        200,
                        "{\"Snapshot\":" + quote(name)
                                + (account != null
                                        ? ",\"AccountId\":" + quote(account)
                                        : ",\"Tenant\":" + quote(tenant))
                                + "}");
        };
    }

    private static boolean notAllowed(Response response, Callback callback) {
        return error(response, callback, 405, "MethodNotAllowedException", "Method not allowed here.");
    }

    private static boolean error(Response response, Callback callback, int status, String code, String message) {
        response.getHeaders().put("x-amzn-ErrorType", code);
        return json(response, callback, status, "{\"Code\":" + quote(code) + ",\"Message\":" + quote(message) + "}");
    }

    /** {"Ids":{"acme":"…","acme.ops":"…"}}: each symbolic name of the fixture file and the id it was given. */
    private String ids() {
        StringBuilder out = new StringBuilder("{\"Ids\":{");
        new java.util.TreeMap<>(fixtureIds)
                .forEach((name, id) -> out.append(out.length() == 8 ? "" : ",")
                        .append(quote(name))
                        .append(':')
                        .append(quote(id)));
        return out.append("}}").toString();
    }

    private static String names(List<String> names) {
        StringBuilder out = new StringBuilder("[");
        for (String n : names) {
            out.append(out.length() == 1 ? "" : ",").append(quote(n));
        }
        return out.append(']').toString();
    }

    /** A JSON string; names are checked against {@link #NAME}, ids and tenants may hold anything. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private static boolean json(Response response, Callback callback, int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
