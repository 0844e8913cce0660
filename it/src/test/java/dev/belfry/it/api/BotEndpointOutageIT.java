package dev.belfry.it.api;

import static dev.belfry.it.api.Api.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.Webhook;
import dev.belfry.server.ServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * The issue's "the bot endpoint failing (500s, timeouts, connection refused for a minute): every event arrives once it
 * recovers, in order, none twice without the same Belfry-Event-Id", at its own length: 500s and an answer past the 2 s
 * timeout, then the bot's port refusing connections for a full 60 s while events for two rooms queue behind, then
 * the bot back. Belfry's backoff (D105) has grown to a random wait of up to a minute or two by then, so the test waits
 * for the next attempt the outbox shows. Runs on SQLite and on PostgreSQL (two to four minutes each).
 */
class BotEndpointOutageIT {
    @Test
    void aBotRefusingConnectionsForAMinuteGetsEveryEventOnceInOrderAfterwards() throws Exception {
        try (RunningServer server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                        .withPort(0)
                        .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA));
                ChimeTestBot endpoint = ChimeTestBot.start()) {
            ChimeClient chime = server.client();
            String account = Api.account(chime, "Outage").accountId();
            Bot bot = Api.bot(chime, account, "Outage");
            endpoint.securityToken(bot.securityToken());
            chime.putEventsConfiguration(
                    b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
            List<String> rooms = List.of(
                    Api.room(chime, account, "first").roomId(),
                    Api.room(chime, account, "second").roomId());
            Map<String, Webhook.WithToken> hooks = new LinkedHashMap<>();
            for (String room : rooms) {
                hooks.put(room, server.server().domain().webhooks().create(OPERATOR, account, room, "CI"));
            }
            Map<String, List<String>> expected = new LinkedHashMap<>();
            rooms.forEach(r -> expected.put(r, new ArrayList<>()));

            // the first attempt answered only past the 2 s timeout (and then 500), the next ones 500
            endpoint.failNext.set(3);
            endpoint.slowNext.set(1);
            chime.createRoomMembership(
                    b -> b.accountId(account).roomId(rooms.get(0)).memberId(bot.botId()));
            expected.get(rooms.get(0)).add("Invite");
            mention(server, hooks, expected, rooms.get(0), bot, "before the outage");
            // both answered 200 once the 500s and the timeout are behind them (D105's quick retries)
            Instant recovered = Instant.now().plus(Duration.ofSeconds(30));
            while (endpoint.answered().size() < 2 && Instant.now().isBefore(recovered)) {
                Thread.sleep(20);
            }
            assertThat(endpoint.answered())
                    .extracting(ChimeTestBot.Received::type)
                    .containsExactly("Invite", "Mention");
            assertThat(endpoint.deliveries())
                    .as("the Invite: answered past the timeout, then 500s, then 200; then the Mention")
                    .hasSizeGreaterThanOrEqualTo(5);

            // then the bot's port refuses connections for a whole minute while events queue in both rooms
            endpoint.stop();
            Instant down = Instant.now();
            chime.createRoomMembership(
                    b -> b.accountId(account).roomId(rooms.get(1)).memberId(bot.botId()));
            expected.get(rooms.get(1)).add("Invite");
            for (int i = 0; i < 3; i++) {
                for (String room : rooms) {
                    mention(server, hooks, expected, room, bot, "while down " + i);
                }
            }
            chime.deleteRoomMembership(
                    b -> b.accountId(account).roomId(rooms.get(0)).memberId(bot.botId()));
            expected.get(rooms.get(0)).add("Remove");
            Thread.sleep(Math.max(
                    0,
                    Duration.ofSeconds(55)
                            .minus(Duration.between(down, Instant.now()))
                            .toMillis()));
            // still being retried (not given up on, not dropped), and the bot is seen to refuse
            List<BotEvent> pending = server.server()
                    .domain()
                    .botEvents()
                    .list(OPERATOR, account, bot.botId(), BotEvent.Status.pending, 100, null)
                    .items();
            assertThat(pending).hasSizeGreaterThanOrEqualTo(1 + 3 + 1);
            assertThat(pending)
                    .filteredOn(e -> e.delivery().attempts() > 2)
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.delivery().lastError()).contains("request failed"));
            Thread.sleep(Math.max(
                    0,
                    Duration.ofSeconds(60)
                            .minus(Duration.between(down, Instant.now()))
                            .toMillis()));
            endpoint.restart();
            // by now each room's first event has backed off to a random wait of up to tens of seconds (D105's full
            // jitter, doubling): the bot hears again at the latest next attempt the outbox shows, never later
            Instant nextTry = server
                    .server()
                    .domain()
                    .botEvents()
                    .list(OPERATOR, account, bot.botId(), BotEvent.Status.pending, 100, null)
                    .items()
                    .stream()
                    .map(e -> e.delivery().nextAttemptAt())
                    .max(Instant::compareTo)
                    .orElseThrow();
            assertThat(nextTry).isBefore(Instant.now().plus(Duration.ofMinutes(10))); // D105's longest wait

            int total = expected.values().stream().mapToInt(List::size).sum();
            List<ChimeTestBot.Received> got = BotEventsIT.awaitEvents(
                    endpoint, total, Duration.between(Instant.now(), nextTry).plusSeconds(30));
            Thread.sleep(1500); // a duplicate would arrive now
            List<ChimeTestBot.Received> all = endpoint.deliveries();
            assertThat(BotEventsIT.distinct(all))
                    .as("one Belfry-Event-Id per change: no event sent again under another id")
                    .hasSize(total);
            for (String room : rooms) {
                assertThat(got.stream()
                                .filter(r -> room.equals(((Map<?, ?>) r.json().get("Discussion")).get("DiscussionId")))
                                .map(r -> r.type().equals("Mention")
                                        ? "Mention " + r.json().get("Message")
                                        : r.type())
                                .toList())
                        .as("room %s in the order of its changes", room)
                        .containsExactlyElementsOf(expected.get(room));
            }
            // every attempt of an event carries the same id and body, each signed afresh; each was answered 200 once
            Map<String, List<ChimeTestBot.Received>> byId =
                    all.stream().collect(Collectors.groupingBy(ChimeTestBot.Received::eventId));
            assertThat(byId.values()).allSatisfy(attempts -> {
                assertThat(attempts)
                        .extracting(ChimeTestBot.Received::body)
                        .containsOnly(attempts.get(0).body());
                assertThat(attempts)
                        .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            });
            assertThat(endpoint.answered().stream()
                            .collect(Collectors.groupingBy(ChimeTestBot.Received::eventId, Collectors.counting()))
                            .values())
                    .hasSize(total)
                    .containsOnly(1L);
            Instant settled = Instant.now().plus(Duration.ofSeconds(10));
            List<BotEvent> delivered;
            do {
                Thread.sleep(50);
                delivered = server.server()
                        .domain()
                        .botEvents()
                        .list(OPERATOR, account, bot.botId(), BotEvent.Status.delivered, 100, null)
                        .items();
            } while (delivered.size() < total && Instant.now().isBefore(settled));
            assertThat(delivered).hasSize(total);
        }
    }

    private static void mention(
            RunningServer server,
            Map<String, Webhook.WithToken> hooks,
            Map<String, List<String>> expected,
            String room,
            Bot bot,
            String text)
            throws Exception {
        String content = "@" + bot.botEmail() + " " + text;
        Webhook.WithToken hook = hooks.get(room);
        var r = BotEventsIT.HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(dev.belfry.server.ops.WebhookOperations.url(
                                server.url(), hook.webhook().webhookId(), hook.token())))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"Content\":" + BotEventsIT.quote(content) + "}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Thread.sleep(1000); // a webhook takes one post a second (D73)
        expected.get(room).add("Mention " + content);
    }
}
