package dev.belfry.it.console;

import com.sun.net.httpserver.HttpServer;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.ServerSettings;
import dev.belfry.store.StoreConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * A server with two tenants (t1/s1 → 111111111111, t2/s2 → 222222222222) and, for the first, an Enterprise
 * account with two users, a bot with an events configuration (its endpoint a loopback HTTP server here) and two
 * rooms, all made through the AWS SDK; plus a plain HTTP client for the console's API.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String CREDENTIALS = "{\"credentials\":["
            + "{\"accessKeyId\":\"t1\",\"secretAccessKey\":\"s1\",\"tenant\":\"111111111111\"},"
            + "{\"accessKeyId\":\"t2\",\"secretAccessKey\":\"s2\",\"tenant\":\"222222222222\"}]}";
    static final String ACCOUNT_NAME = "Console Demo";
    static final String ROOM_NAME = "Release planning";
    static final String OTHER_ROOM_NAME = "Random";
    static final String BOT_NAME = "Build Bot";

    final RunningServer server;
    final ChimeClient chime;
    final String accountId;
    final String roomId;
    final String aliceId;
    final String botId;
    /**
     * The bot's events endpoint, on loopback (D108): it answers the verification handshake, refuses the first event
     * with a 400, then takes them all.
     */
    final HttpServer botEndpoint;
    /** The EventType of each request the bot's endpoint got, in order. */
    final List<String> botReceived = new CopyOnWriteArrayList<>();

    ConsoleFixture(StoreConfig store) throws Exception {
        botEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        botEndpoint.createContext("/build-bot/events", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<?, ?> event = (Map<?, ?>) JsonTree.read(body);
            if ("HTTPSEndpointVerification".equals(event.get("EventType"))) {
                // PutEventsConfiguration's handshake (D108): echo the challenge, as a bot does
                byte[] echo = ("{\"Challenge\":\"" + event.get("Challenge") + "\"}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, echo.length);
                ex.getResponseBody().write(echo);
                ex.close();
                return;
            }
            botReceived.add(String.valueOf(event.get("EventType")));
            // a 4xx makes an event dead at once (D105): the console's Retry then has something to send again
            ex.sendResponseHeaders(botReceived.size() == 1 ? 400 : 200, -1);
            ex.close();
        });
        botEndpoint.start();
        Path credentials = Files.createTempFile("belfry-console", ".json");
        Files.writeString(credentials, CREDENTIALS);
        server = RunningServer.start(ServerSettings.defaults(store)
                .withPort(0)
                .withCredentialsFile(credentials)
                .withCreateAccountType(AccountType.EnterpriseLWA));
        chime = server.client("t1", "s1");
        accountId = chime.createAccount(b -> b.name(ACCOUNT_NAME)).account().accountId();
        aliceId = user("alice");
        user("bob");
        botId = chime.createBot(
                        b -> b.accountId(accountId).displayName(BOT_NAME).domain("example.com"))
                .bot()
                .botId();
        chime.putEventsConfiguration(
                b -> b.accountId(accountId).botId(botId).outboundEventsHTTPSEndpoint(botEndpointUrl()));
        roomId = chime.createRoom(b -> b.accountId(accountId).name(ROOM_NAME))
                .room()
                .roomId();
        chime.createRoom(b -> b.accountId(accountId).name(OTHER_ROOM_NAME));
        server.client("t2", "s2").createAccount(b -> b.name("Second tenant's account"));
    }

    private String user(String name) {
        return chime.createUser(b -> b.accountId(accountId)
                        .username(name)
                        .email(name + "@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user()
                .userId();
    }

    String botEndpointUrl() {
        return "http://127.0.0.1:" + botEndpoint.getAddress().getPort() + "/build-bot/events";
    }

    String consoleUrl() {
        return server.url() + "/_belfry/console/";
    }

    /** One request to the console's API: method, path under api/, optional JSON body and headers (name, value…). */
    HttpResponse<String> call(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(consoleUrl() + "api/" + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.close();
        botEndpoint.stop(0);
    }
}
