package dev.belfry.server.http;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before the API handler runs (a malformed request line, headers too large…) in the
 * API's own error shape rather than Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        String message = "The request could not be read (HTTP " + status + ").";
        ApiError error;
        if (status == 505) {
            // HTTP/0.9, HTTP/3.0 on a plain connection, a made-up version: the client's doing, not a server fault
            error = new ApiError(
                    505,
                    "BadRequestException",
                    "BadRequest",
                    "The request's HTTP version is not supported; send HTTP/1.1 (or HTTP/1.0).");
        } else if (status == 503) {
            error = new ApiError(
                    503, "ServiceUnavailableException", "ServiceUnavailable", "The server is busy; retry the request.");
        } else if (status >= 500) {
            error = ApiError.serviceFailure("-");
        } else {
            error = new ApiError(status, "BadRequestException", "BadRequest", message);
        }
        byte[] body = ErrorWriter.body(error);
        response.setStatus(error.status());
        response.getHeaders().put("x-amzn-ErrorType", error.type());
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
