package dev.belfry.server.console;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /_belfry/console/}: the pages (from {@link ConsoleAssets}) and, under {@code api/}, the console's JSON API.
 * Everything else goes on to the next handler; {@code /console} stays the API's (D46).
 */
final class ConsoleHandler extends Handler.Wrapper {
    static final String PREFIX = "/_belfry/console/";
    static final String API = PREFIX + "api/";

    private final ConsoleAssets assets;
    private final ConsoleApi api;

    ConsoleHandler(Handler next, ConsoleAssets assets, ConsoleApi api) {
        super(next);
        this.assets = assets;
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/_belfry/console")) {
            return super.handle(request, response, callback);
        }
        if (path.equals("/_belfry/console")) {
            ConsoleHeaders.apply(response.getHeaders(), "no-store");
            Response.sendRedirect(request, response, callback, 308, PREFIX, false);
            return true;
        }
        if (path.startsWith(API)) {
            api.handle(request, response, callback, path.substring(API.length()));
            return true;
        }
        if (!path.startsWith(PREFIX)) {
            return super.handle(request, response, callback);
        }
        asset(request, response, callback, path.substring(PREFIX.length()));
        return true;
    }

    private void asset(Request request, Response response, Callback callback, String name) {
        ConsoleAssets.Asset asset = assets.find(name);
        String method = request.getMethod();
        if (asset == null || !(method.equals("GET") || method.equals("HEAD"))) {
            ConsoleApi.writeError(
                    response,
                    callback,
                    asset == null
                            ? new ConsoleFailure(404, "NotFoundException", "No console page is called " + name + ".")
                            : new ConsoleFailure(405, "MethodNotAllowed", "Console pages take GET only."));
            return;
        }
        ConsoleHeaders.apply(response.getHeaders(), "no-cache");
        response.getHeaders().put(HttpHeader.ETAG, asset.etag());
        if (asset.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.type());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, asset.body().length);
        response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.body()), callback);
    }
}
