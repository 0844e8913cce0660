package dev.belfry.it.reliability;

import static dev.belfry.it.reliability.AdminCommandIT.belfry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT.Run;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Caller;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.MessagingSettings;
import dev.belfry.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * `belfry admin create-webhook | list-webhooks | regenerate-webhook-url | delete-webhook | list-room-messages`
 * (issue 14, D70–D72) against a real server: JSON as `belfry chime` prints it, --query and --output, the AWS CLI's
 * exit codes and one-line errors, and what each change does to the webhook's URL.
 */
class AdminWebhookCommandsIT {
    static final Caller OPERATOR = new Caller("000000000000", "arn:aws:iam::000000000000:user/test");

    @Test
    void webhookCommandsPrintLikeChimeAndChangeTheUrlAsTheySay() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = RunningServer.start(ServerSettings.defaults(Databases.freshSqlite())
                .withPort(0)
                .withCreateAccountType(AccountType.EnterpriseLWA)
                .withMessaging(MessagingSettings.defaults().withPublicUrl("https://hooks.example.com/chime/")))) {
            String url = server.url();
            ChimeClient chime = server.client();
            String account = chime.createAccount(b -> b.name("Hooks")).account().accountId();
            String room = chime.createRoom(b -> b.accountId(account).name("ops"))
                    .room()
                    .roomId();

            Run created = belfry(
                    env,
                    "admin",
                    "create-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--name",
                    "Deploys",
                    "--endpoint-url",
                    url);
            assertThat(created.code()).as(created.err()).isZero();
            assertThat(created.err()).isEmpty();
            String id = field(created, "WebhookId");
            assertThat(created.out())
                    .startsWith("{\n    \"Webhook\": {\n        \"WebhookId\": \"" + id + "\",\n        \"RoomId\": \""
                            + room + "\",\n        \"Name\": \"Deploys\",\n        \"Url\": "
                            + "\"https://hooks.example.com/chime/incomingwebhooks/" + id + "?token=")
                    .containsPattern(
                            "\\?token=[A-Za-z0-9_-]{72}\",\n        \"CreatedTimestamp\": \"\\d{4}-\\d\\d-\\d\\dT"
                                    + "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00\"\n    }\n}\n");
            String token = field(created, "Url").replaceAll(".*\\?token=", "");
            String local = url + "/incomingwebhooks/" + id + "?token=";
            assertThat(post(local + token)).isEqualTo(200);

            // the URL is shown once: list-webhooks has no Url; --query and --output text as the AWS CLI does them
            Run listed = belfry(
                    env, "admin", "list-webhooks", "--account-id", account, "--room-id", room, "--endpoint-url", url);
            assertThat(listed.code()).isZero();
            assertThat(listed.out())
                    .contains("\"Name\": \"Deploys\"")
                    .doesNotContain("Url")
                    .doesNotContain(token);
            assertThat(belfry(
                                    env,
                                    "admin",
                                    "list-webhooks",
                                    "--account-id",
                                    account,
                                    "--room-id",
                                    room,
                                    "--endpoint-url",
                                    url,
                                    "--query",
                                    "Webhooks[].Name",
                                    "--output",
                                    "text")
                            .out())
                    .isEqualTo("Deploys\n");

            Run regenerated = belfry(
                    env,
                    "admin",
                    "regenerate-webhook-url",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--webhook-id",
                    id,
                    "--endpoint-url",
                    url);
            assertThat(regenerated.code()).as(regenerated.err()).isZero();
            String newToken = field(regenerated, "Url").replaceAll(".*\\?token=", "");
            assertThat(newToken).isNotEqualTo(token).hasSize(72);
            Thread.sleep(1_000);
            assertThat(post(local + token)).as("the old URL").isEqualTo(403);
            assertThat(post(local + newToken)).isEqualTo(200);

            Run messages = belfry(
                    env,
                    "admin",
                    "list-room-messages",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--endpoint-url",
                    url,
                    "--query",
                    "Messages[].[Content,Sender.MemberType,Redacted]",
                    "--output",
                    "text");
            assertThat(messages.out()).isEqualTo("hello\tWebhook\tFalse\nhello\tWebhook\tFalse\n");

            Run deleted = belfry(
                    env,
                    "admin",
                    "delete-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--webhook-id",
                    id,
                    "--endpoint-url",
                    url);
            assertThat(deleted.code()).as(deleted.err()).isZero();
            assertThat(deleted.out()).isEmpty();
            assertThat(post(local + newToken)).isEqualTo(404);

            // the server's refusals: 254 and the AWS CLI's sentence, one line
            Run unknownRoom = belfry(
                    env,
                    "admin",
                    "create-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    "5f0e7a43-0000-4000-8000-000000000000",
                    "--name",
                    "x",
                    "--endpoint-url",
                    url);
            assertThat(unknownRoom.code()).isEqualTo(254);
            assertThat(unknownRoom.err().strip())
                    .startsWith("An error occurred (NotFoundException) when calling the BelfryCreateWebhook"
                            + " operation: ")
                    .doesNotContain("\n");
            for (int i = 0; i < 10; i++) {
                server.server().domain().webhooks().create(OPERATOR, account, room, "h" + i);
            }
            Run eleventh = belfry(
                    env,
                    "admin",
                    "create-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--name",
                    "one too many",
                    "--endpoint-url",
                    url);
            assertThat(eleventh.code()).isEqualTo(254);
            assertThat(eleventh.err())
                    .contains("(ResourceLimitExceededException)")
                    .contains("10 webhooks");
            // a name over the model's 100 characters: the server's 400, as botocore checks only minimum lengths
            Run longName = belfry(
                    env,
                    "admin",
                    "create-webhook",
                    "--account-id",
                    account,
                    "--room-id",
                    room,
                    "--name",
                    "x".repeat(101),
                    "--endpoint-url",
                    url);
            assertThat(longName.code()).isEqualTo(254);
            assertThat(longName.err()).contains("(BadRequestException)").contains("Name");
            // usage errors: 252
            Run missing = belfry(env, "admin", "create-webhook", "--account-id", account, "--name", "x");
            assertThat(missing.code()).isEqualTo(252);
            assertThat(missing.err().strip()).startsWith("belfry admin: Missing required option: '--room-id");
        }
    }

    private static String field(Run run, String name) {
        assertThat(run.code()).as(run.err()).isZero();
        return run.out().replaceAll("(?s).*\"" + name + "\": \"([^\"]+)\".*", "$1");
    }

    private static int post(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"Content\":\"hello\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
