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
 * exactly once in normal operation (no Belfry-Event-Id seen twice). PostgreSQL only: a SQLite data directory has one
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
}
