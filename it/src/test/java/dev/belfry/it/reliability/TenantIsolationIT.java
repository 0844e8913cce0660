package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.ServedOperations;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.ConflictException;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * Three tenants, each with an Enterprise account, users, a bot, a room and memberships. A seeded random
 * sequence of every operation, each aimed by one tenant at another's resources — in the other's account,
 * or the other's room/user/bot ids inside its own account (path or body). Every answer must be exactly the
 * answer for ids that do not exist at all (status, error type and message with ids masked), so nothing is
 * read, listed, changed or even confirmed to exist; and at the end every tenant's data is unchanged.
 */
class TenantIsolationIT {
    static final ServiceModel MODEL = ServiceModel.chime();
    /** Every served operation inside an account, from the server's own table (ServedOperations). */
    static List<String> ops;

    static ServedOperations served;

    static final int ROUNDS = 600;

    record Tenant(String key, String account, String room, String user, String user2, String bot) {}

    @Test
    void noTenantReachesAnothersData() throws Exception {
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":["
                        + "{\"accessKeyId\":\"t1\",\"secretAccessKey\":\"s1\",\"tenant\":\"111111111111\"},"
                        + "{\"accessKeyId\":\"t2\",\"secretAccessKey\":\"s2\",\"tenant\":\"222222222222\"},"
                        + "{\"accessKeyId\":\"t3\",\"secretAccessKey\":\"s3\",\"tenant\":\"333333333333\"}]}");
        try (RunningServer server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                .withPort(0)
                .withCredentialsFile(creds)
                .withCreateAccountType(AccountType.EnterpriseLWA))) {
            int port = server.server().port();
            served = new ServedOperations(server.server(), MODEL);
            ops = served.accountScoped();
            List<Tenant> tenants = new ArrayList<>();
            Map<String, ChimeClient> clients = new HashMap<>();
            for (int i = 1; i <= 3; i++) {
                ChimeClient c = server.client("t" + i, "s" + i);
                clients.put("t" + i, c);
                tenants.add(seed(c, "t" + i));
            }
            Map<String, String> before = new HashMap<>();
            clients.forEach((k, c) -> before.put(k, Http.snapshot(c)));

            Random random = new Random(20261128L);
            int compared = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Tenant attacker = tenants.get(random.nextInt(3));
                Tenant victim = tenants.get(random.nextInt(3));
                if (victim == attacker) {
                    continue;
                }
                String op = ops.get(random.nextInt(ops.size()));
                boolean ownAccount = random.nextBoolean();
                Map<String, String> victimIds = ids(op, attacker, victim, ownAccount);
                if (victimIds == null) {
                    continue; // nothing of the victim's in this request
                }
                Map<String, String> freshIds = new HashMap<>(victimIds);
                freshIds.replaceAll((label, id) ->
                        isAttackers(id, attacker) ? id : UUID.randomUUID().toString());
                Http.Response toVictim = call(port, attacker, op, victimIds);
                Http.Response toNobody = call(port, attacker, op, freshIds);
                assertThat(toVictim.status())
                        .as("%s by %s at %s's %s", op, attacker.key(), victim.key(), victimIds)
                        .isLessThan(500);
                assertThat(normalized(toVictim))
                        .as(
                                "%s by %s at %s's %s is the answer for unknown ids",
                                op, attacker.key(), victim.key(), victimIds)
                        .isEqualTo(normalized(toNobody));
                assertThat(toVictim.status())
                        .as("%s at another tenant's ids", op)
                        .isIn(200, 201, 404);
                compared++;
            }
            for (var e : clients.entrySet()) {
                assertThat(Http.snapshot(e.getValue()))
                        .as("tenant %s's data", e.getKey())
                        .isEqualTo(before.get(e.getKey()));
                assertThat(e.getValue().listAccounts().accounts()).hasSize(1);
            }
            System.out.printf(
                    "TenantIsolationIT: %d cross-tenant requests, each compared with the same request on"
                            + " unknown ids%n",
                    compared);
            assertThat(compared).isGreaterThan(300);
            clients.values().forEach(ChimeClient::close);
        }
    }

    /**
     * An email is unique within a tenant only (D19): a tenant that creates a user with an address another tenant
     * already uses gets its user, not a Conflict that would confirm the other tenant's user exists; the same address
     * twice within one tenant is still a Conflict, and ListAccounts' user-email filter finds only the caller's own.
     */
    @Test
    void anEmailIsTakenOnlyWithinItsTenant() throws Exception {
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":["
                        + "{\"accessKeyId\":\"t1\",\"secretAccessKey\":\"s1\",\"tenant\":\"111111111111\"},"
                        + "{\"accessKeyId\":\"t2\",\"secretAccessKey\":\"s2\",\"tenant\":\"222222222222\"}]}");
        try (RunningServer server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                        .withPort(0)
                        .withCredentialsFile(creds)
                        .withCreateAccountType(AccountType.EnterpriseLWA));
                ChimeClient one = server.client("t1", "s1");
                ChimeClient two = server.client("t2", "s2")) {
            String first = one.createAccount(b -> b.name("first")).account().accountId();
            String second = two.createAccount(b -> b.name("second")).account().accountId();
            String ownerOne = one.createUser(b -> b.accountId(first).email("Shared@Example.com"))
                    .user()
                    .userId();
            String ownerTwo = two.createUser(b -> b.accountId(second).email("shared@example.com"))
                    .user()
                    .userId();
            assertThat(ownerTwo).isNotEqualTo(ownerOne);
            assertThatThrownBy(() -> two.createUser(b -> b.accountId(second).email("SHARED@example.com")))
                    .isInstanceOf(ConflictException.class);
            assertThat(one.listAccounts(b -> b.userEmail("Shared@Example.com")).accounts())
                    .extracting(a -> a.accountId())
                    .containsExactly(first);
            assertThat(two.listAccounts(b -> b.userEmail("shared@example.com")).accounts())
                    .extracting(a -> a.accountId())
                    .containsExactly(second);
        }
    }

    /**
     * The tenant's resources outside accounts (phone numbers and orders, D69): each tenant holds a number of its
     * own; every operation with ids of such resources (ServedOperations#tenantScopedWithIds), aimed by each tenant
     * at each other's, answers exactly as for a number or order nobody has, and leaves every inventory unchanged.
     */
    @Test
    void noTenantReachesAnothersPhoneNumbersOrOrders() throws Exception {
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":["
                        + "{\"accessKeyId\":\"t1\",\"secretAccessKey\":\"s1\",\"tenant\":\"111111111111\"},"
                        + "{\"accessKeyId\":\"t2\",\"secretAccessKey\":\"s2\",\"tenant\":\"222222222222\"}]}");
        try (RunningServer server = RunningServer.start(
                ServerSettings.defaults(Databases.forSuite()).withPort(0).withCredentialsFile(creds))) {
            int port = server.server().port();
            ServedOperations served = new ServedOperations(server.server(), MODEL);
            List<String> scoped = served.tenantScopedWithIds();
            assertThat(scoped).contains("GetPhoneNumber", "GetPhoneNumberOrder", "BatchDeletePhoneNumber");
            Map<String, Map<String, String>> owned = new HashMap<>();
            Map<String, ChimeClient> clients = new HashMap<>();
            for (int i = 1; i <= 2; i++) {
                ChimeClient c = server.client("t" + i, "s" + i);
                clients.put("t" + i, c);
                String number = "1206555010" + i; // the + left out: an id in a path needs no encoding then
                String order = c.createPhoneNumberOrder(
                                r -> r.productType("VoiceConnector").e164PhoneNumbers("+" + number))
                        .phoneNumberOrder()
                        .phoneNumberOrderId();
                owned.put("t" + i, Map.of("phoneNumberId", number, "phoneNumberOrderId", order));
            }
            Map<String, String> nobody = Map.of(
                    "phoneNumberId",
                    "12065550199",
                    "phoneNumberOrderId",
                    UUID.randomUUID().toString());
            Map<String, String> before = new HashMap<>();
            clients.forEach((k, c) -> before.put(k, Http.snapshot(c)));
            int compared = 0;
            for (String op : scoped) {
                for (String[] pair : new String[][] {{"t1", "t2"}, {"t2", "t1"}}) {
                    Http.Response toVictim = callScoped(served, port, pair[0], op, owned.get(pair[1]));
                    Http.Response toNobody = callScoped(served, port, pair[0], op, nobody);
                    assertThat(toVictim.status())
                            .as("%s by %s at %s's", op, pair[0], pair[1])
                            .isLessThan(500);
                    assertThat(normalized(toVictim).replaceAll("\\+?\\d{11}", "<number>"))
                            .as("%s by %s at %s's ids is the answer for unknown ids", op, pair[0], pair[1])
                            .isEqualTo(normalized(toNobody).replaceAll("\\+?\\d{11}", "<number>"));
                    compared++;
                }
            }
            for (var e : clients.entrySet()) {
                assertThat(Http.snapshot(e.getValue()))
                        .as("tenant %s's data", e.getKey())
                        .isEqualTo(before.get(e.getKey()));
            }
            assertThat(compared).isEqualTo(2 * scoped.size());
            clients.values().forEach(ChimeClient::close);
        }
    }

    private static Http.Response callScoped(
            ServedOperations scoped, int port, String caller, String op, Map<String, String> ids) throws Exception {
        String target = MODEL.operation(op).requestUri();
        for (var e : ids.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", e.getValue());
        }
        target = target.replaceAll("\\{\\w+\\}", "0a0b0c0d-0000-4000-8000-000000000000"); // labels of other kinds
        String number = ids.get("phoneNumberId");
        String json = scoped.withBody().contains(op) ? scoped.minimalBody(op, name -> number) : "";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Http.send(
                port,
                Http.signedRaw(
                        port, MODEL.operation(op).httpMethod(), target, body, caller, "s" + caller.substring(1)));
    }

    private static Tenant seed(ChimeClient c, String key) {
        String account = c.createAccount(b -> b.name("acct-" + key)).account().accountId();
        String user = c.createUser(b -> b.accountId(account)
                        .username(key + "u1")
                        .email(key + "u1@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user()
                .userId();
        String user2 = c.createUser(b -> b.accountId(account)
                        .username(key + "u2")
                        .email(key + "u2@example.com")
                        .userType(UserType.PRIVATE_USER))
                .user()
                .userId();
        String bot = c.createBot(
                        b -> b.accountId(account).displayName(key + "bot").domain("example.com"))
                .bot()
                .botId();
        // a bot joins a room only with an events configuration (D114)
        c.putEventsConfiguration(b -> b.accountId(account)
                .botId(bot)
                .outboundEventsHTTPSEndpoint(
                        dev.belfry.testsupport.BotEndpoint.shared().url()));
        String room = c.createRoom(b -> b.accountId(account).name(key + " room"))
                .room()
                .roomId();
        c.batchCreateRoomMembership(b -> b.accountId(account)
                .roomId(room)
                .membershipItemList(
                        MembershipItem.builder().memberId(user).build(),
                        MembershipItem.builder().memberId(bot).build()));
        return new Tenant(key, account, room, user, user2, bot);
    }

    /**
     * The ids for one cross-tenant request: either everything in the victim's account, or the attacker's
     * own account with the victim's room/user/bot in the path or body. Null when the request would hold
     * nothing of the victim's.
     */
    private static Map<String, String> ids(String op, Tenant attacker, Tenant victim, boolean ownAccount) {
        Map<String, String> ids = new HashMap<>();
        String uri = MODEL.operation(op).requestUri();
        ids.put("accountId", ownAccount ? attacker.account() : victim.account());
        boolean victimInside = !ownAccount;
        if (uri.contains("{roomId}")) {
            boolean victimRoom = !ownAccount
                    || !uri.contains("{memberId}") && !op.startsWith("Batch") && !op.equals("CreateRoomMembership");
            ids.put("roomId", victimRoom ? victim.room() : attacker.room());
            victimInside |= victimRoom;
        }
        for (String label : List.of("userId", "botId")) {
            if (uri.contains("{" + label + "}")) {
                ids.put(label, label.equals("userId") ? victim.user() : victim.bot());
                victimInside = true;
            }
        }
        if (uri.contains("{memberId}") || op.equals("CreateRoomMembership") || op.startsWith("Batch")) {
            ids.put("memberId", victim.user());
            victimInside = true;
        }
        return victimInside ? ids : null;
    }

    private static boolean isAttackers(String id, Tenant t) {
        return id.equals(t.account()) || id.equals(t.room()) || id.equals(t.user()) || id.equals(t.bot());
    }

    private static Http.Response call(int port, Tenant caller, String op, Map<String, String> ids) throws Exception {
        String target = MODEL.operation(op).requestUri();
        for (var e : ids.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", e.getValue());
        }
        String member = ids.getOrDefault("memberId", UUID.randomUUID().toString());
        String json = switch (op) {
            case "BatchCreateRoomMembership" -> "{\"MembershipItemList\":[{\"MemberId\":\"" + member + "\"}]}";
            case "BatchSuspendUser", "BatchUnsuspendUser" -> "{\"UserIdList\":[\"" + member + "\"]}";
            case "CreateBot" -> "{\"DisplayName\":\"intruder\",\"Domain\":\"example.com\"}";
            case "CreateRoom" -> "{\"Name\":\"intruder\"}";
            case "CreateRoomMembership" -> "{\"MemberId\":\"" + member + "\"}";
            case "CreateUser" -> "{\"Username\":\"intruder\",\"Email\":\"intruder@example.com\"}";
            case "UpdateAccount", "UpdateRoom" -> "{\"Name\":\"taken\"}";
            case "UpdateBot" -> "{\"Disabled\":true}";
            case "UpdateRoomMembership" -> "{\"Role\":\"Administrator\"}";
            case "UpdateUser" -> "{\"LicenseType\":\"Basic\"}";
            case "AssociatePhoneNumberWithUser" -> "{\"E164PhoneNumber\":\"+12065550100\"}"; // no tenant owns it
            default -> served.withBody().contains(op) ? served.minimalBody(op, name -> member) : "";
        };
        String method = MODEL.operation(op).httpMethod();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Http.send(
                port,
                Http.signedRaw(
                        port,
                        method,
                        target,
                        body,
                        caller.key(),
                        "s" + caller.key().substring(1)));
    }

    private static String normalized(Http.Response r) {
        return r.status() + " " + r.header("x-amzn-ErrorType") + " "
                + r.text().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    }
}
