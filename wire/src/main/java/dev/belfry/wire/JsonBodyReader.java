package dev.belfry.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body into member values, typed by the input shape: String, Integer/Long,
 * Double, Boolean, Instant, byte[], List and Map (structures keyed by member name). A value of the
 * wrong JSON type is refused with the member's path; unknown members are skipped, as AWS services do.
 */
public final class JsonBodyReader {
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonBodyReader() {}

    /** The body members of {@code input}; an absent, empty or whitespace body reads as {} (D25). */
    public static Map<String, Object> read(byte[] body, Shape.Structure input) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new LinkedHashMap<>();
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new WireException("The request body must be a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) value(parser, input, "");
            if (parser.nextToken() != null) {
                throw new WireException("The request body has content after its JSON object.");
            }
            return values;
        } catch (StreamConstraintsException e) {
            throw new WireException("The request body is nested too deeply.");
        } catch (IOException e) {
            throw new WireException("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static Object value(JsonParser p, Shape shape, String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        // if-chain, not a pattern switch: the build targets Java 17.
        if (shape instanceof Shape.Structure s) {
            return structure(p, s, path);
        } else if (shape instanceof Shape.ListOf l) {
            return list(p, l, path);
        } else if (shape instanceof Shape.MapOf m) {
            return map(p, m, path);
        } else if (shape instanceof Shape.Str) {
            return expect(p, t == JsonToken.VALUE_STRING, "a string", path).getText();
        } else if (shape instanceof Shape.Bool) {
            return expect(p, t.isBoolean(), "a boolean", path).getBooleanValue();
        } else if (shape instanceof Shape.Num n) {
            return number(p, n, path);
        } else if (shape instanceof Shape.Timestamp) {
            return timestamp(p, path);
        }
        return blob(p, path);
    }

    private static Map<String, Object> structure(JsonParser p, Shape.Structure s, String path) throws IOException {
        expect(p, p.currentToken() == JsonToken.START_OBJECT, "an object", path);
        Map<String, Object> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            ShapeMember member = s.members().get(key);
            if (member == null || !member.inBody()) {
                p.skipChildren();
                continue;
            }
            if (values.containsKey(key)) {
                throw new WireException("The member " + join(path, key) + " appears more than once.");
            }
            values.put(key, value(p, member.shape(), join(path, key)));
        }
        return values;
    }

    private static List<Object> list(JsonParser p, Shape.ListOf l, String path) throws IOException {
        expect(p, p.currentToken() == JsonToken.START_ARRAY, "an array", path);
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p, l.member().shape(), path + "[" + items.size() + "]"));
        }
        return items;
    }

    private static Map<String, Object> map(JsonParser p, Shape.MapOf m, String path) throws IOException {
        expect(p, p.currentToken() == JsonToken.START_OBJECT, "an object", path);
        Map<String, Object> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            values.put(key, value(p, m.value().shape(), path + "." + key));
        }
        return values;
    }

    private static Object number(JsonParser p, Shape.Num n, String path) throws IOException {
        JsonToken t = p.currentToken();
        expect(p, t.isNumeric(), "a number", path);
        if (!n.integral()) {
            return p.getDoubleValue();
        }
        BigDecimal value = p.getDecimalValue();
        try {
            return n.kind().equals("integer") ? (Object) value.intValueExact() : (Object) value.longValueExact();
        } catch (ArithmeticException e) {
            throw new WireException("The member " + path + " must be a whole number in range; got " + value + ".");
        }
    }

    private static Instant timestamp(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return Timestamps.parse(p.getText());
        }
        expect(p, t.isNumeric(), "a timestamp", path);
        return Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000));
    }

    private static byte[] blob(JsonParser p, String path) throws IOException {
        expect(p, p.currentToken() == JsonToken.VALUE_STRING, "a base64 string", path);
        try {
            return Base64.getDecoder().decode(p.getText());
        } catch (IllegalArgumentException e) {
            throw new WireException("The member " + path + " is not valid base64.");
        }
    }

    private static JsonParser expect(JsonParser p, boolean ok, String what, String path) {
        if (!ok) {
            throw new WireException("The member " + (path.isEmpty() ? "body" : path) + " must be " + what + ".");
        }
        return p;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
