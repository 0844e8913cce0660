package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.rooms.Caller;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.server.ServerSettings;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Account;
import software.amazon.awssdk.services.chime.model.Bot;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.Room;
import software.amazon.awssdk.services.chime.model.RoomMembership;
import software.amazon.awssdk.services.chime.model.User;
import software.amazon.awssdk.services.chime.model.UserType;

/** Shared helpers of the API suites: servers, SDK shortcuts, raw signed HTTP with the exact wire bytes. */
final class Api {
    static final String TENANT = "000000000000";
    static final Caller OPERATOR = new Caller(TENANT, "arn:aws:iam::" + TENANT + ":user/test");
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private Api() {}

    static RunningServer enterprise() throws Exception {
        return RunningServer.enterprise(Databases.forSuite());
    }

    /** Bots with a LambdaFunctionArn are invoked at this stub, signed with its operator key (D111). */
    static ServerSettings withLambda(ServerSettings s, LambdaStub lambda) {
        dev.belfry.server.MessagingSettings m =
                s.messaging() != null ? s.messaging() : dev.belfry.server.MessagingSettings.defaults();
        return s.withMessaging(m.withBotEvents(m.botEvents()
                .withLambda(
                        java.net.URI.create(lambda.url()),
                        () -> new dev.belfry.server.bots.AwsKeys(LambdaStub.ACCESS_KEY, LambdaStub.SECRET_KEY, null))));
    }

    static RunningServer team() throws Exception {
        return RunningServer.start(Databases.forSuite());
    }

    static RunningServer start(java.util.function.UnaryOperator<ServerSettings> customize) throws Exception {
        return RunningServer.start(
                customize.apply(ServerSettings.defaults(Databases.forSuite()).withPort(0)));
    }

