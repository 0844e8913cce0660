package dev.belfry.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes output members as compact JSON in the model's member order, leaving out null members, as
 * Chime did (a fully successful batch is exactly {"Errors":[]}). Values are what {@link JsonBodyReader}
 * produces, plus any {@link Enum} (written by name).
 */
public final class JsonBodyWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBodyWriter() {}

    public static byte[] write(Shape.Structure shape, Map<String, ?> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            structure(g, shape, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void structure(JsonGenerator g, Shape.Structure shape, Map<String, ?> values) throws IOException {
        g.writeStartObject();
        for (ShapeMember member : shape.members().values()) {
            Object value = values.get(member.name());
            if (value != null && member.inBody()) {
                g.writeFieldName(member.wireName());
                value(g, member.shape(), value);
            }
        }
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonGenerator g, Shape shape, Object value) throws IOException {
        if (shape instanceof Shape.Structure s) {
            structure(g, s, (Map<String, ?>) value);
        } else if (shape instanceof Shape.ListOf l) {
            g.writeStartArray();
            for (Object item : (List<?>) value) {
                value(g, l.member().shape(), item);
            }
            g.writeEndArray();
        } else if (shape instanceof Shape.MapOf m) {
            g.writeStartObject();
            for (Map.Entry<String, ?> e : ((Map<String, ?>) value).entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, m.value().shape(), e.getValue());
            }
            g.writeEndObject();
        } else if (shape instanceof Shape.Timestamp t) {
            Instant instant = (Instant) value;
            if ("iso8601".equals(t.timestampFormat())) {
                g.writeString(Timestamps.iso8601(instant));
            } else {
                g.writeNumber(instant.toEpochMilli() / 1000.0);
            }
        } else if (shape instanceof Shape.Bool) {
            g.writeBoolean((Boolean) value);
        } else if (shape instanceof Shape.Num) {
            g.writeNumber(value.toString());
        } else if (shape instanceof Shape.Blob) {
            g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
        } else {
            g.writeString(value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }
}
