package dev.belfry.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.belfry.store.StoreReadiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /_belfry/ready} (D33): ready when the database answers within the timeout, every migration is applied and
 * start-up seeding (serve --demo) has finished. Liveness ({@code /_belfry/health}) never asks any of this.
 */
public final class Readiness implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The answer: its status (200 or 503) and JSON body. */
    public record Answer(int status, byte[] body) {}

    private final StoreReadiness store;
    private volatile String seeding;

    /** @param seeds whether start-up seeding will run: until it finishes, the server is not ready */
    public Readiness(StoreReadiness store, boolean seeds) {
        this.store = store;
        this.seeding = seeds ? "not finished" : StoreReadiness.Report.OK;
    }

    public void seedingFinished() {
        seeding = StoreReadiness.Report.OK;
    }

    public void seedingFailed(String why) {
        seeding = "failed: " + why;
    }

    CompletableFuture<Answer> check() {
        String seeded = seeding;
        return store.check().thenApply(report -> {
            boolean ready = report.ok() && StoreReadiness.Report.OK.equals(seeded);
            return new Answer(ready ? 200 : 503, body(ready, report, seeded));
        });
    }

    private static byte[] body(boolean ready, StoreReadiness.Report report, String seeded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanField("ready", ready);
            g.writeObjectFieldStart("checks");
            g.writeStringField("database", report.database());
            g.writeStringField("migrations", report.migrations());
            g.writeStringField("seeding", seeded);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        store.close();
    }
}
