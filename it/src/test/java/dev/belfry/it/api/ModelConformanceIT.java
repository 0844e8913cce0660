package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.api.Api.Raw;
import dev.belfry.it.api.Api.Wire;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.model.ServiceModel;
import dev.belfry.server.http.OperationRouter;
import dev.belfry.server.ops.Operations;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation Belfry implements and checks it against the raw service model JSON (read here, not
 * through Belfry's own model loader): the router maps the model's method + requestUri (labels filled, literal
 * query kept) to that operation; a successful call returns the model's responseCode; every member of the JSON
 * response is a member of the output shape with the right JSON type, timestamps as ISO-8601 with millis and Z.
 * The calls are raw signed HTTP, so the exact wire bytes are what is checked.
 */
class ModelConformanceIT {
    static RunningServer server;
    static Raw raw;
    static Map<String, Object> model;
    static Map<String, Object> operationsJson;
    static Map<String, Object> shapes;
    static final Set<String> checked = new LinkedHashSet<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        server = Api.enterprise();
        raw = new Raw(server);
        try (InputStream in = ServiceModel.class.getResourceAsStream(ServiceModel.CHIME_RESOURCE)) {
            model = (Map<String, Object>) JsonTree.read(in);
        }
        operationsJson = (Map<String, Object>) model.get("operations");
        shapes = (Map<String, Object>) model.get("shapes");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> http(String op) {
        return (Map<String, Object>) ((Map<String, Object>) operationsJson.get(op)).get("http");
    }

    /** The model's requestUri with labels filled (percent-encoded), literal query kept. */
    static String uri(String op, Map<String, String> labels) {
        String uri = (String) http(op).get("requestUri");
        for (Map.Entry<String, String> l : labels.entrySet()) {
            uri = uri.replace("{" + l.getKey() + "}", URLEncoder.encode(l.getValue(), StandardCharsets.UTF_8));
        }
        assertThat(uri).as("%s: every label filled", op).doesNotContain("{");
        return uri;
    }

    static Map<String, List<String>> query(String uri) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        int i = uri.indexOf('?');
        if (i >= 0) {
            for (String pair : uri.substring(i + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                q.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return q;
    }

    /**
     * For an operation whose every call is an error in Belfry (D44): routes it, calls it and checks the error is
     * one the model lists for the operation, in the rest-json error shape.
     */
    @SuppressWarnings("unchecked")
    static void checkError(String op, Map<String, String> labels, String body, int status, String type)
            throws Exception {
        String method = (String) http(op).get("method");
        String uri = uri(op, labels);
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        OperationRouter router = new OperationRouter(ServiceModel.chime(), List.of());
        assertThat(router.route(method, path, query(uri)).operation().name())
                .as("route of %s %s", method, uri)
                .isEqualTo(op);
        Wire w = raw.call(method, uri, body);
        w.assertApiError(status, type);
        assertThat(w.header("x-amzn-RequestId")).as("%s request id", op).matches(Api.UUID);
        checked.add(op);
    }

    /** Routes, calls and checks one operation; returns the response JSON (empty for 204). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> check(String op, Map<String, String> labels, String body) throws Exception {
        String method = (String) http(op).get("method");
        String uri = uri(op, labels);
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        OperationRouter router = new OperationRouter(ServiceModel.chime(), List.of());
        assertThat(router.route(method, path, query(uri)).operation().name())
                .as("route of %s %s", method, uri)
                .isEqualTo(op);

        Wire w = raw.call(method, uri, body);
        int expected = ((Number) http(op).getOrDefault("responseCode", 200)).intValue();
        assertThat(w.status()).as("%s %s → %s", method, uri, w.text()).isEqualTo(expected);
        assertThat(w.header("x-amzn-RequestId")).as("%s request id", op).matches(Api.UUID);
        checked.add(op);
        if (expected == 204) {
            assertThat(w.body()).as("%s body", op).isEmpty();
            return Map.of();
        }
        assertThat(w.header("content-type")).as("%s content-type", op).isEqualTo("application/json");
        assertThat(w.header("content-length")).isEqualTo(String.valueOf(w.body().length));
        Map<String, Object> op0 = (Map<String, Object>) operationsJson.get(op);
        String outputShape = (String) ((Map<String, Object>) op0.get("output")).get("shape");
        Object json = JsonTree.read(w.text());
        conforms(op, json, outputShape);
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    static void conforms(String where, Object value, String shapeName) {
        Map<String, Object> shape = (Map<String, Object>) shapes.get(shapeName);
        String type = (String) shape.get("type");
        assertThat(value).as("%s (%s) is not null", where, shapeName).isNotNull();
        switch (type) {
            case "structure" -> {
                assertThat(value).as("%s is a JSON object", where).isInstanceOf(Map.class);
                Map<String, Object> members = (Map<String, Object>) shape.get("members");
                Map<String, String> byWireName = new LinkedHashMap<>();
                members.forEach((name, m) -> {
                    Map<String, Object> member = (Map<String, Object>) m;
                    if (member.get("location") == null) {
                        byWireName.put(
                                (String) member.getOrDefault("locationName", name), (String) member.get("shape"));
                    }
                });
                ((Map<String, Object>) value).forEach((k, v) -> {
                    assertThat(byWireName)
                            .as("%s: member %s is in the model's %s", where, k, shapeName)
                            .containsKey(k);
                    conforms(where + "." + k, v, byWireName.get(k));
                });
                for (Object req : (List<Object>) shape.getOrDefault("required", List.of())) {
                    assertThat((Map<String, Object>) value)
                            .as("%s: required member %s", where, req)
                            .containsKey((String) req);
                }
            }
            case "list" -> {
                assertThat(value).as("%s is a JSON array", where).isInstanceOf(List.class);
                String memberShape = (String) ((Map<String, Object>) shape.get("member")).get("shape");
                List<Object> list = (List<Object>) value;
                for (int i = 0; i < list.size(); i++) {
                    conforms(where + "[" + i + "]", list.get(i), memberShape);
                }
            }
            case "map" -> assertThat(value).as(where).isInstanceOf(Map.class);
            case "string" -> {
                assertThat(value).as("%s is a JSON string", where).isInstanceOf(String.class);
                List<Object> values = (List<Object>) shape.get("enum");
                if (values != null) {
                    assertThat(values).as("%s: enum of %s", where, shapeName).contains(value);
                }
            }
            case "timestamp" -> {
                assertThat(value).as("%s is a JSON string", where).isInstanceOf(String.class);
                assertThat((String) value).as(where).matches(Api.ISO_MILLIS);
            }
            case "boolean" ->
                assertThat(value).as("%s is a JSON boolean", where).isInstanceOf(Boolean.class);
            case "integer", "long" -> {
                assertThat(value).as("%s is a JSON number", where).isInstanceOf(Number.class);
                assertThat(((Number) value).doubleValue() % 1).isZero();
            }
            case "double", "float" -> assertThat(value).as(where).isInstanceOf(Number.class);
            default -> throw new AssertionError(where + ": unexpected shape type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> member(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }

    static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void everyImplementedOperationMatchesTheModelOnTheWire() throws Exception {
        Set<String> implemented = new Operations(
                        dev.belfry.model.ServiceModel.chime(), server.server().domain())
                .implemented();
        assertThat(implemented)
                .isNotEmpty()
                .allSatisfy(op -> assertThat(operationsJson).containsKey(op))
                .as("every operation of the model is served (D26)")
                .containsAll(operationsJson.keySet());
        assertThat(operationsJson).hasSize(62);

        String acct = Raw.id(check("CreateAccount", Map.of(), "{\"Name\":\"Conformance\"}"), "Account", "AccountId");
        check("GetAccount", labels("accountId", acct), null);
        check("ListAccounts", Map.of(), null);
        check("UpdateAccount", labels("accountId", acct), "{\"Name\":\"Conformance 2\",\"DefaultLicense\":\"Basic\"}");
        String u1 = Raw.id(
                check(
                        "CreateUser",
                        labels("accountId", acct),
                        "{\"Username\":\"one\",\"Email\":\"one@example.com\",\"UserType\":\"PrivateUser\"}"),
                "User",
                "UserId");
        String u2 = Raw.id(
                check("CreateUser", labels("accountId", acct), "{\"Email\":\"two@example.com\"}"), "User", "UserId");
        check("GetUser", labels("accountId", acct, "userId", u1), null);
        check("ListUsers", labels("accountId", acct), null);
        check("UpdateUser", labels("accountId", acct, "userId", u1), "{\"LicenseType\":\"Basic\"}");
        check("BatchSuspendUser", labels("accountId", acct), "{\"UserIdList\":[\"" + u2 + "\"]}");
        check("BatchUnsuspendUser", labels("accountId", acct), "{\"UserIdList\":[\"" + u2 + "\"]}");

        // ---- issue 13: account and user settings, invitations (D51-D59); every output member present ----
        check(
                "AssociateSigninDelegateGroupsWithAccount",
                labels("accountId", acct),
                "{\"SigninDelegateGroups\":[{\"GroupName\":\"g1\"},{\"GroupName\":\"g2\"}]}");
        check("DisassociateSigninDelegateGroupsFromAccount", labels("accountId", acct), "{\"GroupNames\":[\"g2\"]}");
        assertThat(member(check("GetAccount", labels("accountId", acct), null), "Account"))
                .containsEntry("SigninDelegateGroups", List.of(Map.of("GroupName", "g1")));
        check(
                "UpdateAccountSettings",
                labels("accountId", acct),
                "{\"AccountSettings\":{\"DisableRemoteControl\":true}}");
        assertThat(member(check("GetAccountSettings", labels("accountId", acct), null), "AccountSettings"))
                .containsOnlyKeys("DisableRemoteControl", "EnableDialOut");
        check(
                "UpdateGlobalSettings",
                Map.of(),
                "{\"BusinessCalling\":{\"CdrBucket\":\"s3bucket\"},\"VoiceConnector\":{\"CdrBucket\":\"s3bucket\"}}");
        assertThat(check("GetGlobalSettings", Map.of(), null))
                .containsEntry("BusinessCalling", Map.of("CdrBucket", "s3bucket"))
                .containsEntry("VoiceConnector", Map.of("CdrBucket", "s3bucket"));
        check(
                "UpdateUserSettings",
                labels("accountId", acct, "userId", u1),
                "{\"UserSettings\":{\"Telephony\":{\"InboundCalling\":true,\"OutboundCalling\":true,\"SMS\":true}}}");
        check("GetUserSettings", labels("accountId", acct, "userId", u1), null);
        Map<String, Object> batchUpdate = check(
                "BatchUpdateUser",
                labels("accountId", acct),
                "{\"UpdateUserRequestItems\":[{\"UserId\":\"" + u1 + "\",\"LicenseType\":\"Pro\"},"
                        + "{\"UserId\":\"0a0b0c0d-0000-4000-8000-000000000000\",\"LicenseType\":\"Basic\"}]}");
        assertThat((List<?>) batchUpdate.get("UserErrors"))
                .singleElement()
                .satisfies(e ->
                        assertThat((Map<String, Object>) e).containsOnlyKeys("UserId", "ErrorCode", "ErrorMessage"));
        check("LogoutUser", labels("accountId", acct, "userId", u1), null);
        assertThat(member(check("ResetPersonalPIN", labels("accountId", acct, "userId", u1), null), "User"))
                .containsKey("PersonalPIN");
        check(
                "PutRetentionSettings",
                labels("accountId", acct),
                "{\"RetentionSettings\":{\"RoomRetentionSettings\":{\"RetentionDays\":30},"
                        + "\"ConversationRetentionSettings\":{\"RetentionDays\":60}}}");
        assertThat(check("GetRetentionSettings", labels("accountId", acct), null))
                .containsKeys("RetentionSettings", "InitiateDeletionTimestamp");
        String teamAcct = server.server()
                .domain()
                .accounts()
                .create(Api.TENANT, "Conformance team", dev.belfry.rooms.Enums.AccountType.Team)
                .accountId();
        Map<String, Object> invites = check(
                "InviteUsers",
                labels("accountId", teamAcct),
                "{\"UserEmailList\":[\"invitee@example.com\"],\"UserType\":\"PrivateUser\"}");
        assertThat((List<?>) invites.get("Invites"))
                .singleElement()
                .satisfies(i -> assertThat((Map<String, Object>) i)
                        .containsOnlyKeys("InviteId", "Status", "EmailAddress", "EmailStatus"));
        String botId = Raw.id(
                check("CreateBot", labels("accountId", acct), "{\"DisplayName\":\"bot\",\"Domain\":\"example.com\"}"),
                "Bot",
                "BotId");
        check("GetBot", labels("accountId", acct, "botId", botId), null);
        check("ListBots", labels("accountId", acct), null);
        check("UpdateBot", labels("accountId", acct, "botId", botId), "{\"Disabled\":false}");
        String room = Raw.id(
                check(
                        "CreateRoom",
                        labels("accountId", acct),
                        "{\"Name\":\"conformance\",\"ClientRequestToken\":\"conf-token-1\"}"),
                "Room",
                "RoomId");
        check("GetRoom", labels("accountId", acct, "roomId", room), null);
        check("ListRooms", labels("accountId", acct), null);
        check("UpdateRoom", labels("accountId", acct, "roomId", room), "{\"Name\":\"renamed\"}");
        check(
                "CreateRoomMembership",
                labels("accountId", acct, "roomId", room),
                "{\"MemberId\":\"" + u1 + "\",\"Role\":\"Administrator\"}");

        // a bot joins a room only with an events configuration (D114)
        try (ChimeTestBot endpoint = ChimeTestBot.start()) {
            check(
                    "PutEventsConfiguration",
                    labels("accountId", acct, "botId", botId),
                    "{\"OutboundEventsHTTPSEndpoint\":\"" + endpoint.url() + "\"}");
        }
        // the fully successful batch: exactly the 13 bytes of the seed page
        String batchUri = uri("BatchCreateRoomMembership", labels("accountId", acct, "roomId", room));
        Wire batch = raw.post(
                batchUri,
                "{\"MembershipItemList\":[{\"MemberId\":\"" + u2 + "\",\"Role\":\"Member\"}," + "{\"MemberId\":\""
                        + botId + "\"}]}");
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.body())
                .isEqualTo("{\"Errors\":[]}".getBytes(StandardCharsets.UTF_8))
                .hasSize(13);
        assertThat(batch.header("content-type")).isEqualTo("application/json");
        assertThat(batch.header("content-length")).isEqualTo("13");
        assertThat(batch.header("x-amzn-RequestId")).matches(Api.UUID);
        // …and one with errors conforms too
        check(
                "BatchCreateRoomMembership",
                labels("accountId", acct, "roomId", room),
                "{\"MembershipItemList\":[{\"MemberId\":\"0a0b0c0d-0000-4000-8000-000000000000\"},{\"Role\":\"Member\"}]}");

        Map<String, Object> list = check("ListRoomMemberships", labels("accountId", acct, "roomId", room), null);
        assertThat((List<?>) list.get("RoomMemberships")).hasSize(3);
        check(
                "UpdateRoomMembership",
                labels("accountId", acct, "roomId", room, "memberId", u1),
                "{\"Role\":\"Member\"}");
        check("DeleteRoomMembership", labels("accountId", acct, "roomId", room, "memberId", u1), null);
        // bots' tokens and events configurations, messages and meetings (D43, D44)
        check("RegenerateSecurityToken", labels("accountId", acct, "botId", botId), null);
        try (ChimeTestBot endpoint = ChimeTestBot.start()) { // it answers the verification challenge (D108)
            check(
                    "PutEventsConfiguration",
                    labels("accountId", acct, "botId", botId),
                    "{\"OutboundEventsHTTPSEndpoint\":\"" + endpoint.url() + "\"}");
        }
        check("GetEventsConfiguration", labels("accountId", acct, "botId", botId), null);
        check("DeleteEventsConfiguration", labels("accountId", acct, "botId", botId), null);
        checkError(
                "RedactRoomMessage",
                labels("accountId", acct, "roomId", room, "messageId", "m-1"),
                null,
                404,
                "NotFoundException");
        checkError(
                "RedactConversationMessage",
                labels("accountId", acct, "conversationId", "c-1", "messageId", "m-1"),
                null,
                404,
                "NotFoundException");
        checkError(
                "CreateMeetingDialOut",
                labels("meetingId", "e3c0b9f4-0000-4000-8000-000000000001"),
                "{\"FromPhoneNumber\":\"+12065550100\",\"ToPhoneNumber\":\"+12065550101\",\"JoinToken\":\"abc\"}",
                404,
                "NotFoundException");

        check("DeleteRoom", labels("accountId", acct, "roomId", room), null);
        phoneNumbers(acct, u1);
        check("DeleteAccount", labels("accountId", acct), null);

        assertThat(checked).as("every implemented operation was checked").containsAll(implemented);
    }

    /**
     * The phone number inventory's 16 operations (D60–D69), in an order that fills every output member: the number
     * is associated when read, in the deletion queue when listed, the settings set before they are read.
     */
    @SuppressWarnings("unchecked")
    static void phoneNumbers(String acct, String user) throws Exception {
        String number = "+19195550142";
        Map<String, Object> search = checkQuery("SearchAvailablePhoneNumbers", "area-code=919&max-results=2");
        assertThat((List<Object>) search.get("E164PhoneNumbers")).hasSize(2);
        assertThat(search.get("NextToken")).isInstanceOf(String.class);
        checkQuery("ListSupportedPhoneNumberCountries", "product-type=VoiceConnector");
        String order = Raw.id(
                check(
                        "CreatePhoneNumberOrder",
                        Map.of(),
                        "{\"ProductType\":\"BusinessCalling\",\"E164PhoneNumbers\":[\"" + number
                                + "\",\"+19195550143\"]}"),
                "PhoneNumberOrder",
                "PhoneNumberOrderId");
        check("GetPhoneNumberOrder", labels("phoneNumberOrderId", order), null);
        check("ListPhoneNumberOrders", Map.of(), null);
        check("UpdatePhoneNumber", labels("phoneNumberId", number), "{\"CallingName\":\"Conformance\"}");
        check(
                "AssociatePhoneNumberWithUser",
                labels("accountId", acct, "userId", user),
                "{\"E164PhoneNumber\":\"" + number + "\"}");
        Map<String, Object> got = (Map<String, Object>)
                check("GetPhoneNumber", labels("phoneNumberId", number), null).get("PhoneNumber");
        assertThat(got)
                .containsKeys(
                        "PhoneNumberId",
                        "E164PhoneNumber",
                        "Country",
                        "Type",
                        "ProductType",
                        "Status",
                        "Capabilities",
                        "Associations",
                        "CallingName",
                        "CallingNameStatus",
                        "CreatedTimestamp",
                        "UpdatedTimestamp");
        Map<String, Object> user0 = (Map<String, Object>)
                raw.ok("GET", "/accounts/" + acct + "/users/" + user, null).get("User");
        assertThat(user0.get("PrimaryProvisionedNumber")).isEqualTo(number);
        check("DisassociatePhoneNumberFromUser", labels("accountId", acct, "userId", user), null);
        check(
                "BatchUpdatePhoneNumber",
                Map.of(),
                "{\"UpdatePhoneNumberRequestItems\":[{\"PhoneNumberId\":\"+19195550143\",\"CallingName\":\"Two\"},"
                        + "{\"PhoneNumberId\":\"+19195550199\",\"CallingName\":\"None\"}]}");
        check("DeletePhoneNumber", labels("phoneNumberId", number), null);
        Map<String, Object> listed = check("ListPhoneNumbers", Map.of(), null);
        assertThat((List<Map<String, Object>>) listed.get("PhoneNumbers"))
                .anySatisfy(n -> assertThat(n).containsKey("DeletionTimestamp"));
        check("RestorePhoneNumber", labels("phoneNumberId", number), null);
        check("BatchDeletePhoneNumber", Map.of(), "{\"PhoneNumberIds\":[\"" + number + "\",\"+19195550199\"]}");
        check("UpdatePhoneNumberSettings", Map.of(), "{\"CallingName\":\"Conformance\"}");
        assertThat(check("GetPhoneNumberSettings", Map.of(), null))
                .containsKeys("CallingName", "CallingNameUpdatedTimestamp");
    }

    /** {@link #check} for a GET without labels whose required input is in the query string. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> checkQuery(String op, String extraQuery) throws Exception {
        String uri = uri(op, Map.of());
        String full = uri + (uri.contains("?") ? "&" : "?") + extraQuery;
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        OperationRouter router = new OperationRouter(ServiceModel.chime(), List.of());
        assertThat(router.route("GET", path, query(full)).operation().name()).isEqualTo(op);
        Wire w = raw.get(full);
        int expected = ((Number) http(op).getOrDefault("responseCode", 200)).intValue();
        assertThat(w.status()).as("GET %s → %s", full, w.text()).isEqualTo(expected);
        Map<String, Object> op0 = (Map<String, Object>) operationsJson.get(op);
        Object json = JsonTree.read(w.text());
        conforms(op, json, (String) ((Map<String, Object>) op0.get("output")).get("shape"));
        checked.add(op);
        return (Map<String, Object>) json;
    }

    @Test
    void everyModelOperationRoutesToItselfFromItsOwnRequestUri() {
        OperationRouter router = new OperationRouter(ServiceModel.chime(), List.of());
        for (String op : operationsJson.keySet()) {
            String uri = ((String) http(op).get("requestUri")).replaceAll("\\{[A-Za-z]+\\+?}", "label-x");
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            assertThat(router.route((String) http(op).get("method"), path, query(uri))
                            .operation()
                            .name())
                    .as("%s %s", http(op).get("method"), uri)
                    .isEqualTo(op);
        }
    }

    /** Older SDK models and endpoints ending in /console put that prefix before every path (NEXT-SURFACE §5). */
    @Test
    void everyModelOperationRoutesTheSameUnderTheConsolePrefix() throws Exception {
        OperationRouter router = new OperationRouter(ServiceModel.chime(), List.of());
        for (String op : operationsJson.keySet()) {
            String uri = ((String) http(op).get("requestUri")).replaceAll("\\{[A-Za-z]+\\+?}", "label-x");
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            assertThat(router.route((String) http(op).get("method"), "/console" + path, query(uri))
                            .operation()
                            .name())
                    .as("%s /console%s", http(op).get("method"), uri)
                    .isEqualTo(op);
        }
        // signed over the path as sent, prefix included
        Map<String, Object> account = raw.ok("POST", "/console/accounts", "{\"Name\":\"Console\"}");
        String acct = Raw.id(account, "Account", "AccountId");
        assertThat(raw.ok("GET", "/console/accounts/" + acct, null))
                .isEqualTo(raw.ok("GET", "/accounts/" + acct, null));
        assertThat(raw.post(
                                "/console/accounts/" + acct + "/users?operation=create",
                                "{\"Email\":\"console@example.com\"}")
                        .status())
                .isEqualTo(201);
        raw.get("/console").assertApiError(404, "NotFoundException");
        raw.get("/console/console/accounts").assertApiError(404, "NotFoundException");
    }

    @Test
    void timestampsAndIdsOnTheWire() throws Exception {
        Map<String, Object> account = raw.ok("POST", "/accounts", "{\"Name\":\"Wire\"}");
        String acct = Raw.id(account, "Account", "AccountId");
        assertThat(acct).matches(Api.UUID);
        Map<String, Object> room = raw.ok("POST", "/accounts/" + acct + "/rooms", "{\"Name\":\"w\"}");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) room.get("Room");
        assertThat((String) r.get("CreatedTimestamp")).matches(Api.ISO_MILLIS).isEqualTo(r.get("UpdatedTimestamp"));
        // D25: a missing body, an empty body and "{}" are all accepted on POST
        String path = "/accounts/" + acct + "/rooms/" + r.get("RoomId");
        assertThat(raw.send(raw.sign(new Api.Req("POST", path, null))).status()).isEqualTo(200);
        Api.Req empty = new Api.Req("POST", path, "");
        assertThat(raw.send(raw.sign(empty)).status()).isEqualTo(200);
        assertThat(raw.post(path, "{}").status()).isEqualTo(200);
        // every response carries a request id, errors included
        Wire missing = raw.get("/accounts/" + acct + "/rooms/0a0b0c0d-0000-4000-8000-000000000000");
        missing.assertApiError(404, "NotFoundException");
        assertThat(missing.json().get("Code")).isEqualTo("NotFound");
    }
}
