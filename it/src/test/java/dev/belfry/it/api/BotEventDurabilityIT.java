package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * Bot events survive a SIGKILL of the server (issue 15, D100): while the bot's endpoint fails, so that events are
 * pending, membership changes stream in and the server is killed; a new server on the same data delivers, once the
 * bot recovers, an event for every change that was acknowledged (in each room, Invite before Remove), and none for a
 * refused change. Several rounds, on SQLite and on PostgreSQL (the api-on-postgres execution).
 */
class BotEventDurabilityIT {
    static final int ROUNDS = Integer.getInteger("belfry.it.botKillRounds", 3);

    @Test
    void everyAcknowledgedChangesEventIsDeliveredAfterASigkill() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            oneRound(round);
        }
    }

    private static void oneRound(int round) throws Exception {
        List<String> storage = DurabilityIT.storage();
        // "room|Invite" / "room|Remove" for every change the server answered 2xx
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            try (ServerProcess first = DurabilityIT.serve(storage)) {
                ChimeClient c = DurabilityIT.client(first);
                String account = Api.account(c, "Durable bots " + round).accountId();
                Bot bot = Api.bot(c, account, "Keeper");
                endpoint.securityToken(bot.securityToken());
                c.putEventsConfiguration(
                        b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
                endpoint.failNext.set(Integer.MAX_VALUE); // from now on every event stays pending
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int n = t;
                    writers.add(new Thread(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            try {
                                String room =
                                        Api.room(c, account, "r" + n + "-" + i).roomId();
                                c.createRoomMembership(
                                        b -> b.accountId(account).roomId(room).memberId(bot.botId()));
                                acknowledged.add(room + "|Invite");
                                // a refused change (no such member) must write nothing
                                try {
                                    c.createRoomMembership(b -> b.accountId(account)
                                            .roomId(room)
                                            .memberId("00000000-0000-4000-8000-000000000000"));
                                } catch (software.amazon.awssdk.services.chime.model.NotFoundException expected) {
                                    // as it should
                                }
                                c.deleteRoomMembership(
                                        b -> b.accountId(account).roomId(room).memberId(bot.botId()));
                                acknowledged.add(room + "|Remove");
                            } catch (RuntimeException e) {
                                return; // the server is gone
                            }
                        }
                    }));
                }
                writers.forEach(Thread::start);
                Instant until = Instant.now().plus(Duration.ofSeconds(4));
                while (acknowledged.size() < 60 && Instant.now().isBefore(until)) {
                    Thread.sleep(20);
                }
                first.kill(); // SIGKILL with events pending and changes in flight
                stop.set(true);
                for (Thread t : writers) {
                    t.join(10_000);
                }
            }
            assertThat(acknowledged).hasSizeGreaterThan(10);
            endpoint.failNext.set(0); // the bot recovers

            try (ServerProcess second = DurabilityIT.serve(storage)) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (Instant.now().isBefore(deadline) && !delivered(endpoint).containsAll(acknowledged)) {
                    Thread.sleep(100);
                }
                Set<String> delivered = delivered(endpoint);
                assertThat(delivered).as("round %d", round).containsAll(acknowledged);
                // in each room the Invite reached the bot before the Remove
                List<ChimeTestBot.Received> firstSeen = BotEventsIT.distinct(endpoint.deliveries());
                for (String key : acknowledged) {
                    if (key.endsWith("|Remove")) {
                        String room = key.substring(0, key.indexOf('|'));
                        int invite = indexOf(firstSeen, room, "Invite");
                        int remove = indexOf(firstSeen, room, "Remove");
                        assertThat(invite).as("room %s", room).isLessThan(remove);
                    }
                }
                assertThat(endpoint.deliveries())
                        .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            }
        }
    }

    /** "room|Type" of every event the bot answered 200 to. */
    @SuppressWarnings("unchecked")
    private static Set<String> delivered(ChimeTestBot endpoint) {
        Set<String> out = new java.util.HashSet<>();
        for (ChimeTestBot.Received r : endpoint.answered()) {
            String room = (String) ((java.util.Map<String, Object>) r.json().get("Discussion")).get("DiscussionId");
            out.add(room + "|" + r.type());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int indexOf(List<ChimeTestBot.Received> events, String room, String type) {
        for (int i = 0; i < events.size(); i++) {
            ChimeTestBot.Received r = events.get(i);
            if (r.type().equals(type)
                    && room.equals(((java.util.Map<String, Object>) r.json().get("Discussion")).get("DiscussionId"))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
