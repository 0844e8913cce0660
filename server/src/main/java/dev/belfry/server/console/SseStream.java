package dev.belfry.server.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One browser's server-sent-event stream. Jetty takes one write at a time, so events that come while a write is in
 * flight wait in a buffer and go together when it completes; a failed write (the browser went away) closes the
 * stream, and the feed drops it at its next tick. No thread waits on a slow browser.
 */
final class SseStream {
    /** Past this much unsent text the browser is not reading; the stream is closed rather than grow without end. */
    private static final int MAX_PENDING = 1 << 20;

    private final Response response;
    private final Callback done;
    final Instant expires;
    private final StringBuilder pending = new StringBuilder();
    private boolean writing;
    private boolean closed;

    SseStream(Response response, Callback done, Instant expires) {
        this.response = response;
        this.done = done;
        this.expires = expires;
    }

    void event(String name, String id, String json) {
        send("event: " + name + "\n" + (id == null ? "" : "id: " + id + "\n") + "data: " + json + "\n\n");
    }

    /** A comment line: keeps proxies and Jetty's idle timeout from closing a quiet stream, and finds dead ones. */
    void heartbeat() {
        send(": keep-alive\n\n");
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized void send(String text) {
        if (closed) {
            return;
        }
        pending.append(text);
        if (pending.length() > MAX_PENDING) {
            fail(new IllegalStateException("the browser is not reading its event stream"));
            return;
        }
        flush();
    }

    /** Ends the stream normally (the session expired, the room is gone, the server stops). */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!writing) {
            response.write(true, ByteBuffer.allocate(0), done);
        }
    }

    private void flush() {
        if (writing || pending.isEmpty()) {
            return;
        }
        writing = true;
        ByteBuffer chunk = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        pending.setLength(0);
        response.write(false, chunk, Callback.from(this::written, this::fail));
    }

    private synchronized void written() {
        writing = false;
        if (closed) {
            response.write(true, ByteBuffer.allocate(0), done);
        } else {
            flush();
        }
    }

    private synchronized void fail(Throwable why) {
        boolean wasClosed = closed;
        closed = true;
        writing = false;
        if (!wasClosed) {
            done.failed(why);
        }
    }
}
