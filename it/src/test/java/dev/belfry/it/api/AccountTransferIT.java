package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT;
import dev.belfry.it.reliability.AdminCommandIT.Run;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.ServerSettings;
import dev.belfry.store.StoreConfig;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;
import software.amazon.awssdk.services.chime.model.ChimeException;
import software.amazon.awssdk.services.chime.model.User;

/**
 * `belfry admin export` and `belfry admin import` (issue 17, D126–D129): a rich account built through the real API
 * (users with settings, a disabled bot with its events configuration and a real endpoint, rooms with roles, a
 * room made with a ClientRequestToken, webhook posts, a redacted message, account and retention settings, sign-in
 * delegate groups, the audit trail) is exported from one server, imported into a second, empty server on the other
 * database (SQLite → PostgreSQL, and PostgreSQL → SQLite on the api-on-postgres run), and exported again: the two
 * files are the same bytes. The first server's webhook URL then posts on the second; ids are kept; importing twice,
 * a corrupt or truncated file and an unknown account are refused with the API's errors and nothing half-imported.
 */
class AccountTransferIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAccountMovesToAnEmptyServerAndExportsToTheSameBytes() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        boolean onPostgres = "postgres".equalsIgnoreCase(System.getenv("BELFRY_IT_DB"));
        StoreConfig second = onPostgres ? Databases.freshSqlite() : Databases.freshPostgres();
        Path dir = Files.createTempDirectory("belfry-transfer");
        try (RunningServer from = enterprise(Databases.forSuite());
                RunningServer to = enterprise(second);
                ChimeTestBot endpoint = ChimeTestBot.start()) {
            ChimeClient chime = from.client();
            String account = Api.account(chime, "Movers").accountId();
            User alice = Api.user(chime, account, "alice");
            User bob = Api.user(chime, account, "bob");
            chime.updateUserSettings(b -> b.accountId(account)
                    .userId(alice.userId())
                    .userSettings(s -> s.telephony(
                            t -> t.inboundCalling(true).outboundCalling(false).sms(true))));
            chime.updateAccountSettings(b -> b.accountId(account)
                    .accountSettings(s -> s.disableRemoteControl(true).enableDialOut(true)));
            chime.putRetentionSettings(b ->
                    b.accountId(account).retentionSettings(r -> r.roomRetentionSettings(x -> x.retentionDays(3650))));
            chime.associateSigninDelegateGroupsWithAccount(
                    b -> b.accountId(account).signinDelegateGroups(g -> g.groupName("Ops Team")));
            Bot bot = Api.bot(chime, account, "Deployer");
            endpoint.securityToken(bot.securityToken());
            chime.putEventsConfiguration(
                    b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
            Bot idle = Api.bot(chime, account, "Idle");
            chime.updateBot(b -> b.accountId(account).botId(idle.botId()).disabled(true));
            String ops = chime.createRoom(b -> b.accountId(account).name("ops").clientRequestToken("ops-token-1"))
                    .room()
                    .roomId();
            String quiet = Api.room(chime, account, "quiet — ünïcode \"room\"").roomId();
            chime.batchCreateRoomMembership(b -> b.accountId(account)
                    .roomId(ops)
                    .membershipItemList(
                            Api.item(alice.userId(), "Administrator"),
                            Api.item(bob.userId(), "Member"),
                            Api.item(bot.botId(), "Member")));
            chime.createRoomMembership(b -> b.accountId(account).roomId(quiet).memberId(bob.userId()));
            chime.updateRoomMembership(b ->
                    b.accountId(account).roomId(quiet).memberId(bob.userId()).role("Administrator"));

            Run webhook = cli(
                    env,
                    "admin",
                    "create-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    ops,
                    "--name",
                    "CI",
                    "--endpoint-url",
                    from.url());
            assertThat(webhook.code()).as(webhook.err()).isZero();
            String hookUrl = webhook.out().replaceAll("(?s).*\"Url\": \"([^\"]+)\".*", "$1");
            assertThat(post(hookUrl, "{\"Content\":\"build 1 green\"}").statusCode())
                    .isEqualTo(200);
            Thread.sleep(1_100); // a webhook takes one post a second (D73)
            String secret = messageId(post(hookUrl, "{\"Content\":\"password: hunter2\"}"));
            chime.redactRoomMessage(b -> b.accountId(account).roomId(ops).messageId(secret));
            // the bot's Invite is delivered before the export, so nothing is left for the second server to send
            awaitDelivered(endpoint, 1);

            Path first = dir.resolve("a.json");
            Run exported = export(env, from.url(), account, first);
            assertThat(exported.code()).as(exported.err()).isZero();
            String text = Files.readString(first);
            assertThat(text)
                    .startsWith(
                            "{\n  \"format\": \"belfry-account-export\",\n  \"formatVersion\": 1,\n  \"accountId\": \""
                                    + account + "\",")
                    .contains(alice.userId(), bob.userId(), bot.botId(), idle.botId(), ops, quiet, secret)
                    .contains("build 1 green")
                    .doesNotContain("hunter2") // redaction removed it for good (D75): the file has no copy
                    // the tenant is not in the file (D128); principals' ARNs in created_by and the audit trail are
                    // history
                    .doesNotContain("\"aws_account_id\"")
                    .doesNotContain("\"tenant_id\"")
                    .doesNotContain("\"claimed_by\"");

            Run imported = cli(env, "admin", "import", first.toString(), "--endpoint-url", to.url());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out())
                    .startsWith("{\n    \"AccountId\": \"" + account + "\",\n    \"Rows\": {\n        \"accounts\": 1,")
                    .containsPattern("\"memberships\": [1-9][0-9]*,")
                    .contains("\"room_webhooks\": 1,");

            Path again = dir.resolve("b.json");
            Run reexported = export(env, to.url(), account, again);
            assertThat(reexported.code()).as(reexported.err()).isZero();
            assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));

            // ids kept, through the API of the second server
            ChimeClient moved = to.client();
            assertThat(moved.getAccount(b -> b.accountId(account)).account().name())
                    .isEqualTo("Movers");
            assertThat(Api.memberships(moved, account, ops))
                    .extracting(m -> m.member().memberId() + ":" + m.roleAsString())
                    .contains(alice.userId() + ":Administrator", bob.userId() + ":Member", bot.botId() + ":Member");
            assertThat(moved.getBot(b -> b.accountId(account).botId(bot.botId()))
                            .bot()
                            .securityToken())
                    .isEqualTo(bot.securityToken());
            assertThat(moved.getBot(b -> b.accountId(account).botId(idle.botId()))
                            .bot()
                            .disabled())
                    .isTrue();
            assertThat(moved.getEventsConfiguration(b -> b.accountId(account).botId(bot.botId()))
                            .eventsConfiguration()
                            .outboundEventsHTTPSEndpoint())
                    .isEqualTo(endpoint.url());
            assertThat(moved.getAccountSettings(b -> b.accountId(account))
                            .accountSettings()
                            .enableDialOut())
                    .isTrue();
            // the ClientRequestToken still names its room (D5)
            assertThat(moved.createRoom(b -> b.accountId(account).name("ops").clientRequestToken("ops-token-1"))
                            .room()
                            .roomId())
                    .isEqualTo(ops);

            // the first server's webhook URL posts on the second: only the host changes
            String movedHook = to.url() + hookUrl.substring(hookUrl.indexOf("/incomingwebhooks/"));
            HttpResponse<String> posted = post(movedHook, "{\"Content\":\"after the move\"}");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(posted.body()).contains(ops);

            // importing again: the account exists, 409 and nothing changes
            Run twice = cli(env, "admin", "import", first.toString(), "--endpoint-url", to.url());
            assertThat(twice.code()).isEqualTo(254);
            assertThat(twice.err().strip())
                    .startsWith(
                            "An error occurred (ConflictException) when calling the BelfryImportAccount operation: ")
                    .contains(account)
                    .doesNotContain("\n");

            // a file cut short in the middle of its memberships: 400, and no half-imported account on a third server
            try (RunningServer third = enterprise(Databases.forSuite())) {
                Path cut = dir.resolve("cut.json");
                Files.writeString(cut, text.substring(0, text.indexOf("\"memberships\"") + 80));
                Run truncated = cli(env, "admin", "import", cut.toString(), "--endpoint-url", third.url());
                assertThat(truncated.code()).isEqualTo(254);
                assertThat(truncated.err().strip())
                        .startsWith("An error occurred (BadRequestException) when calling the BelfryImportAccount"
                                + " operation: The file is not a valid account export: line ")
                        .endsWith("nothing was imported.")
                        .doesNotContain("\n")
                        .doesNotContain("Exception:")
                        .doesNotContain("at dev.");
                assertThatAccountIsAbsent(third, account);

                // a row pointing into another account, a wrong format version, something that is not JSON at all
                Path foreign = dir.resolve("foreign.json");
                Files.writeString(
                        foreign, text.replaceFirst("\\[\"" + ops + "\", \"" + account, "[\"" + ops + "\", \"" + "x"));
                Path version = dir.resolve("version.json");
                Files.writeString(version, text.replace("\"formatVersion\": 1", "\"formatVersion\": 9"));
                Path garbage = dir.resolve("garbage.json");
                Files.writeString(garbage, "PK\u0003\u0004 not json");
                for (Path bad : List.of(foreign, version, garbage)) {
                    Run refused = cli(env, "admin", "import", bad.toString(), "--endpoint-url", third.url());
                    assertThat(refused.code()).as(bad.toString()).isEqualTo(254);
                    assertThat(refused.err()).contains("(BadRequestException)").contains("nothing was imported");
                }
                assertThat(cli(env, "admin", "import", version.toString(), "--endpoint-url", third.url())
                                .err())
                        .contains("\"formatVersion\" 9 is not one this server reads");
                assertThatAccountIsAbsent(third, account);

                // and the good file still imports there whole
                Run whole = cli(env, "admin", "import", first.toString(), "--endpoint-url", third.url());
                assertThat(whole.code()).as(whole.err()).isZero();
            }

            // an account the tenant does not have: 404 before anything is written to stdout
            Path none = dir.resolve("none.json");
            Run unknown = export(env, from.url(), "5f0e7a43-0000-4000-8000-000000000000", none);
            assertThat(unknown.code()).isEqualTo(254);
            assertThat(unknown.err().strip())
                    .isEqualTo("An error occurred (NotFoundException) when calling the BelfryExportAccount operation:"
                            + " The account 5f0e7a43-0000-4000-8000-000000000000 does not exist.");
            assertThat(Files.size(none)).isZero();
            Run missing = cli(env, "admin", "import", dir.resolve("nope.json").toString(), "--endpoint-url", to.url());
            assertThat(missing.code()).isEqualTo(252);
        }
    }

    /**
     * Tenant scoping (D126, D128): a tenant exports only its own accounts, and an import is the importing tenant's,
     * whatever tenant the file came from; the second export, from the new tenant, is the same bytes.
     */
    @Test
    void aTenantExportsOnlyItsOwnAccountsAndImportsIntoItself() throws Exception {
        Path credentials = Api.twoTenantCredentials();
        Path dir = Files.createTempDirectory("belfry-transfer-tenants");
        try (RunningServer from = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                        .withPort(0)
                        .withCreateAccountType(AccountType.EnterpriseLWA)
                        .withCredentialsFile(credentials));
                RunningServer to = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                        .withPort(0)
                        .withCreateAccountType(AccountType.EnterpriseLWA)
                        .withCredentialsFile(credentials))) {
            ChimeClient a = from.client("a", "a");
            String account = Api.account(a, "Tenant A").accountId();
            String room = Api.room(a, account, "a-room").roomId();
            a.createRoomMembership(b -> b.accountId(account)
                    .roomId(room)
                    .memberId(Api.user(a, account, "carol").userId()));
            Map<String, String> asA = tenant("a");
            Map<String, String> asB = tenant("b");

            Path none = dir.resolve("b-of-a.json");
            Run refused = export(asB, from.url(), account, none);
            assertThat(refused.code()).isEqualTo(254);
            assertThat(refused.err()).contains("(NotFoundException)").contains(account);
            assertThat(Files.size(none)).isZero();

            Path file = dir.resolve("a.json");
            assertThat(export(asA, from.url(), account, file).code()).isZero();
            Run imported = cli(asB, "admin", "import", file.toString(), "--endpoint-url", to.url());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(to.client("b", "b")
                            .getAccount(x -> x.accountId(account))
                            .account()
                            .name())
                    .isEqualTo("Tenant A");
            try {
                to.client("a", "a").getAccount(x -> x.accountId(account));
                throw new AssertionError("tenant a sees an account imported by tenant b");
            } catch (ChimeException e) {
                assertThat(e.statusCode()).isEqualTo(404);
            }
            Path again = dir.resolve("b.json");
            assertThat(export(asB, to.url(), account, again).code()).isZero();
            assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
            // the ids are the server's, not the tenant's: the other tenant cannot import the same account beside it
            Run twice = cli(asA, "admin", "import", file.toString(), "--endpoint-url", to.url());
            assertThat(twice.code()).isEqualTo(254);
            assertThat(twice.err()).contains("(ConflictException)");
        }
    }

    private static Map<String, String> tenant(String key) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(AdminCommandIT.cliEnvironment());
        env.put("AWS_ACCESS_KEY_ID", key);
        env.put("AWS_SECRET_ACCESS_KEY", key);
        return env;
    }

    private static RunningServer enterprise(StoreConfig store) throws Exception {
        return RunningServer.start(
                ServerSettings.defaults(store).withPort(0).withCreateAccountType(AccountType.EnterpriseLWA));
    }

    private static void assertThatAccountIsAbsent(RunningServer server, String account) {
        try {
            server.client().getAccount(b -> b.accountId(account));
            throw new AssertionError("the account " + account + " exists after a refused import");
        } catch (ChimeException e) {
            assertThat(e.statusCode()).isEqualTo(404);
        }
    }

    private static void awaitDelivered(ChimeTestBot endpoint, int count) throws InterruptedException {
        for (Instant until = Instant.now().plusSeconds(30);
                endpoint.answered().size() < count && Instant.now().isBefore(until); ) {
            Thread.sleep(100);
        }
        assertThat(endpoint.answered()).hasSize(count);
        Thread.sleep(300); // the delivery's outcome is recorded just after the bot answers
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String messageId(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll("(?s).*\"MessageId\":\"([^\"]+)\".*", "$1");
    }

    private static Run cli(Map<String, String> env, String... args) throws Exception {
        return AdminCommandIT.belfry(env, args);
    }

    /** `belfry admin export` with its stdout in a file, byte for byte, as `> a.json` would. */
    private static Run export(Map<String, String> env, String url, String account, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar",
                dev.belfry.it.support.ServerProcess.jar().toString(),
                "admin",
                "export",
                "--account-id",
                account,
                "--endpoint-url",
                url));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        Path err = Files.createTempFile("belfry-export", ".err");
        builder.redirectError(err.toFile());
        builder.redirectOutput(out.toFile());
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), "", Files.readString(err));
    }
}
