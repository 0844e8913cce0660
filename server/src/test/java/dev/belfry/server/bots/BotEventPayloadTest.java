package dev.belfry.server.bots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.BotEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Chime's payloads byte for byte: the Administration Guide's three examples (events-bots), which aws-lambda-go's
 * round-trip test also holds its type to, rendered from events with the examples' values.
 */
class BotEventPayloadTest {
    static final String ROOM = "abcdef12-g34h-56i7-j8kl-mn9opqr012st";
    static final String URL =
            "https://hooks.a.chime.aws/incomingwebhooks/a1b2c34d-5678-90e1-f23g-h45i67j8901k?token=ABCDefGHiJK1LMnoP2Q3RST4uvwxYZAbC56DeFghIJkLM7N8OP9QRsTuV0WXYZABcdefgHiJ";

    static BotEvent event(BotEvent.Type type, String message, String at) {
        return new BotEvent("e", "a", "b", ROOM, 1, type, "user@example.com", message, Instant.parse(at), null);
    }

    static String render(BotEvent e) {
        return new String(BotEventPayload.render(e, URL), StandardCharsets.UTF_8);
    }

    @Test
    void inviteMentionAndRemoveAreTheDocumentedJson() {
        assertThat(render(event(BotEvent.Type.Invite, null, "2019-04-04T21:27:52.736Z")))
                .isEqualTo("{\"Sender\":{\"SenderId\":\"user@example.com\",\"SenderIdType\":\"EmailId\"},"
                        + "\"Discussion\":{\"DiscussionId\":\"" + ROOM + "\",\"DiscussionType\":\"Room\"},"
                        + "\"EventType\":\"Invite\",\"InboundHttpsEndpoint\":{\"EndpointType\":\"Persistent\",\"Url\":\""
                        + URL + "\"},\"EventTimestamp\":\"2019-04-04T21:27:52.736Z\"}");
        assertThat(render(event(
                        BotEvent.Type.Mention,
                        "@botDisplayName@example.com Hello Chatbot",
                        "2019-04-04T21:30:43.181Z")))
                .isEqualTo("{\"Sender\":{\"SenderId\":\"user@example.com\",\"SenderIdType\":\"EmailId\"},"
                        + "\"Discussion\":{\"DiscussionId\":\"" + ROOM + "\",\"DiscussionType\":\"Room\"},"
                        + "\"EventType\":\"Mention\",\"InboundHttpsEndpoint\":{\"EndpointType\":\"ShortLived\",\"Url\":\""
                        + URL + "\"},\"EventTimestamp\":\"2019-04-04T21:30:43.181Z\","
                        + "\"Message\":\"@botDisplayName@example.com Hello Chatbot\"}");
        assertThat(render(event(BotEvent.Type.Remove, null, "2019-04-04T21:27:29.626Z")))
                .isEqualTo("{\"Sender\":{\"SenderId\":\"user@example.com\",\"SenderIdType\":\"EmailId\"},"
                        + "\"Discussion\":{\"DiscussionId\":\"" + ROOM + "\",\"DiscussionType\":\"Room\"},"
                        + "\"EventType\":\"Remove\",\"EventTimestamp\":\"2019-04-04T21:27:29.626Z\"}");
    }

    @Test
    void aWholeSecondStillHasThreeFractionDigits() {
        assertThat(BotEventPayload.timestamp(Instant.parse("2026-01-02T03:04:05Z")))
                .isEqualTo("2026-01-02T03:04:05.000Z");
    }

    @Test
    void theSignatureIsBase64OfHmacSha256OverTimestampBarBody() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("tok".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal("2019-04-04T21:30:43.181Z|{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(ChimeSignature.sign("tok", "2019-04-04T21:30:43.181Z", body))
                .isEqualTo(expected)
                .hasSize(44);
    }
}