    /** Two tenants: a/a → 111111111111, b/b → 222222222222. */
    /** A credentials file with two tenants: a/a acts for 111111111111, b/b for 222222222222. */
    static Path twoTenantCredentials() {
        try {
            Path file = Files.createTempFile("belfry-creds", ".json");
            Files.writeString(
                    file,
                    "{\"credentials\":[{\"accessKeyId\":\"a\",\"secretAccessKey\":\"a\",\"tenant\":\"111111111111\"},"
                            + "{\"accessKeyId\":\"b\",\"secretAccessKey\":\"b\",\"tenant\":\"222222222222\"}]}");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Account account(ChimeClient c, String name) {
        return c.createAccount(b -> b.name(name)).account();
    }

    static User user(ChimeClient c, String accountId, String name) {
        return c.createUser(b -> b.accountId(accountId)
                        .username(name)
                        .email(name + "@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user();
    }

    static Bot bot(ChimeClient c, String accountId, String name) {
        return c.createBot(b -> b.accountId(accountId).displayName(name).domain("example.com"))
                .bot();
    }

    /**
     * A bot that can join rooms: its events configuration is the shared loopback endpoint, which answers the
     * verification handshake (D108, D114).
     */
    public static Bot configuredBot(ChimeClient c, String accountId, String name) {
        Bot bot = bot(c, accountId, name);
        configure(c, accountId, bot.botId());
        return bot;
    }

    /** Gives a bot the shared loopback endpoint as its events configuration. */
    public static void configure(ChimeClient c, String accountId, String botId) {
        c.putEventsConfiguration(b -> b.accountId(accountId)
                .botId(botId)
                .outboundEventsHTTPSEndpoint(
                        dev.belfry.testsupport.BotEndpoint.shared().url()));
    }

    static Room room(ChimeClient c, String accountId, String name) {
        return c.createRoom(b -> b.accountId(accountId).name(name)).room();
    }

    static MembershipItem item(String memberId, String role) {
        return MembershipItem.builder().memberId(memberId).role(role).build();
    }

    /** Every membership of a room, following NextToken. */
    static List<RoomMembership> memberships(ChimeClient c, String accountId, String roomId) {
        List<RoomMembership> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = c.listRoomMemberships(
                    b -> b.accountId(accountId).roomId(roomId).nextToken(t));
            all.addAll(page.roomMemberships());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    static void suspendAccount(RunningServer s, String accountId) {
        s.server().domain().accounts().setStatus(OPERATOR, accountId, AccountStatus.Suspended);
    }

    // ---------------------------------------------------------------- raw signed HTTP

    /** A response exactly as received. */
    record Wire(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return (Map<String, Object>) JsonTree.read(text());
            } catch (Exception e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + text(), e);
            }
        }

        /** D18: an error in the API's shape, with no trace of Java in it. */
        Wire assertApiError(int expectedStatus, String errorType) {
            assertApiError();
            assertThat(status).as(text()).isEqualTo(expectedStatus);
            assertThat(header("x-amzn-ErrorType")).isEqualTo(errorType);
            return this;
        }

        Wire assertApiError() {
            assertThat(status).as("status of %s", text()).isBetween(400, 499);
            assertThat(header("x-amzn-ErrorType")).as("x-amzn-ErrorType").isNotBlank();
            assertThat(header("x-amzn-RequestId")).as("x-amzn-RequestId").matches(UUID);
            assertThat(header("content-type")).startsWith("application/json");
            Map<String, Object> json = json();
            assertThat(json).containsKeys("Code", "Message");
            assertThat(json.get("Code")).isInstanceOf(String.class);
            assertThat((String) json.get("Message")).isNotBlank();
            String type = header("x-amzn-ErrorType");
            assertThat(type).endsWith("Exception");
            assertNoJava(text());
            return this;
        }

        String message() {
            return (String) json().get("Message");
        }
    }

    static void assertNoJava(String body) {
        assertThat(body)
                .doesNotContainPattern("\\bat [a-z]+\\.[a-zA-Z.$]+\\(")
                .doesNotContainPattern("(java|javax|jdk|sun|org\\.eclipse|com\\.fasterxml|dev\\.belfry)\\.[a-z]")
                .doesNotContain("Exception:")
                .doesNotContain("NullPointer")
                .doesNotContain(".java:");
    }

    /** A request to sign and send; mutable so tests can tamper after signing. */
    static final class Req {
        String method;
        String path;
        String query;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        byte[] body;

        Req(String method, String pathAndQuery, String body) {
            this.method = method;
            int q = pathAndQuery.indexOf('?');
            this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            this.query = q < 0 ? null : pathAndQuery.substring(q + 1);
            this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                headers.add(Map.entry("Content-Type", "application/json"));
            }
        }

        Req header(String name, String value) {
            headers.add(new AbstractMap.SimpleEntry<>(name, value));
            return this;
        }

        Req remove(String name) {
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            return this;
        }

        String get(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        Req set(String name, String value) {
            remove(name);
            return header(name, value);
        }
    }

    static final class Raw {
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final URI base;
        private final String key;
        private final String secret;
        private final SigV4Signer signer = new SigV4Signer("chime", "us-east-1");

        Raw(String url, String key, String secret) {
            this.base = URI.create(url);
            this.key = key;
            this.secret = secret;
        }

        Raw(RunningServer s) {
            this(s.url(), "test", "test");
        }

        String host() {
            return base.getHost() + ":" + base.getPort();
        }

        /** Signs in place (adds X-Amz-Date and Authorization) as of {@code now}. */
        Req sign(Req r, Instant now) {
            r.remove("Authorization").remove("X-Amz-Date");
            List<Map.Entry<String, String>> withHost = new ArrayList<>(r.headers);
            withHost.add(Map.entry("Host", host()));
            signer.sign(new SignableRequest(r.method, r.path, r.query, withHost, r.body), key, secret, null, now)
                    .forEach(r::header);
            return r;
        }

        Req sign(Req r) {
            return sign(r, Instant.now());
        }

        Wire send(Req r) {
            try {
                URI uri = URI.create(base + r.path + (r.query == null ? "" : "?" + r.query));
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                for (Map.Entry<String, String> h : r.headers) {
                    b.header(h.getKey(), h.getValue());
                }
                b.method(
                        r.method,
                        r.body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(r.body));
                HttpResponse<byte[]> resp = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Wire(resp.statusCode(), resp.headers().map(), resp.body());
            } catch (Exception e) {
                throw new AssertionError(r.method + " " + r.path + " failed: " + e, e);
            }
        }

        Wire call(String method, String pathAndQuery, String body) {
            return send(sign(new Req(method, pathAndQuery, body)));
        }

        Wire get(String pathAndQuery) {
            return call("GET", pathAndQuery, null);
        }

        Wire post(String pathAndQuery, String body) {
            return call("POST", pathAndQuery, body);
        }

        Wire delete(String pathAndQuery) {
            return call("DELETE", pathAndQuery, null);
        }

        /** POST and expect 2xx; returns the JSON body. */
        Map<String, Object> ok(String method, String pathAndQuery, String body) {
            Wire w = call(method, pathAndQuery, body);
            assertThat(w.status())
                    .as("%s %s → %s", method, pathAndQuery, w.text())
                    .isBetween(200, 299);
            return w.body().length == 0 ? Map.of() : w.json();
        }

        @SuppressWarnings("unchecked")
        static String id(Map<String, Object> json, String outer, String field) {
            return (String) ((Map<String, Object>) json.get(outer)).get(field);
        }
    }
}
