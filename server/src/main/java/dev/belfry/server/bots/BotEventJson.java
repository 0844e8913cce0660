package dev.belfry.server.bots;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the one thing Belfry reads from a bot's answer: the echoed Challenge of the verification handshake. */
final class BotEventJson {
    private static final JsonFactory JSON = new JsonFactory();

    private BotEventJson() {}

    /** The top-level "Challenge" string of a JSON object, or null when the body has none. */
    static String challenge(String body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String found = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("Challenge".equals(name) && v == JsonToken.VALUE_STRING) {
                    found = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return t == JsonToken.END_OBJECT ? found : null;
        } catch (IOException e) {
            return null;
        }
    }
}
