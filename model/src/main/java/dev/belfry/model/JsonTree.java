package dev.belfry.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean} values with
 * Jackson's streaming parser. Deliberately not databind: the model is read on every CLI start, and
 * ObjectMapper's first use alone costs more than the whole parse.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {}

    public static Object read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * Reads JSON, leaving out every object member named {@code skippedKey} without decoding its value (the
     * parser only scans past it). The model's documentation is half its bytes and only help needs it.
     */
    public static Object read(InputStream in, String skippedKey) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.nextToken();
            return readValue(parser, skippedKey);
        }
    }

    public static Object read(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            return readValue(parser);
        }
    }

    /** Reads the value at the parser's current token, leaving the parser on that value's last token. */
    public static Object readValue(JsonParser parser) throws IOException {
        return readValue(parser, null);
    }

    private static Object readValue(JsonParser parser, String skippedKey) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of JSON");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    if (key.equals(skippedKey)) {
                        parser.skipChildren();
                    } else {
                        map.put(key, readValue(parser, skippedKey));
                    }
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, skippedKey));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }
}
