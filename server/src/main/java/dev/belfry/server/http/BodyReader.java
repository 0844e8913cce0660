package dev.belfry.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while the client sends it. Jetty calls back when bytes arrive
 * ({@link Request#demand}), so a client that trickles its body, or declares a length and sends nothing, costs a
 * connection and a buffer, not one of the threads that serve everyone else. A request read the blocking way held a
 * thread for as long as the client took: about 60 such clients stopped the server, health included.
 *
 * <p>A body over the limit is reported as soon as that is known: at once when the declared length says so, before
 * anything is read. The caller answers 413 then and asks for the rest to be {@linkplain #drop dropped} (up to a
 * bound, also without a thread), so a client still uploading reads the answer instead of a connection reset.
 */
final class BodyReader {
    /** What became of the body: its bytes, too large, or why there are none. */
    sealed interface Outcome permits Received, TooLarge, Broken {}

    record Received(byte[] bytes) implements Outcome {}

    /** Over the limit; {@code reader} can drop the rest of it. */
    record TooLarge(BodyReader reader) implements Outcome {}

    /** The client went away, stopped sending within the idle timeout, or sent too slowly. */
    record Broken(Throwable cause) implements Outcome {}

    private static final long DROP_LIMIT = 64L << 20;

    /**
     * Bytes per second a body must arrive at, once it has had a second: slower, and the request is cut off as
     * broken, so trickling connections cannot pile up. 1 KiB/s still carries a full 1 MiB body in 17 minutes.
     * (Jetty's own minimum data rate applies to blocking reads only.)
     */
    static final long MIN_BYTES_PER_SECOND = 1_024;

    private final long startedNanos = System.nanoTime();

    private final Request request;
    private final int maxBytes;
    private final ByteArrayOutputStream received;
    private Consumer<Outcome> done;
    private Runnable dropped; // set while dropping the rest of an oversized body
    private long droppedBytes;

    private BodyReader(Request request, int maxBytes, Consumer<Outcome> done) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.done = done;
        long declared = request.getLength();
        this.received = new ByteArrayOutputStream(declared > 0 && declared <= maxBytes ? (int) declared : 256);
    }

    /** Reads the body, then calls {@code done} exactly once, on whichever thread the last bytes arrived. */
    static void read(Request request, int maxBytes, Consumer<Outcome> done) {
        BodyReader reader = new BodyReader(request, maxBytes, done);
        if (request.getLength() > maxBytes) {
            reader.finish(new TooLarge(reader));
            return;
        }
        reader.run();
    }

    /** Reads and drops the rest of an oversized body, then runs {@code after}: at the end, on failure or past a bound. */
    void drop(Runnable after) {
        this.dropped = after;
        run();
    }

    private void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::run);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                chunk.release();
                if (dropped != null) {
                    dropped.run();
                } else {
                    finish(new Broken(failure));
                }
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            int size = bytes.remaining();
            if (!last && tooSlow(size)) {
                chunk.release();
                if (dropped != null) {
                    dropped.run();
                } else {
                    finish(new Broken(new java.util.concurrent.TimeoutException("request body arrived too slowly")));
                }
                return;
            }
            if (dropped != null) {
                droppedBytes += size;
                chunk.release();
                if (last || droppedBytes > DROP_LIMIT) {
                    dropped.run();
                    return;
                }
                continue;
            }
            if (received.size() + (long) size > maxBytes) {
                chunk.release();
                finish(new TooLarge(this)); // a later drop() reads on from here (the last chunk reads as EOF)
                return;
            }
            byte[] copy = new byte[size];
            bytes.get(copy);
            received.writeBytes(copy);
            chunk.release();
            if (last) {
                finish(new Received(received.toByteArray()));
                return;
            }
        }
    }

    private boolean tooSlow(int more) {
        long elapsedMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        long total = received.size() + droppedBytes + more;
        return elapsedMillis > 1_000 && total * 1_000 / elapsedMillis < MIN_BYTES_PER_SECOND;
    }

    private void finish(Outcome outcome) {
        Consumer<Outcome> callback = done;
        done = null;
        callback.accept(outcome);
    }
}
