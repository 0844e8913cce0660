package dev.belfry.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Operator endpoints under {@code /_belfry/}, outside the API's path space (every API path starts with
 * /accounts): {@code health} answers without authentication so load balancers can probe it (liveness: it asks
 * nothing of the database), {@code ready} says whether the database and start-up let the server take traffic
 * (D33), and {@code metrics} serves Prometheus text when metrics are on. Everything else goes to the API. All
 * three answer on Jetty's threads, never the API workers', so a saturated worker pool does not hold them up.
 */
public final class OperatorHandler extends Handler.Wrapper {
    public static final String PREFIX = "/_belfry/";
    private final Supplier<String> metrics;
    private final Readiness readiness;

    public OperatorHandler(Handler api, Supplier<String> metrics, Readiness readiness) {
        super(api);
        this.metrics = metrics;
        this.readiness = readiness;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return super.handle(request, response, callback);
        }
        String name = path.substring(PREFIX.length());
        if (name.equals("health")) {
            return text(
                    response,
                    callback,
                    200,
                    "application/json",
                    "{\"status\":\"UP\",\"version\":\"" + dev.belfry.model.BelfryVersion.version() + "\"}");
        }
        if (name.equals("ready") && readiness != null) {
            // answered when the check completes (within its timeout), without holding a thread meanwhile
            readiness.check().whenComplete((answer, failure) -> {
                if (failure != null) {
                    text(response, callback, 503, "application/json", "{\"ready\":false}");
                } else {
                    bytes(response, callback, answer.status(), "application/json", answer.body());
                }
            });
            return true;
        }
        if (name.equals("metrics") && metrics != null) {
            return text(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
        }
        return super.handle(request, response, callback);
    }

    private static boolean text(Response response, Callback callback, int status, String type, String text) {
        return bytes(response, callback, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean bytes(Response response, Callback callback, int status, String type, byte[] body) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
