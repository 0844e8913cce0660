package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.JsonTree;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Posts to incoming webhooks answered 200 survive a SIGKILL of the server in the middle of a stream of posts (issue
 * 14), on SQLite and on PostgreSQL; webhooks are made and messages read back with `belfry admin`, through the wire.
 */
class WebhookDurabilityIT {
    @Test
    @SuppressWarnings("unchecked")
    void everyMessageAnswered200SurvivesASigkill() throws Exception {
        List<String> storage = DurabilityIT.storage();
        List<String> args = new ArrayList<>(storage);
        args.addAll(List.of("--webhook-posts-per-second", "0"));
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        String account;
        String room;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (ServerProcess first = ServerProcess.start(serveArgs(args), Map.of())) {
            ChimeClient c = DurabilityIT.client(first);
            account = Api.account(c, "Durable hooks").accountId();
            room = Api.room(c, account, "alerts").roomId();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var run = AdminCommandIT.belfry(
                        env,
                        "admin",
                        "create-webhook",
                        "--account-id",
                        account,
                        "--room-id",
                        room,
                        "--name",
                        "hook " + i,
                        "--endpoint-url",
                        first.url());
                assertThat(run.code()).as(run.err()).isZero();
                urls.add(
                        (String) ((Map<String, Object>) ((Map<String, Object>) JsonTree.read(run.out())).get("Webhook"))
                                .get("Url"));
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> posters = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int n = t;
                posters.add(new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String content = "poster " + n + " message " + i;
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(urls.get(n % urls.size())))
                                            .timeout(Duration.ofSeconds(5))
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"Content\":\"" + content + "\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                acknowledged.put(r.body().replaceAll(".*\"MessageId\":\"([^\"]+)\".*", "$1"), content);
                            }
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            posters.forEach(Thread::start);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.kill(); // SIGKILL while posts are in flight
            stop.set(true);
            for (Thread t : posters) {
                t.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(50);

        try (ServerProcess second = ServerProcess.start(serveArgs(args), Map.of())) {
            Map<String, String> stored = new java.util.HashMap<>();
            String token = null;
            do {
                List<String> cmd = new ArrayList<>(List.of(
                        "admin",
                        "list-room-messages",
                        "--account-id",
                        account,
                        "--room-id",
                        room,
                        "--max-results",
                        "100",
                        "--endpoint-url",
                        second.url()));
                if (token != null) {
                    cmd.addAll(List.of("--next-token", token));
                }
                var run = AdminCommandIT.belfry(env, cmd.toArray(String[]::new));
                assertThat(run.code()).as(run.err()).isZero();
                Map<String, Object> page = (Map<String, Object>) JsonTree.read(run.out());
                for (Object m : (List<Object>) page.get("Messages")) {
                    Map<String, Object> message = (Map<String, Object>) m;
                    stored.put((String) message.get("MessageId"), (String) message.get("Content"));
                }
                token = (String) page.get("NextToken");
            } while (token != null);
            acknowledged.forEach((id, content) ->
                    assertThat(stored.get(id)).as("acknowledged message %s", id).isEqualTo(content));
        }
    }

    static List<String> serveArgs(List<String> args) {
        List<String> out = new ArrayList<>(args);
        out.addAll(List.of("--create-account-type", "EnterpriseLWA", "--no-access-log"));
        return out;
    }
}
