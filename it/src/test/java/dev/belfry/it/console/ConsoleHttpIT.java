package dev.belfry.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.ops.WebhookOperations;
import dev.belfry.store.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.model.NotFoundException;

/**
 * The console's API over plain HTTP (issue 18, D115–D121): CSRF refusals, the headers, sign-in throttling, forged
 * and missing sessions, the API's own error messages, and live messages posted on another server that shares
 * the PostgreSQL database.
 */
class ConsoleHttpIT {
    static ConsoleFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ConsoleFixture(Databases.forSuite());
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    record Signed(String cookie, String csrf) {}

    @SuppressWarnings("unchecked")
    static Signed signIn(ConsoleFixture on, String key, String secret) throws Exception {
        HttpResponse<String> r =
                on.call("POST", "session", "{\"AccessKeyId\":\"" + key + "\",\"SecretAccessKey\":\"" + secret + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/_belfry/console/", "Max-Age=28800");
        assertThat(r.body()).doesNotContain(secret + "\"");
        Map<String, Object> body = (Map<String, Object>) JsonTree.read(r.body());
        return new Signed(setCookie.substring(0, setCookie.indexOf(';')), (String) body.get("CsrfToken"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Signed s = signIn(f, "t1", "s1");
        String members = "accounts/" + f.accountId + "/rooms/" + f.roomId + "/members";
        String bob = f.chime
                .listUsers(b -> b.accountId(f.accountId).userEmail("bob@example.com"))
                .users()
                .get(0)
                .userId();
        String add = "{\"MemberId\":\"" + bob + "\",\"Role\":\"Member\"}";
        HttpResponse<String> none = f.call("POST", members, add, "Cookie", s.cookie());
        HttpResponse<String> wrong =
                f.call("POST", members, add, "Cookie", s.cookie(), "X-Belfry-Csrf", "x" + s.csrf());
        Signed other = signIn(f, "t1", "s1"); // another session's token is not this one's
        HttpResponse<String> foreign =
                f.call("POST", members, add, "Cookie", s.cookie(), "X-Belfry-Csrf", other.csrf());
        for (HttpResponse<String> r : java.util.List.of(none, wrong, foreign)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("ForbiddenException", "CSRF token");
        }
        assertThat(memberIds()).doesNotContain(bob);
        HttpResponse<String> ok = f.call("POST", members, add, "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(memberIds()).contains(bob);
        // removing and signing out are changes too
        assertThat(f.call("DELETE", members + "/" + bob, null, "Cookie", s.cookie())
                        .statusCode())
                .isEqualTo(403);
        assertThat(f.call("DELETE", "session", null, "Cookie", s.cookie()).statusCode())
                .isEqualTo(403);
        assertThat(f.call("DELETE", members + "/" + bob, null, "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf())
                        .statusCode())
                .isEqualTo(200);
        assertThat(memberIds()).doesNotContain(bob);
        HttpResponse<String> out = f.call("DELETE", "session", null, "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf());
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("belfry_console=;", "Expires=Thu, 01 Jan 1970");
    }

    private static java.util.List<String> memberIds() {
        return f.chime.listRoomMemberships(b -> b.accountId(f.accountId).roomId(f.roomId)).roomMemberships().stream()
                .map(m -> m.member().memberId())
                .toList();
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"", "console.js", "console.css", "api/session"}) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(f.consoleUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).isPresent();
        }
        HttpResponse<String> js = http.send(
                HttpRequest.newBuilder(URI.create(f.consoleUrl() + "console.js"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(URI.create(f.consoleUrl() + "console.js"))
                        .header("If-None-Match", js.headers().firstValue("ETag").orElseThrow())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(f.consoleUrl() + "../health/../x.js"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isNotEqualTo(200);
        HttpResponse<String> bare = http.send(
                HttpRequest.newBuilder(URI.create(f.server.url() + "/_belfry/console"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(f.call("GET", "accounts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void forgedOrAbsentSessionsAreRefusedAndTheOtherTenantGetsTheApisNotFound() throws Exception {
        Signed s = signIn(f, "t1", "s1");
        String forged = s.cookie().substring(0, s.cookie().length() - 2) + "AA";
        assertThat(f.call("GET", "accounts", null, "Cookie", forged).statusCode())
                .isEqualTo(401);
        assertThat(f.call("GET", "accounts", null, "Cookie", "belfry_console=v1.dDI.1.x.y")
                        .statusCode())
                .isEqualTo(401);
        Signed t2 = signIn(f, "t2", "s2");
        HttpResponse<String> theirs =
                f.call("GET", "accounts/" + f.accountId + "/rooms/" + f.roomId, null, "Cookie", t2.cookie());
        assertThat(theirs.statusCode()).isEqualTo(404);
        // the same message as the Chime API gives that tenant for the same room
        String apiMessage = "";
        try {
            f.server.client("t2", "s2").getRoom(b -> b.accountId(f.accountId).roomId(f.roomId));
        } catch (NotFoundException e) {
            apiMessage = e.awsErrorDetails().errorMessage();
        }
        assertThat(apiMessage).isNotEmpty();
        assertThat(theirs.body()).contains(apiMessage);
        // a domain rule answered with the API's message: a member that does not exist
        HttpResponse<String> nobody = f.call(
                "POST",
                "accounts/" + f.accountId + "/rooms/" + f.roomId + "/members",
                "{\"MemberId\":\"no-such-member\"}",
                "Cookie",
                s.cookie(),
                "X-Belfry-Csrf",
                s.csrf());
        assertThat(nobody.statusCode()).isBetween(400, 404);
        assertThat(nobody.body()).contains("no-such-member");
    }

    /** D122: a change made in the console is audited as the API's is, and the room's trail is the tenant's alone. */
    @Test
    @SuppressWarnings("unchecked")
    void theRoomsAuditTrailRecordsConsoleChangesWithTheirRequestAndIsTheTenantsAlone() throws Exception {
        Signed s = signIn(f, "t1", "s1");
        String room = "accounts/" + f.accountId + "/rooms/" + f.roomId;
        String bob = f.chime
                .listUsers(b -> b.accountId(f.accountId).userEmail("bob@example.com"))
                .users()
                .get(0)
                .userId();
        HttpResponse<String> added = f.call(
                "POST",
                room + "/members",
                "{\"MemberId\":\"" + bob + "\",\"Role\":\"Administrator\"}",
                "Cookie",
                s.cookie(),
                "X-Belfry-Csrf",
                s.csrf());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        HttpResponse<String> removed =
                f.call("DELETE", room + "/members/" + bob, null, "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf());
        assertThat(removed.statusCode()).isEqualTo(200);

        HttpResponse<String> trail = f.call("GET", room + "/audit", null, "Cookie", s.cookie());
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        List<Map<String, Object>> all = ((List<Map<String, Object>>)
                        ((Map<String, Object>) JsonTree.read(trail.body())).get("Items"))
                .stream().filter(e -> bob.equals(e.get("MemberId"))).toList();
        // the other tests may have added and removed bob too: this test's two are the last (oldest first)
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        List<Map<String, Object>> bobs = all.subList(all.size() - 2, all.size());
        // oldest first, as ListAuditEvents lists them; each with the credential, and the peer it came from
        assertThat(bobs.get(0))
                .containsEntry("Operation", "CreateRoomMembership")
                .containsEntry("RoleAfter", "Administrator")
                .containsEntry("AccessKeyId", "t1")
                .containsEntry("PrincipalArn", "arn:aws:iam::111111111111:user/t1")
                .containsEntry("SourceIp", "127.0.0.1");
        assertThat(bobs.get(0)).doesNotContainKey("RoleBefore");
        assertThat(bobs.get(1))
                .containsEntry("Operation", "DeleteRoomMembership")
                .containsEntry("RoleBefore", "Administrator");
        // the request id the answers carried is the one recorded, as the API's ListAuditEvents shows it
        var recorded = f.server
                .server()
                .domain()
                .audit()
                .list(
                        new dev.belfry.rooms.Caller("111111111111", "arn:aws:iam::111111111111:user/t1"),
                        new dev.belfry.rooms.AuditFilter(null, f.accountId, f.roomId, bob, null, null, null),
                        null,
                        null)
                .items();
        assertThat(recorded)
                .extracting(dev.belfry.rooms.AuditEvent::requestId)
                .endsWith(
                        added.headers().firstValue("x-amzn-RequestId").orElseThrow(),
                        removed.headers().firstValue("x-amzn-RequestId").orElseThrow());

        // another tenant gets the API's NotFound for the room, not an empty trail; a page token is checked
        Signed t2 = signIn(f, "t2", "s2");
        assertThat(f.call("GET", room + "/audit", null, "Cookie", t2.cookie()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> forged = f.call("GET", room + "/audit?next=bogus", null, "Cookie", s.cookie());
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    /** D114: the console adds members through the same rule as the API: a bot without an events configuration is refused. */
    @Test
    void aBotWithoutAnEventsConfigurationIsNotAddedFromTheConsole() throws Exception {
        Signed s = signIn(f, "t1", "s1");
        String members = "accounts/" + f.accountId + "/rooms/" + f.roomId + "/members";
        String bare = f.chime
                .createBot(b -> b.accountId(f.accountId).displayName("Bare").domain("example.com"))
                .bot()
                .botId();
        HttpResponse<String> refused = f.call(
                "POST", members, "{\"MemberId\":\"" + bare + "\"}", "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("BadRequestException", "has no events configuration");
        assertThat(memberIds()).doesNotContain(bare);
    }

    /** D123: the bot's deliveries are listed for its tenant only; a retry is a change (CSRF) on an event it has. */
    @Test
    void aBotsDeliveriesAreTheTenantsAndARetryNeedsTheCsrfTokenAndAKnownEvent() throws Exception {
        Signed s = signIn(f, "t1", "s1");
        String deliveries = "accounts/" + f.accountId + "/bots/" + f.botId + "/deliveries";
        HttpResponse<String> mine = f.call("GET", deliveries, null, "Cookie", s.cookie());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).startsWith("{\"Items\":[");
        assertThat(f.call("GET", deliveries + "?status=lost", null, "Cookie", s.cookie())
                        .body())
                .contains("status must be pending, delivered or dead.");
        Signed t2 = signIn(f, "t2", "s2");
        assertThat(f.call("GET", deliveries, null, "Cookie", t2.cookie()).statusCode())
                .isEqualTo(404);
        String retry = deliveries + "/no-such-event/redeliver";
        HttpResponse<String> noToken = f.call("POST", retry, "{}", "Cookie", s.cookie());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF token");
        HttpResponse<String> unknown = f.call("POST", retry, "{}", "Cookie", s.cookie(), "X-Belfry-Csrf", s.csrf());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no-such-event");
    }

    @Test
    void signInIsThrottledPerKeyEvenForTheRightSecret() throws Exception {
        Path credentials = Files.createTempFile("belfry-console", ".json");
        Files.writeString(credentials, ConsoleFixture.CREDENTIALS);
        try (RunningServer s = RunningServer.start(
                ServerSettings.defaults(Databases.freshSqlite()).withPort(0).withCredentialsFile(credentials))) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                assertThat(signInStatus(http, s, "t1", "wrong").statusCode()).isEqualTo(401);
            }
            HttpResponse<String> blocked = signInStatus(http, s, "t1", "s1");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
            assertThat(blocked.body()).contains("Too many failed sign-ins");
            // another key from the same source still signs in (the source's budget is larger)
            assertThat(signInStatus(http, s, "t2", "s2").statusCode()).isEqualTo(200);
            // a form post (not JSON) is refused: no other site can sign a browser in
            HttpResponse<String> form = http.send(
                    HttpRequest.newBuilder(URI.create(s.url() + "/_belfry/console/api/session"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("AccessKeyId=t2&SecretAccessKey=s2"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(415);
        }
    }

    private static HttpResponse<String> signInStatus(HttpClient http, RunningServer s, String key, String secret)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(s.url() + "/_belfry/console/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"AccessKeyId\":\"" + key + "\",\"SecretAccessKey\":\"" + secret + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** D120: the stream on one server shows a message posted through a webhook on another, over one PostgreSQL. */
    @Test
    void aMessagePostedOnAnotherServerSharingPostgresArrivesOnTheStream() throws Exception {
        String url = Databases.freshPostgresUrl();
        try (ConsoleFixture a = new ConsoleFixture(StoreConfig.jdbc(url))) {
            Path credentials = Files.createTempFile("belfry-console", ".json");
            Files.writeString(credentials, ConsoleFixture.CREDENTIALS);
            try (RunningServer b = RunningServer.start(
                    ServerSettings.defaults(StoreConfig.jdbc(url)).withPort(0).withCredentialsFile(credentials))) {
                Signed s = signIn(a, "t1", "s1");
                HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(a.consoleUrl() + "api/accounts/"
                                + a.accountId + "/rooms/" + a.roomId + "/messages/stream"))
                        .header("Cookie", s.cookie())
                        .build();
                HttpResponse<InputStream> stream =
                        HttpClient.newHttpClient().send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("text/event-stream");
                CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> firstMessageEvent(stream.body()));
                var hook = b.server()
                        .domain()
                        .webhooks()
                        .create(
                                new dev.belfry.rooms.Caller("111111111111", "arn:aws:iam::111111111111:user/t1"),
                                a.accountId,
                                a.roomId,
                                "elsewhere");
                HttpResponse<String> posted = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(WebhookOperations.url(
                                                b.url(), hook.webhook().webhookId(), hook.token())))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"Content\":\"from server B\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
                assertThat(event.get(15, TimeUnit.SECONDS)).contains("from server B", "elsewhere");
                stream.body().close();
            }
        }
    }

    private static String firstMessageEvent(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean inMessage = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.equals("event: message")) {
                    inMessage = true;
                } else if (inMessage && line.startsWith("data: ")) {
                    return line;
                }
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
