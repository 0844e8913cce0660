package dev.belfry.it.api;

import static dev.belfry.it.api.Api.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.Webhook;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.ops.WebhookOperations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * Bot events on a real server (issue 15): a real HTTP bot that checks Chime-Signature as the Administration Guide's
 * Java sample does receives Invite, Mention and Remove with Chime's payload shapes, each signed, and answers through
 * their reply URLs as the bot; and a bot whose
 * endpoint fails (500s, answers past the 2 s timeout, connections refused) still gets every event once it recovers,
 * in order. Runs on SQLite and on PostgreSQL (the api-on-postgres execution).
 */
class BotEventsIT {
    static RunningServer server;
    static ChimeClient chime;
    static String account;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                .withPort(0)
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA));
        chime = server.client();
        account = Api.account(chime, "Bots").accountId();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Bot configured(ChimeTestBot endpoint, String name) {
        Bot bot = Api.bot(chime, account, name);
        endpoint.securityToken(bot.securityToken());
        chime.putEventsConfiguration(
                b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
        return bot;
    }

    static void post(Webhook.WithToken hook, String content) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(WebhookOperations.url(
                                server.url(), hook.webhook().webhookId(), hook.token())))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Content\":" + quote(content) + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Thread.sleep(1000); // a webhook takes one post a second (D73)
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The distinct events the bot answered, in the order it first saw them. */
    static List<ChimeTestBot.Received> awaitEvents(ChimeTestBot bot, int count, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            List<ChimeTestBot.Received> distinct = distinct(bot.received());
            if (distinct.size() >= count || Instant.now().isAfter(deadline)) {
                return distinct;
            }
            Thread.sleep(50);
        }
    }

    static List<ChimeTestBot.Received> distinct(List<ChimeTestBot.Received> all) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<ChimeTestBot.Received> out = new ArrayList<>();
        for (ChimeTestBot.Received r : all) {
            if (r.eventId() != null && seen.add(r.eventId())) {
                out.add(r);
            }
        }
        return out;
    }

    static void awaitStatus(String botId, int delivered, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        Supplier<Long> count = () -> server.server()
                        .domain()
                        .botEvents()
                        .list(OPERATOR, account, botId, BotEvent.Status.delivered, 100, null)
                        .items()
                        .size()
                + 0L;
        while (count.get() < delivered && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(count.get()).isEqualTo((long) delivered);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignedInviteMentionAndRemoveInChimesShapes() throws Exception {
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            Bot bot = configured(endpoint, "Helper");
            String room = Api.room(chime, account, "ops").roomId();
            chime.createRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
            Webhook.WithToken hook = server.server().domain().webhooks().create(OPERATOR, account, room, "CI");
            // the bot answers into the room through the URLs its events carry, as AWS's sample bot does
            String persistentUrl =
                    replyUrl(awaitEvents(endpoint, 1, Duration.ofSeconds(10)).get(0));
            assertThat(reply(persistentUrl, "/md\n## hello, I am the bot").statusCode())
                    .isEqualTo(200);
            post(hook, "@" + bot.botEmail() + " deploy prod");
            String shortLived =
                    replyUrl(awaitEvents(endpoint, 2, Duration.ofSeconds(10)).get(1));
            HttpResponse<String> answered = reply(shortLived, "deploying");
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"MessageId\"").contains("\"RoomId\":\"" + room + "\"");
            assertThat(reply(shortLived.replaceAll("token=.*", "token=" + "A".repeat(72)), "forged")
                            .statusCode())
                    .isEqualTo(403);
            post(hook, "nothing for the bot");
            chime.deleteRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));

            List<ChimeTestBot.Received> got = awaitEvents(endpoint, 3, Duration.ofSeconds(20));
            assertThat(got).extracting(ChimeTestBot.Received::type).containsExactly("Invite", "Mention", "Remove");
            assertThat(got).allSatisfy(r -> {
                assertThat(r.signatureValid())
                        .as("Chime-Signature of %s", r.body())
                        .isTrue();
                assertThat(r.signature()).hasSize(44);
                assertThat(r.timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(r.eventId()).matches(Api.UUID);
                assertThat(r.json().get("Discussion"))
                        .isEqualTo(Map.of("DiscussionId", room, "DiscussionType", "Room"));
                assertThat((String) r.json().get("EventTimestamp"))
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(r.body()).doesNotContain(":null");
            });
            ChimeTestBot.Received invite = got.get(0);
            assertThat(invite.json().keySet())
                    .containsExactly("Sender", "Discussion", "EventType", "InboundHttpsEndpoint", "EventTimestamp");
            Map<String, Object> persistent = (Map<String, Object>) invite.json().get("InboundHttpsEndpoint");
            assertThat(persistent.keySet()).containsExactly("EndpointType", "Url");
            assertThat(persistent.get("EndpointType")).isEqualTo("Persistent");
            assertThat((String) persistent.get("Url"))
                    .matches(java.util.regex.Pattern.quote(server.url())
                            + "/incomingwebhooks/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]{72}");

            ChimeTestBot.Received mention = got.get(1);
            assertThat(mention.json().keySet())
                    .containsExactly(
                            "Sender", "Discussion", "EventType", "InboundHttpsEndpoint", "EventTimestamp", "Message");
            assertThat(mention.json().get("Sender"))
                    .isEqualTo(Map.of("SenderId", hook.webhook().webhookId(), "SenderIdType", "EmailId"));
            assertThat(((Map<String, Object>) mention.json().get("InboundHttpsEndpoint")).get("EndpointType"))
                    .isEqualTo("ShortLived");
            assertThat(mention.json().get("Message")).isEqualTo("@" + bot.botEmail() + " deploy prod");

            ChimeTestBot.Received remove = got.get(2);
            for (ChimeTestBot.Received byCaller : List.of(invite, remove)) {
                assertThat(byCaller.json().get("Sender"))
                        .isEqualTo(Map.of("SenderId", Api.OPERATOR.principalArn(), "SenderIdType", "EmailId"));
            }
            assertThat(remove.json().keySet()).containsExactly("Sender", "Discussion", "EventType", "EventTimestamp");
            assertThat(endpoint.deliveries())
                    .as("each event sent once when the bot answers")
                    .hasSize(3);
            awaitStatus(bot.botId(), 3, Duration.ofSeconds(5));

            // the replies are the bot's messages in the room; once the bot left, its Persistent URL is gone
            List<dev.belfry.rooms.Message> messages = server.server()
                    .domain()
                    .messages()
                    .list(OPERATOR, account, room, null, false, 100, null)
                    .items();
            assertThat(messages)
                    .filteredOn(m -> m.sender().type() == dev.belfry.rooms.Enums.MemberType.Bot)
                    .extracting(dev.belfry.rooms.Message::content)
                    .containsExactly("/md\n## hello, I am the bot", "deploying");
            assertThat(messages)
                    .filteredOn(m -> m.sender().type() == dev.belfry.rooms.Enums.MemberType.Bot)
                    .allSatisfy(m -> assertThat(m.sender().memberId()).isEqualTo(bot.botId()));
            assertThat(reply(persistentUrl, "still here?").statusCode()).isEqualTo(404);
            String metrics = HTTP.send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/_belfry/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("belfry_bot_events_delivered_total")
                    .contains("belfry_bot_events_queued_total")
                    .contains("belfry_bot_events_latency_seconds");
        }
    }

    @SuppressWarnings("unchecked")
    static String replyUrl(ChimeTestBot.Received event) {
        return (String) ((Map<String, Object>) event.json().get("InboundHttpsEndpoint")).get("Url");
    }

    static HttpResponse<String> reply(String url, String content) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Content\":" + quote(content) + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void putEventsConfigurationSucceedsOnlyWhenTheEndpointEchoesTheChallenge() throws Exception {
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            Bot bot = Api.bot(chime, account, "Verified");
            String noEcho = endpoint.url().replace("/events", "/no-echo");
            String closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = "http://127.0.0.1:" + s.getLocalPort() + "/events";
            }
            for (String bad : List.of(noEcho, closed, "http://example.com/events")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> chime.putEventsConfiguration(
                                b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(bad)))
                        .isInstanceOfSatisfying(
                                software.amazon.awssdk.services.chime.model.BadRequestException.class,
                                e -> assertThat(e.awsErrorDetails().errorMessage())
                                        .containsAnyOf("verification", "HTTPS only"));
            }
            chime.putEventsConfiguration(
                    b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
            ChimeTestBot.Received challenge = endpoint.received().get(0);
            assertThat(challenge.type()).isEqualTo("HTTPSEndpointVerification");
            assertThat(challenge.json().keySet()).containsExactly("Challenge", "EventType");
            assertThat((String) challenge.json().get("Challenge")).matches("\\d{20}");
        }
    }

    @Test
    void aFailingEndpointGetsEveryEventInOrderOnceItRecovers() throws Exception {
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            Bot bot = configured(endpoint, "Flaky");
            String room = Api.room(chime, account, "flaky").roomId();
            Webhook.WithToken hook = server.server().domain().webhooks().create(OPERATOR, account, room, "CI");
            // 500s for the first event's attempts, then one answer past the timeout
            endpoint.failNext.set(3);
            endpoint.slowNext.set(1);
            chime.createRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                post(hook, "@" + bot.botEmail() + " job " + i);
                sent.add("@" + bot.botEmail() + " job " + i);
            }
            // then connections are refused for a while, with more events queued behind
            endpoint.stop();
            post(hook, "@" + bot.botEmail() + " while down");
            sent.add("@" + bot.botEmail() + " while down");
            chime.deleteRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
            Thread.sleep(8_000);
            endpoint.restart();

            List<ChimeTestBot.Received> got = awaitEvents(endpoint, 6, Duration.ofSeconds(90));
            assertThat(got)
                    .extracting(ChimeTestBot.Received::type)
                    .containsExactly("Invite", "Mention", "Mention", "Mention", "Mention", "Remove");
            assertThat(got.subList(1, 5))
                    .extracting(r -> r.json().get("Message"))
                    .containsExactlyElementsOf(sent);
            // every attempt of an event carries the same id and body, each with its own valid signature
            for (ChimeTestBot.Received r : endpoint.deliveries()) {
                assertThat(r.signatureValid()).isTrue();
                ChimeTestBot.Received first = got.stream()
                        .filter(g -> g.eventId().equals(r.eventId()))
                        .findFirst()
                        .orElseThrow();
                assertThat(r.body()).isEqualTo(first.body());
            }
            assertThat(endpoint.deliveries().size()).isGreaterThan(6);
            awaitStatus(bot.botId(), 6, Duration.ofSeconds(10));
        }
    }
}
