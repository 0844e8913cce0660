package dev.belfry.server.bots;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.belfry.rooms.BotEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON body Chime sent a bot (Administration Guide, "events-bots"; aws-lambda-go's ChimeBotEvent round-trips
 * the same text): keys in the documented order Sender, Discussion, EventType, InboundHttpsEndpoint (Invite and
 * Mention), EventTimestamp, Message (Mention); a key that does not apply is absent, never null. Rendered from the
 * stored event, so every attempt sends the same bytes.
 */
public final class BotEventPayload {
    private static final JsonFactory JSON = new JsonFactory();

    /** ISO-8601 UTC with exactly three fraction digits and a Z, as "2019-04-04T21:27:52.736Z". */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private BotEventPayload() {}

    /** @param replyUrl the InboundHttpsEndpoint URL (ignored for a Remove, which has none) */
    public static byte[] render(BotEvent event, String replyUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("Sender");
            g.writeStringField("SenderId", event.senderId());
            // the only documented type; Belfry's senders are principals and webhooks, see D101
            g.writeStringField("SenderIdType", "EmailId");
            g.writeEndObject();
            g.writeObjectFieldStart("Discussion");
            g.writeStringField("DiscussionId", event.roomId());
            g.writeStringField("DiscussionType", "Room");
            g.writeEndObject();
            g.writeStringField("EventType", event.type().name());
            if (event.type() != BotEvent.Type.Remove) {
                g.writeObjectFieldStart("InboundHttpsEndpoint");
                g.writeStringField("EndpointType", event.type() == BotEvent.Type.Invite ? "Persistent" : "ShortLived");
                g.writeStringField("Url", replyUrl);
                g.writeEndObject();
            }
            g.writeStringField("EventTimestamp", timestamp(event.createdAt()));
            if (event.type() == BotEvent.Type.Mention) {
                g.writeStringField("Message", event.message());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }
}
