package dev.belfry.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes an {@link ApiError} body: {"Code":"NotFound","Message":"…"} (D18). */
public final class ErrorWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ErrorWriter() {}

    public static byte[] body(ApiError error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Code", error.code());
            g.writeStringField("Message", error.message());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
