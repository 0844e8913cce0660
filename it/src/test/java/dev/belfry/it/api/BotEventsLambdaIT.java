package dev.belfry.it.api;

import static dev.belfry.it.api.Api.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.Webhook;
import dev.belfry.server.MessagingSettings;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.bots.AwsKeys;
import dev.belfry.server.bots.BotEventSettings;
import dev.belfry.server.ops.WebhookOperations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * Bot events to a LambdaFunctionArn (issue 15, D111-D113) on a real server and a real Invoke-API stub
 * ({@link LambdaStub}): PutEventsConfiguration's dry run, Invite, Mention and Remove as RequestResponse invocations
 * signed with SigV4 for lambda, their payload Chime's JSON and their Chime-Signature in the client context; a
 * function error is retried; the listing and the metrics count Lambda deliveries like HTTPS ones. Runs on SQLite and
 * on PostgreSQL (the api-on-postgres execution).
 */
class BotEventsLambdaIT {
    static final String ARN_PREFIX = "arn:aws:lambda:eu-west-1:111122223333:function:";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LambdaStub lambda;
    static RunningServer server;
    static ChimeClient chime;
    static String account;

    @BeforeAll
    static void start() throws Exception {
        lambda = LambdaStub.start();
        server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                .withPort(0)
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA)
                .withMessaging(MessagingSettings.defaults()
                        .withBotEvents(BotEventSettings.defaults()
                                .withLambda(
                                        URI.create(lambda.url()),
                                        () -> new AwsKeys(LambdaStub.ACCESS_KEY, LambdaStub.SECRET_KEY, null)))));
        chime = server.client();
        account = Api.account(chime, "Lambda bots").accountId();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        lambda.close();
    }

    static Bot lambdaBot(String name) {
        Bot bot = Api.bot(chime, account, name);
        String arn = ARN_PREFIX + name;
        lambda.function(arn, bot.securityToken());
        chime.putEventsConfiguration(
                b -> b.accountId(account).botId(bot.botId()).lambdaFunctionArn(arn));
        return bot;
    }

    /** The distinct events the function got, in the order it first got them. */
    static List<LambdaStub.Invocation> await(String arn, int count, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            List<LambdaStub.Invocation> distinct = new ArrayList<>();
            for (LambdaStub.Invocation i : lambda.invocations()) {
                if (i.functionArn().equals(arn) && seen.add(i.eventId())) {
                    distinct.add(i);
                }
            }
            if (distinct.size() >= count || Instant.now().isAfter(deadline)) {
                return distinct;
            }
            Thread.sleep(50);
        }
    }

    static List<BotEvent> delivered(Bot bot, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        List<BotEvent> got;
        do {
            got = server.server()
                    .domain()
                    .botEvents()
                    .list(OPERATOR, account, bot.botId(), BotEvent.Status.delivered, 100, null)
                    .items();
            if (got.size() >= count) {
                break;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        return got;
    }

    @Test
    @SuppressWarnings("unchecked")
    void inviteMentionAndRemoveArriveAsSignedInvocations() throws Exception {
        Bot bot = lambdaBot("Helper");
        String arn = ARN_PREFIX + "Helper";
        String room = Api.room(chime, account, "ops").roomId();
        chime.createRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
        Webhook.WithToken hook = server.server().domain().webhooks().create(OPERATOR, account, room, "CI");
        HttpResponse<String> posted = HTTP.send(
                HttpRequest.newBuilder(URI.create(WebhookOperations.url(
                                server.url(), hook.webhook().webhookId(), hook.token())))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"Content\":\"@" + bot.botEmail() + " deploy prod\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        chime.deleteRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));

        List<LambdaStub.Invocation> got = await(arn, 3, Duration.ofSeconds(20));
        assertThat(lambda.refused())
                .as("requests refused for their SigV4 signature")
                .isEmpty();
        assertThat(got).extracting(LambdaStub.Invocation::eventType).containsExactly("Invite", "Mention", "Remove");
        assertThat(got).allSatisfy(i -> {
            assertThat(i.invocationType()).isEqualTo("RequestResponse");
            assertThat(i.signatureValid()).as("Chime-Signature of %s", i.body()).isTrue();
            assertThat(i.clientContext().keySet())
                    .containsExactly("Chime-Signature", "Chime-Request-Timestamp", "Belfry-Event-Id", "custom");
            Map<String, Object> custom = (Map<String, Object>) i.clientContext().get("custom");
            assertThat(custom.get("Chime-Signature"))
                    .isEqualTo(i.clientContext().get("Chime-Signature"));
            assertThat(custom.get("Chime-Request-Timestamp"))
                    .isEqualTo(i.clientContext().get("Chime-Request-Timestamp"));
            assertThat((String) i.clientContext().get("Chime-Request-Timestamp"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(i.eventId()).matches(Api.UUID);
            assertThat(i.payload().get("Discussion")).isEqualTo(Map.of("DiscussionId", room, "DiscussionType", "Room"));
            assertThat(i.body()).doesNotContain(":null");
        });
        // the same JSON as an HTTPS bot gets (BotEventsIT pins it key by key)
        assertThat(got.get(0).payload().keySet())
                .containsExactly("Sender", "Discussion", "EventType", "InboundHttpsEndpoint", "EventTimestamp");
        assertThat(got.get(1).payload().get("Message")).isEqualTo("@" + bot.botEmail() + " deploy prod");
        assertThat(got.get(2).payload().keySet())
                .containsExactly("Sender", "Discussion", "EventType", "EventTimestamp");
        assertThat(lambda.invocations().stream().filter(i -> i.functionArn().equals(arn)))
                .as("each event invoked once when the function succeeds")
                .hasSize(3);

        List<BotEvent> delivered = delivered(bot, 3);
        assertThat(delivered)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.delivery().attempts()).isEqualTo(1));
        assertThat(delivered)
                .extracting(BotEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(
                        got.stream().map(LambdaStub.Invocation::eventId).toList());
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/_belfry/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics.lines().filter(l -> l.startsWith("belfry_bot_events_delivered_total")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("belfry_bot_events_delivered_total\\{[^}]*\\} [1-9][0-9]*\\.0");
    }

    @Test
    void aFunctionErrorIsRetriedWithTheSameEventAndAFreshSignature() throws Exception {
        Bot bot = lambdaBot("Flaky");
        String arn = ARN_PREFIX + "Flaky";
        String room = Api.room(chime, account, "flaky").roomId();
        lambda.failNext.set(2);
        chime.createRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));

        List<BotEvent> delivered = delivered(bot, 1);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).delivery().attempts()).isEqualTo(3);
        assertThat(lambda.failNext.get())
                .as("both function errors were answered")
                .isZero();
        List<LambdaStub.Invocation> attempts = lambda.invocations().stream()
                .filter(i -> i.functionArn().equals(arn))
                .toList();
        assertThat(attempts).hasSize(3).allSatisfy(i -> {
            assertThat(i.signatureValid()).isTrue();
            assertThat(i.eventId()).isEqualTo(delivered.get(0).eventId());
            assertThat(i.body()).isEqualTo(attempts.get(0).body());
        });
    }

    @Test
    void putEventsConfigurationNeedsAFunctionTheDryRunFinds() {
        Bot bot = Api.bot(chime, account, "Nowhere");
        String missing = ARN_PREFIX + "not-deployed";
        assertThatThrownBy(() -> chime.putEventsConfiguration(
                        b -> b.accountId(account).botId(bot.botId()).lambdaFunctionArn(missing)))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith(
                                        "The LambdaFunctionArn did not pass Chime's dry-run invocation: Lambda answered"
                                                + " HTTP 404 ResourceNotFoundException")
                                .contains("Function not found"));
        assertThatThrownBy(() -> chime.putEventsConfiguration(
                        b -> b.accountId(account).botId(bot.botId()).lambdaFunctionArn("my-function")))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("is not a Lambda function ARN"));
        assertThatThrownBy(() ->
                        chime.getEventsConfiguration(b -> b.accountId(account).botId(bot.botId())))
                .isInstanceOf(software.amazon.awssdk.services.chime.model.NotFoundException.class);
        lambda.function(missing, bot.securityToken()); // deployed now
        chime.putEventsConfiguration(
                b -> b.accountId(account).botId(bot.botId()).lambdaFunctionArn(missing));
        assertThat(chime.getEventsConfiguration(b -> b.accountId(account).botId(bot.botId()))
                        .eventsConfiguration()
                        .lambdaFunctionArn())
                .isEqualTo(missing);
        assertThat(lambda.refused()).isEmpty();
    }
}
