package dev.belfry.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.belfry.server.OperatorOptions.LogFormat;
import dev.belfry.server.OperatorOptions.LogLevel;
import dev.belfry.server.http.RequestListener;
import dev.belfry.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per request on the log stream (stdout), logfmt or JSON (D34): time (RFC 3339, UTC), request id, remote
 * address (and, behind a trusted proxy, the client it names), method, path, operation, access key id, status,
 * error type, response bytes and duration. Never logs headers or bodies, so no signature or secret reaches the log.
 * Unexpected failures go to the error stream (stderr) with their request id, never to the access log's stream.
 */
final class AccessLog implements RequestListener {
    private static final JsonFactory JSON = new JsonFactory();

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
    private final PrintStream errors;
    private final boolean enabled;
    private final LogFormat format;
    private final boolean trustProxy;
    private final OncePerMinute traces = new OncePerMinute();

    AccessLog(PrintStream out, PrintStream errors, OperatorOptions options) {
        this.out = out;
        this.errors = errors;
        this.enabled = options.accessLog() && options.level().includes(LogLevel.INFO);
        this.format = options.format();
        this.trustProxy = options.trustProxy();
    }

    @Override
    public void completed(Completed r) {
        if (!enabled) {
            return;
        }
        String time = Instant.now().toString();
        String client = trustProxy ? client(r.forwardedFor()) : null;
        double ms = r.nanos() / 1e6;
        if (format == LogFormat.JSON) {
            out.println(json(g -> {
                g.writeStringField("time", time);
                g.writeStringField("level", "info");
                g.writeStringField("msg", "access");
                g.writeStringField("request_id", r.requestId());
                g.writeStringField("remote", r.remote());
                if (trustProxy) {
                    g.writeStringField("client", client);
                }
                g.writeStringField("method", r.method());
                g.writeStringField("path", r.path());
                g.writeStringField("operation", r.operation());
                g.writeStringField("access_key_id", r.accessKeyId());
                g.writeNumberField("status", r.status());
                g.writeStringField("error_type", r.errorType());
                g.writeNumberField("bytes", r.bytes());
                g.writeNumberField("duration_ms", Math.round(ms * 100) / 100.0);
            }));
        } else {
            out.println(String.format(
                    Locale.ROOT,
                    "time=%s access request_id=%s remote=%s%s method=%s path=\"%s\" operation=%s key=%s status=%d"
                            + " error=%s bytes=%d ms=%.2f",
                    time,
                    r.requestId(),
                    r.remote(),
                    trustProxy ? " client=" + client : "",
                    r.method(),
                    r.path().replace("\"", "%22"),
                    r.operation(),
                    r.accessKeyId(),
                    r.status(),
                    r.errorType(),
                    r.bytes(),
                    ms));
        }
    }

    /**
     * The client a trusted proxy names: the last address of X-Forwarded-For, the one that proxy appended itself.
     * Earlier entries came from the client and may be made up.
     */
    static String client(String forwardedFor) {
        if (forwardedFor == null) {
            return null;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty()) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return null;
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
        String summary = summary(failure) + (known ? " (said once a minute while it lasts)" : "");
        boolean trace = !known && traces.firstInAMinute(kind(failure));
        String time = Instant.now().toString();
        if (format == LogFormat.JSON) {
            errors.println(json(g -> {
                g.writeStringField("time", time);
                g.writeStringField("level", "error");
                g.writeStringField("msg", "unexpected failure");
                g.writeStringField("request_id", requestId);
                g.writeStringField("error", summary);
                if (trace) {
                    g.writeStringField("stack", stackTrace(failure));
                }
            }));
        } else {
            StringBuilder line = new StringBuilder()
                    .append("time=")
                    .append(time)
                    .append(" error request_id=")
                    .append(requestId)
                    .append(' ')
                    .append(summary);
            if (trace) {
                line.append(System.lineSeparator()).append(stackTrace(failure).stripTrailing());
            }
            errors.println(line); // one println, so another thread's line cannot land inside the trace
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter w = new StringWriter();
        failure.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Fields fields) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
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
