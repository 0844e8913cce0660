package dev.belfry.it.reliability;

import static dev.belfry.it.reliability.Http.assertApiError;
import static dev.belfry.it.reliability.Http.h;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.ServedOperations;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.RoomMembershipRole;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * Generated bad requests against one in-process server holding a small Enterprise account: broken JSON,
 * wrong JSON types (from the service model's own member types), huge and deeply nested bodies, invalid
 * UTF-8, oversized ids and SQL/path metacharacters in ids and query parameters, wrong methods and paths,
 * missing and duplicated headers, and well-formed requests whose authentication is missing or broken.
 * Every answer must be a 4xx in the D18 shape, the server must stay up and, checked after every property,
 * everything the tenant can see must be exactly as before.
 */
class MalformedRequestsIT {
    static final AtomicInteger SENT = new AtomicInteger();
    static RunningServer server;
    static ChimeClient client;
    static int port;
    static String before;
    static String account;
    static String teamAccount;
    static String room;
    static String user;
    static String bot;
    static ServiceModel model = ServiceModel.chime();

    /** Operations with a JSON body, and every operation inside an account: the server's own table. */
    static List<String> bodyOps;

    static List<String> allOps;

    static ServedOperations served;

    @BeforeContainer
    static void seed() throws Exception {
        server = RunningServer.enterprise(Databases.freshSqlite());
        port = server.server().port();
        served = new ServedOperations(server.server(), model);
        bodyOps = served.withBody();
        allOps = served.accountScoped();
        client = server.client();
        account = client.createAccount(b -> b.name("fuzz")).account().accountId();
        user = client.createUser(b -> b.accountId(account)
                        .username("u1")
                        .email("u1@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user()
                .userId();
        String user2 = client.createUser(b -> b.accountId(account)
                        .username("u2")
                        .email("u2@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user()
                .userId();
        bot = client.createBot(b -> b.accountId(account).displayName("fuzzbot").domain("example.com"))
                .bot()
                .botId();
        // a bot joins a room only with an events configuration (D114)
        client.putEventsConfiguration(b -> b.accountId(account)
                .botId(bot)
                .outboundEventsHTTPSEndpoint(
                        dev.belfry.testsupport.BotEndpoint.shared().url()));
        room = client.createRoom(b -> b.accountId(account).name("fuzz room"))
                .room()
                .roomId();
        client.batchCreateRoomMembership(b -> b.accountId(account)
                .roomId(room)
                .membershipItemList(
                        MembershipItem.builder()
                                .memberId(user)
                                .role(RoomMembershipRole.ADMINISTRATOR)
                                .build(),
                        MembershipItem.builder().memberId(user2).build(),
                        MembershipItem.builder().memberId(bot).build()));
        before = Http.snapshot(client);
    }

    @AfterProperty
    void dataUnchangedAndServerUp() throws Exception {
        Http.Response health = Http.send(port, new Http.Raw("GET", "/_belfry/health", List.of(h("Host", "x")), null));
        assertThat(health.status()).isEqualTo(200);
        assertThat(Http.snapshot(client)).as("data after the property").isEqualTo(before);
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("MalformedRequestsIT: " + SENT.get() + " bad requests sent");
        assertThat(SENT.get()).isGreaterThanOrEqualTo(10_000);
        server.close();
    }

    // ---------------------------------------------------------------- bad bodies, well signed

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void badBodiesAreRefused(@ForAll("bodyOps") String op, @ForAll("badBodies") Object body) throws Exception {
        byte[] bytes = body instanceof byte[] b ? b : materialize(op, (BodyKind) body);
        String target = target(op, Map.of());
        Http.Response r = Http.send(port, Http.signedRaw(port, method(op), target, bytes, "test", "test"));
        SENT.incrementAndGet();
        assertApiError(r, op + " with body " + preview(bytes));
        if (bytes.length > (1 << 20)) {
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("larger than this server accepts");
        }
    }

    /** A body that is bad because of its JSON type for one member; decided per operation from the model. */
    record BodyKind(int member, int wrongType, int seed) {}

    @Provide
    Arbitrary<String> bodyOps() {
        return Arbitraries.of(bodyOps);
    }

    @Provide
    Arbitrary<Object> badBodies() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(40);
        Arbitrary<Object> truncated = Combinators.combine(
                        Arbitraries.of(validBodies()),
                        Arbitraries.doubles().between(0, 0.999).ofScale(3))
                .as((v, f) -> v.substring(0, 1 + (int) (f * (v.length() - 1))).getBytes(StandardCharsets.UTF_8));
        Arbitrary<Object> garbage = text.map(s -> ("@" + s).getBytes(StandardCharsets.UTF_8));
        Arbitrary<Object> notObjects = Arbitraries.of(
                        "[]",
                        "[{}]",
                        "\"text\"",
                        "42",
                        "-1.5e308",
                        "true",
                        "false",
                        "{}{}",
                        "{\"Name\":\"a\"}}",
                        "{\"Name\":\"a\",}",
                        "{'Name':'a'}",
                        "{\"Name\":NaN}",
                        "{Name:\"x\"}",
                        "{\"Name\":\"a\" /* c */}",
                        "{\"Name\":\"\\x41\"}",
                        "{\"Name\":\"a\"\u0000}",
                        "\uFEFF\uFEFF{}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<Object> wrongTypes = Combinators.combine(
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers())
                .as(BodyKind::new);
        Arbitrary<Object> deep = Arbitraries.integers().between(1_001, 20_000).map(MalformedRequestsIT::nested);
        Arbitrary<Object> huge = Arbitraries.integers()
                .between((1 << 20) + 1, (1 << 20) + 4096)
                .map(n -> {
                    byte[] b = new byte[n];
                    java.util.Arrays.fill(b, (byte) 'a');
                    byte[] head = "{\"Name\":\"".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(head, 0, b, 0, head.length);
                    return b;
                });
        Arbitrary<Object> badUtf8 = Combinators.combine(
                        Arbitraries.of(
                                new byte[] {(byte) 0xff},
                                new byte[] {(byte) 0xc0, (byte) 0x80},
                                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                                new byte[] {(byte) 0xe2, (byte) 0x82},
                                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
                        Arbitraries.of("Name", "Role", "MemberId", "DisplayName", "Email"))
                .as((bad, field) -> {
                    byte[] head = ("{\"" + field + "\":\"x").getBytes(StandardCharsets.UTF_8);
                    byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
                    byte[] all = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(bad, 0, all, head.length, bad.length);
                    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
                    return (Object) all;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, truncated),
                net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(2, notObjects),
                net.jqwik.api.Tuple.of(6, wrongTypes),
                net.jqwik.api.Tuple.of(1, deep),
                net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(2, badUtf8));
    }

    static List<String> validBodies() {
        return List.of(
                "{\"Name\":\"room\"}",
                "{\"MembershipItemList\":[{\"MemberId\":\"x\",\"Role\":\"Member\"}]}",
                "{\"UserIdList\":[\"a\",\"b\"]}",
                "{\"DisplayName\":\"bot\",\"Domain\":\"example.com\"}",
                "{\"Username\":\"u\",\"Email\":\"u@example.com\",\"UserType\":\"PrivateUser\"}",
                "{\"Role\":\"Member\"}");
    }

    static byte[] nested(int depth) {
        StringBuilder b = new StringBuilder("{\"Name\":");
        b.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON object with one member of the operation's input set to a value of the wrong JSON type: a number
     * or object for a string, a string for a list, a list for a structure, and so on (D13: 400, nothing applied).
     */
    static byte[] materialize(String op, BodyKind kind) {
        Shape.Structure input = model.operation(op).input();
        List<ShapeMember> bodyMembers = new ArrayList<>();
        for (ShapeMember m : input.members().values()) {
            if (m.inBody()) {
                bodyMembers.add(m);
            }
        }
        if (bodyMembers.isEmpty()) {
            return "[1]".getBytes(StandardCharsets.UTF_8);
        }
        ShapeMember m = bodyMembers.get(Math.floorMod(kind.member(), bodyMembers.size()));
        Shape target = m.shape();
        List<String> wrong;
        if (target instanceof Shape.Str) {
            wrong = List.of("1", "-0.5", "true", "{}", "[\"a\"]", "{\"a\":1}", "[]", "1e999");
        } else if (target instanceof Shape.ListOf) {
            wrong = List.of("\"a\"", "1", "{}", "true", "[[]]", "[1,2]", "[\"a\",{}]", "[true]");
        } else if (target instanceof Shape.Structure) {
            wrong = List.of("\"a\"", "1", "[]", "true", "[{}]", "\"{}\"", "-1", "false");
        } else {
            wrong = List.of("\"a\"", "{}", "[]", "\"1\"", "1.5", "\"yes\"", "\"NaN\"", "[true]");
        }
        String value = wrong.get(Math.floorMod(kind.wrongType(), wrong.size()));
        return ("{\"" + m.wireName() + "\":" + value + "}").getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- odd ids and query values, well signed

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void oddIdsAreRefused(@ForAll("allOps") String op, @ForAll("oddIds") String id, @ForAll("slots") int slot)
            throws Exception {
        Map<String, String> ids = new java.util.HashMap<>(
                Map.of("accountId", account, "roomId", room, "userId", user, "botId", bot, "memberId", user));
        List<String> labels = labels(op);
        String label = labels.get(Math.floorMod(slot, labels.size()));
        ids.put(label, id);
        String target = target(op, ids);
        byte[] body = method(op).equals("POST") ? bodyFor(op, id) : new byte[0];
        Http.Response r = Http.send(port, Http.signedRaw(port, method(op), target, body, "test", "test"));
        SENT.incrementAndGet();
        assertApiError(r, op + " " + target);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void badQueryValuesAreRefused(@ForAll("listOps") String op, @ForAll("badQuery") String query) throws Exception {
        String target = target(op, Map.of()) + (target(op, Map.of()).contains("?") ? "&" : "?") + query;
        Http.Response r = Http.send(port, Http.signedRaw(port, "GET", target, new byte[0], "test", "test"));
        SENT.incrementAndGet();
        assertApiError(r, op + " " + target);
    }

    @Provide
    Arbitrary<String> allOps() {
        return Arbitraries.of(allOps);
    }

    @Provide
    Arbitrary<String> listOps() {
        return Arbitraries.of("ListBots", "ListRoomMemberships", "ListRooms", "ListUsers", "ListAccounts");
    }

    @Provide
    Arbitrary<Integer> slots() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<String> badQuery() {
        Arbitrary<String> badNumber =
                Arbitraries.of("0", "-1", "1000000", "abc", "1.5", "", "99999999999", "%27%20OR%201%3D1", "%00", "1e3");
        Arbitrary<String> badToken = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("+/=_-")
                .ofMinLength(0)
                .ofMaxLength(300)
                .map(s -> encode(s.isEmpty() ? "x" : s));
        return Arbitraries.oneOf(
                badNumber.map(v -> "max-results=" + v),
                badToken.map(v -> "next-token=" + v),
                Arbitraries.of(
                        "next-token=%ZZ",
                        "max-results=%",
                        "next-token=" + encode("' OR '1'='1"),
                        "next-token=" + encode("../../etc/passwd")));
    }

    @Provide
    Arbitrary<String> oddIds() {
        Arbitrary<String> sql = Arbitraries.of(
                "' OR '1'='1",
                "1; DROP TABLE rooms; --",
                "\" OR \"\"=\"",
                "%",
                "_",
                "*",
                "1' UNION SELECT * FROM accounts --",
                "'); DELETE FROM memberships; --",
                "\\",
                "NULL",
                "null");
        Arbitrary<String> path = Arbitraries.of(
                "..", ".", "../..", "..%2f..", "%2e%2e", "a/b", "%2F", "%00", "a%00b", "~root", "%252e", "a;b", "a?b",
                "a#b", "%", "%zz", "%c0%ae");
        Arbitrary<String> oversized = Arbitraries.integers().between(65, 6000).map(n -> "a".repeat(n));
        Arbitrary<String> unicode = Arbitraries.strings()
                .withCharRange('\u0080', '\uffff')
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(s -> !s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<String> any = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<String> nearUuid =
                Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36);
        return Arbitraries.oneOf(
                sql.map(MalformedRequestsIT::encode),
                path,
                oversized,
                unicode.map(MalformedRequestsIT::encode),
                any.map(MalformedRequestsIT::encode),
                nearUuid,
                Arbitraries.of(
                        account.toUpperCase(),
                        "%20" + account,
                        account + "%20",
                        room + "x",
                        user.substring(1),
                        account + "%0A",
                        "%09" + room));
    }

    // ---------------------------------------------------------------- broken authentication on good requests

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void brokenAuthenticationIsRefused(@ForAll("bodyOps") String op, @ForAll("authBreaks") String how)
            throws Exception {
        String target = target(op, Map.of());
        byte[] body = bodyFor(op, "x" + SENT.get());
        Http.Raw raw = Auth.broken(port, method(op), target, body, how);
        Http.Response r = Http.send(port, raw);
        SENT.incrementAndGet();
        assertApiError(r, how + " on " + op);
        assertThat(r.status()).isIn(400, 403);
        assertThat(r.header("x-amzn-ErrorType"))
                .isIn(
                        "MissingAuthenticationTokenException",
                        "UnrecognizedClientException",
                        "InvalidSignatureException",
                        "IncompleteSignatureException");
    }

    @Provide
    Arbitrary<String> authBreaks() {
        return Arbitraries.of(Auth.BREAKS);
    }

    // ---------------------------------------------------------------- protocol: methods, paths, headers

    @Property(tries = 1500, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void protocolAbuseIsRefused(@ForAll("protocol") Http.Raw raw) throws Exception {
        Http.Response r = Http.send(
                port,
                raw,
                !raw.headers().stream()
                        .anyMatch(e -> e.getKey().equalsIgnoreCase("content-length")
                                || e.getKey().equalsIgnoreCase("transfer-encoding")));
        SENT.incrementAndGet();
        if (raw.method().equals("HEAD")) {
            assertThat(r.status()).as("HEAD %s", raw.target()).isBetween(400, 499);
            return;
        }
        assertApiError(r, raw.method() + " " + raw.target() + " " + raw.headers());
    }

    @Provide
    Arbitrary<Http.Raw> protocol() {
        Arbitrary<String> methods = Arbitraries.of(
                "PUT",
                "PATCH",
                "DELETE",
                "GET",
                "POST",
                "OPTIONS",
                "HEAD",
                "FOO",
                "get",
                "CONNECTX",
                "M-SEARCH",
                "PROPFIND");
        Arbitrary<String> paths = Arbitraries.of(
                "/",
                "/account",
                "/accounts/%2e%2e/",
                "/..%2f..%2fetc%2fpasswd",
                "/accounts/" + account + "/rooms/" + room + "/x",
                "/accounts/" + account + "/teams",
                "/accounts?operation=nope",
                "/accounts/" + account + "/users?operation=delete",
                "/_belfry/",
                "/_belfry/admin",
                "/_belfry/nope",
                "/accounts/" + account + "/rooms/" + room + "/memberships?operation=batch-delete",
                "/index.html",
                "/accounts/" + account + "/rooms/" + room + "/memberships/" + user + "/x");
        // An unknown query parameter on a GET is ignored, as AWS does: a wrong ?operation= is only wrong on a POST.
        Arbitrary<Http.Raw> wrongRoutes = Combinators.combine(methods, paths)
                .as((m, p) -> Http.signedRaw(
                        port,
                        p.contains("?operation=") && m.equalsIgnoreCase("GET") ? "POST" : m,
                        p,
                        new byte[0],
                        "test",
                        "test"));
        Arbitrary<Http.Raw> headerAbuse = Arbitraries.of(Auth.HEADER_ABUSE)
                .map(name -> Auth.headerAbuse(
                        port,
                        name,
                        "/accounts/" + account + "/rooms",
                        "{\"Name\":\"should not exist\"}".getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(wrongRoutes, wrongRoutes, headerAbuse);
    }

    // ---------------------------------------------------------------- helpers

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String method(String op) {
        return model.operation(op).httpMethod();
    }

    static List<String> labels(String op) {
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)\\}")
                .matcher(model.operation(op).requestUri());
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels.isEmpty() ? List.of("none") : labels;
    }

    static String target(String op, Map<String, String> ids) {
        Map<String, String> all = new java.util.HashMap<>(
                Map.of("accountId", account, "roomId", room, "userId", user, "botId", bot, "memberId", user));
        all.putAll(ids);
        String uri = model.operation(op).requestUri();
        for (var e : all.entrySet()) {
            uri = uri.replace("{" + e.getKey() + "}", e.getValue());
        }
        // any other label (a meeting id, a phone number id): a well-formed id nothing has
        return uri.replaceAll("\\{[A-Za-z]+}", "e3c0b9f4-0000-4000-8000-000000000001");
    }

    /** A body that would be valid for the operation (so only the thing under test makes it bad). */
    static byte[] bodyFor(String op, String tag) {
        String json = switch (op) {
            case "BatchCreateRoomMembership" ->
                "{\"MembershipItemList\":[{\"MemberId\":\"" + user + "\",\"Role\":\"Member\"}]}";
            case "BatchSuspendUser", "BatchUnsuspendUser" -> "{\"UserIdList\":[\"" + user + "\"]}";
            case "CreateAccount" -> "{\"Name\":\"acct" + Math.abs(tag.hashCode()) + "\"}";
            case "CreateBot" -> "{\"DisplayName\":\"b" + Math.abs(tag.hashCode()) + "\",\"Domain\":\"example.com\"}";
            case "CreateRoom" -> "{\"Name\":\"r" + Math.abs(tag.hashCode()) + "\"}";
            case "CreateRoomMembership" -> "{\"MemberId\":\"" + user + "\",\"Role\":\"Member\"}";
            case "CreateUser" ->
                "{\"Username\":\"n" + Math.abs(tag.hashCode()) + "\",\"Email\":\"n" + Math.abs(tag.hashCode())
                        + "@example.com\",\"UserType\":\"PrivateUser\"}";
            case "UpdateAccount" -> "{\"Name\":\"renamed\"}";
            case "UpdateBot" -> "{\"Disabled\":true}";
            case "UpdateRoom" -> "{\"Name\":\"renamed\"}";
            case "UpdateRoomMembership" -> "{\"Role\":\"Administrator\"}";
            case "UpdateUser" -> "{\"LicenseType\":\"Pro\"}";
            default -> served.minimalBody(op, name -> name.endsWith("Id") ? user : null);
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 120), StandardCharsets.UTF_8);
        return s + (b.length > 120 ? "…(" + b.length + " bytes)" : "");
    }

    static Instant now() {
        return Instant.now();
    }
}
