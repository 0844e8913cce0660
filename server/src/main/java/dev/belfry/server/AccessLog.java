package dev.belfry.server;

import dev.belfry.server.http.RequestListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One structured line per request (logfmt, so it greps and parses), and unexpected failures with their
 * request id. Never logs headers or bodies, so no signature or secret reaches the log.
 */
final class AccessLog implements RequestListener {
    /** Fans one event out to several listeners (access log and metrics). */
    static RequestListener both(RequestListener a, RequestListener b) {
        return new RequestListener() {
            @Override
            public void completed(Completed request) {
                a.completed(request);
                b.completed(request);
            }

            @Override
            public void unexpected(String requestId, Throwable failure) {
                a.unexpected(requestId, failure);
                b.unexpected(requestId, failure);
            }
        };
    }

    private final PrintStream out;
    private final boolean enabled;

    AccessLog(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public void completed(Completed r) {
        if (enabled) {
            out.println(String.format(
                    Locale.ROOT,
                    "access request_id=%s method=%s path=\"%s\" operation=%s key=%s status=%d error=%s ms=%.2f",
                    r.requestId(),
                    r.method(),
                    r.path().replace("\"", "%22"),
                    r.operation(),
                    r.accessKeyId(),
                    r.status(),
                    r.errorType(),
                    r.nanos() / 1e6));
        }
    }

    @Override
    public void unexpected(String requestId, Throwable failure) {
        out.println("error request_id=" + requestId + " " + failure);
        failure.printStackTrace(out);
    }
}
