package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * Two servers on one PostgreSQL (issue 15, D106): changes made through both, every event delivered by one of them
 * exactly once in normal operation (no Belfry-Event-Id seen twice), and under load from both at once, several bots in
 * several rooms, each bot's events for each room in the order of their changes. PostgreSQL only: a SQLite data directory has one
 * server (D37), so the SQLite execution of the API suites skips it.
 */
class BotEventsTwoServersIT {
    @Test
    void eachEventIsDeliveredOnceWhenTwoServersShareTheDatabase() throws Exception {
        Assumptions.assumeTrue(
                "postgres".equalsIgnoreCase(System.getenv("BELFRY_IT_DB")), "two servers share only PostgreSQL");
        String url = Databases.freshPostgresUrl();
        List<String> args = List.of("--db", url, "--create-account-type", "EnterpriseLWA", "--no-access-log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ChimeTestBot endpoint = ChimeTestBot.start();
                ServerProcess a = ServerProcess.start(args, Map.of());
                ServerProcess b = ServerProcess.start(args, Map.of())) {
            ChimeClient ca = DurabilityIT.client(a);
            ChimeClient cb = DurabilityIT.client(b);
            String account = Api.account(ca, "Two servers").accountId();
            Bot bot = Api.bot(ca, account, "Shared");
            endpoint.securityToken(bot.securityToken());
            ca.putEventsConfiguration(
                    x -> x.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                ChimeClient c = t % 2 == 0 ? ca : cb;
                ChimeClient other = t % 2 == 0 ? cb : ca;
                int n = t;
                writers.add(new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        String room = Api.room(c, account, "r" + n + "-" + i).roomId();
                        c.createRoomMembership(
                                x -> x.accountId(account).roomId(room).memberId(bot.botId()));
                        acknowledged.add(room + "|Invite");
                        other.deleteRoomMembership(
                                x -> x.accountId(account).roomId(room).memberId(bot.botId()));
                        acknowledged.add(room + "|Remove");
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread t : writers) {
                t.join(60_000);
            }
            assertThat(acknowledged).hasSize(200);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (BotEventsIT.distinct(endpoint.deliveries()).size() < 200
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Thread.sleep(1000); // a duplicate would arrive now
            List<ChimeTestBot.Received> all = endpoint.deliveries();
            Map<String, Long> perEvent =
                    all.stream().collect(Collectors.groupingBy(ChimeTestBot.Received::eventId, Collectors.counting()));
            assertThat(perEvent).hasSize(200);
            assertThat(perEvent.values()).as("deliveries per event").containsOnly(1L);
            assertThat(all).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            Set<String> delivered = all.stream()
                    .map(r -> ((Map<?, ?>) r.json().get("Discussion")).get("DiscussionId") + "|" + r.type())
                    .collect(Collectors.toSet());
            assertThat(delivered).isEqualTo(acknowledged);
        }
    }

    static final int BOTS = 3;
    static final int ROOMS = 6;
    static final int CYCLES = 4;

    /**
     * Both servers take writes at once: one writer per room, each change of a room alternately through server a and
     * server b (CreateRoomMembership → Invite, webhook posts naming a bot → Mention, DeleteRoomMembership → Remove, for
     * each of 3 bots, 4 times over: 288 events), the six writers concurrent. Every event arrives exactly once (by
     * Belfry-Event-Id) and each bot gets each room's events in the order its writer's changes were acknowledged.
     */
    @Test
    @SuppressWarnings("unchecked")
    void underLoadFromBothServersEveryEventArrivesOnceAndInEachBotsRoomOrder() throws Exception {
        Assumptions.assumeTrue(
                "postgres".equalsIgnoreCase(System.getenv("BELFRY_IT_DB")), "two servers share only PostgreSQL");
        String url = Databases.freshPostgresUrl();
        List<String> args = List.of(
                "--db",
                url,
                "--create-account-type",
                "EnterpriseLWA",
                "--no-access-log",
                "--webhook-posts-per-second",
                "0");
        List<ChimeTestBot> endpoints = new ArrayList<>();
        try (ServerProcess a = ServerProcess.start(args, Map.of());
                ServerProcess b = ServerProcess.start(args, Map.of())) {
            for (int i = 0; i < BOTS; i++) {
                endpoints.add(ChimeTestBot.start());
            }
            ChimeClient[] clients = {DurabilityIT.client(a), DurabilityIT.client(b)};
            String[] urls = {a.url(), b.url()};
            String account = Api.account(clients[0], "Two servers, load").accountId();
            List<Bot> bots = new ArrayList<>();
            for (int i = 0; i < BOTS; i++) {
                Bot bot = Api.bot(clients[i % 2], account, "Loaded" + i);
                endpoints.get(i).securityToken(bot.securityToken());
                String endpoint = endpoints.get(i).url();
                clients[i % 2].putEventsConfiguration(
                        x -> x.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint));
                bots.add(bot);
            }
            Api.Raw admin = new Api.Raw(a.url(), "test", "test");
            List<String> rooms = new ArrayList<>();
            List<String> hooks = new ArrayList<>();
            for (int r = 0; r < ROOMS; r++) {
                String room = Api.room(clients[r % 2], account, "load " + r).roomId();
                rooms.add(room);
                Map<String, Object> hook = admin.ok(
                        "POST",
                        "/_belfry/admin/accounts/" + account + "/rooms/" + room + "/webhooks",
                        "{\"Name\":\"ci\"}");
                // the path and token of the webhook's URL, to be posted to either server
                hooks.add(((String) ((Map<String, Object>) hook.get("Webhook")).get("Url"))
                        .replaceAll("^https?://[^/]+", ""));
            }
            // per bot and room, what each acknowledged change should give the bot, in order
            Map<String, List<String>> expected = new ConcurrentHashMap<>();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = new ArrayList<>();
            for (int r = 0; r < ROOMS; r++) {
                int room = r;
                writers.add(new Thread(() -> {
                    try {
                        int n = 0;
                        for (int cycle = 0; cycle < CYCLES; cycle++) {
                            for (int i = 0; i < BOTS; i++) {
                                Bot bot = bots.get(i);
                                List<String> want = expected.computeIfAbsent(
                                        bot.botId() + "|" + rooms.get(room), k -> new ArrayList<>());
                                ChimeClient c = clients[n++ % 2];
                                c.createRoomMembership(x -> x.accountId(account)
                                        .roomId(rooms.get(room))
                                        .memberId(bot.botId()));
                                want.add("Invite");
                                for (int m = 0; m < 2; m++) {
                                    String text = "@" + bot.botEmail() + " job " + room + "." + cycle + "." + m;
                                    var posted = http.send(
                                            java.net.http.HttpRequest.newBuilder(
                                                            java.net.URI.create(urls[n++ % 2] + hooks.get(room)))
                                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                                            "{\"Content\":\"" + text + "\"}"))
                                                    .build(),
                                            java.net.http.HttpResponse.BodyHandlers.ofString());
                                    assertThat(posted.statusCode())
                                            .as(posted.body())
                                            .isEqualTo(200);
                                    want.add("Mention " + text);
                                }
                                clients[n++ % 2].deleteRoomMembership(x -> x.accountId(account)
                                        .roomId(rooms.get(room))
                                        .memberId(bot.botId()));
                                want.add("Remove");
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread t : writers) {
                t.join(180_000);
            }
            assertThat(failures).isEmpty();
            int total = BOTS * ROOMS * CYCLES * 4;
            assertThat(expected.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (endpoints.stream()
                                    .mapToInt(e ->
                                            BotEventsIT.distinct(e.deliveries()).size())
                                    .sum()
                            < total
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // a duplicate would arrive now
            for (int i = 0; i < BOTS; i++) {
                List<ChimeTestBot.Received> all = endpoints.get(i).deliveries();
                Map<String, Long> perEvent = all.stream()
                        .collect(Collectors.groupingBy(ChimeTestBot.Received::eventId, Collectors.counting()));
                assertThat(perEvent).as("bot %d's events", i).hasSize(ROOMS * CYCLES * 4);
                assertThat(perEvent.values()).as("deliveries per event").containsOnly(1L);
                assertThat(all).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
                for (String room : rooms) {
                    List<String> got = all.stream()
                            .filter(r -> room.equals(((Map<?, ?>) r.json().get("Discussion")).get("DiscussionId")))
                            .map(r -> r.type().equals("Mention")
                                    ? "Mention " + r.json().get("Message")
                                    : r.type())
                            .toList();
                    assertThat(got)
                            .as("bot %d in room %s, in the order of the changes", i, room)
                            .containsExactlyElementsOf(expected.get(bots.get(i).botId() + "|" + room));
                }
            }
        } finally {
            endpoints.forEach(ChimeTestBot::close);
        }
    }
}
