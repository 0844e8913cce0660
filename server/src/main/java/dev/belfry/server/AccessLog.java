package dev.belfry.server;

import dev.belfry.server.http.RequestListener;
import dev.belfry.store.StoreException;
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
    private final OncePerMinute traces = new OncePerMinute();

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

    /**
     * One line per failed request, and a stack trace at most once a minute for each distinct failure: under a fault
     * (a database gone, a full disk) every request fails the same way, and a trace per request wrote 252 traces of 40
     * lines in 15 s. A failure the store recognised (unavailable, busy, disk full) is explained by its message, once a
     * minute per kind, with no trace: the access line of every request it fails already carries its status.
     */
    @Override
    public void unexpected(String requestId, Throwable failure) {
        boolean known =
                failure instanceof StoreException store && store.failure().transientFailure();
        if (known && !traces.firstInAMinute("line " + kind(failure))) {
            return; // the same known fault again: its access line (status 503, error type) says enough
        }
        out.println("error request_id=" + requestId + " " + summary(failure)
                + (known ? " (said once a minute while it lasts)" : ""));
        if (!known && traces.firstInAMinute(kind(failure))) {
            failure.printStackTrace(out);
        }
    }

    /** What makes two failures "the same": their class and their root cause's class, not the ids in messages. */
    private static String kind(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement[] at = failure.getStackTrace();
        return failure.getClass().getName() + "/" + root.getClass().getName() + (at.length > 0 ? "@" + at[0] : "");
    }

    /** The failure and its root cause, on one line. */
    private static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = String.valueOf(failure).replace('\n', ' ');
        return root == failure
                ? line
                : line + " (cause: " + String.valueOf(root).replace('\n', ' ') + ")";
    }
}
