package dev.belfry.it.api;

import static dev.belfry.it.reliability.AdminCommandIT.belfry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT;
import dev.belfry.it.reliability.AdminCommandIT.Run;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.server.ServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Bot;

/**
 * `belfry admin list-bot-deliveries | redeliver` (issue 15, D110) against a real server and a real bot endpoint: a
 * 403 from the bot makes its event dead at once (D105), the listing shows it with its attempt and error, and once
 * the bot answers again redeliver gets it delivered, while an event still being retried is refused (409). JSON as `belfry chime` prints it, --query and --output, the
 * AWS CLI's exit codes and one-line errors. Runs on SQLite and on PostgreSQL (the api-on-postgres execution).
 */
class AdminBotDeliveriesIT {
    static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Test
    void aDeadEventIsListedAndRedeliveredOnceTheBotRecovers() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = RunningServer.start(ServerSettings.defaults(Databases.forSuite())
                        .withPort(0)
                        .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA));
                ChimeTestBot endpoint = ChimeTestBot.start()) {
            String url = server.url();
            ChimeClient chime = server.client();
            String account = Api.account(chime, "Deliveries").accountId();
            Bot bot = Api.bot(chime, account, "Picky");
            endpoint.securityToken(bot.securityToken());
            chime.putEventsConfiguration(
                    b -> b.accountId(account).botId(bot.botId()).outboundEventsHTTPSEndpoint(endpoint.url()));
            String room = Api.room(chime, account, "ops").roomId();
            List<String> botArgs = List.of("--account-id", account, "--bot-id", bot.botId(), "--endpoint-url", url);

            // the bot refuses its Invite with a 403: not retried, dead at once
            endpoint.rejectNext.set(1);
            chime.createRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
            Run dead = awaitListed(env, botArgs, "dead", 1);
            assertThat(dead.err()).isEmpty();
            assertThat(dead.out())
                    .matches("(?s)\\{\n    \"Deliveries\": \\[\n        \\{\n"
                            + "            \"EventId\": \"[0-9a-f-]{36}\",\n"
                            + "            \"RoomId\": \"" + room + "\",\n"
                            + "            \"EventType\": \"Invite\",\n"
                            + "            \"Status\": \"dead\",\n"
                            + "            \"Attempts\": 1,\n"
                            + "            \"CreatedTimestamp\": \"" + TIME + "\",\n"
                            + "            \"FinishedTimestamp\": \"" + TIME + "\",\n"
                            + "            \"LastError\": \"HTTP 403\"\n"
                            + "        }\n    \\]\n}\n");
            String eventId = dead.out().replaceAll("(?s).*\"EventId\": \"([^\"]+)\".*", "$1");
            assertThat(endpoint.deliveries())
                    .extracting(ChimeTestBot.Received::eventId)
                    .containsExactly(eventId);
            assertThat(list(env, botArgs, "--status", "delivered").out()).isEqualTo("{\n    \"Deliveries\": []\n}\n");

            // the bot answers again: redeliver puts the event back to pending with no attempts, and it is sent
            Run redelivered = run(env, concat(List.of("admin", "redeliver", "--event-id", eventId), botArgs));
            assertThat(redelivered.code()).as(redelivered.err()).isZero();
            assertThat(redelivered.out())
                    .startsWith("{\n    \"Delivery\": {\n        \"EventId\": \"" + eventId + "\",")
                    .contains("\"Status\": \"pending\"")
                    .contains("\"Attempts\": 0")
                    .doesNotContain("LastError")
                    .doesNotContain("FinishedTimestamp");
            Run delivered = awaitListed(env, botArgs, "delivered", 1);
            assertThat(delivered.out())
                    .contains("\"EventId\": \"" + eventId + "\"")
                    .contains("\"Attempts\": 1")
                    .doesNotContain("LastError")
                    .doesNotContain("NextAttemptTimestamp");
            assertThat(endpoint.answered())
                    .extracting(ChimeTestBot.Received::eventId)
                    .containsExactly(eventId);
            assertThat(list(env, botArgs, "--status", "dead").out()).isEqualTo("{\n    \"Deliveries\": []\n}\n");

            // newest first, a page at a time; --query and --output text as the AWS CLI does them
            chime.deleteRoomMembership(b -> b.accountId(account).roomId(room).memberId(bot.botId()));
            awaitListed(env, botArgs, "delivered", 2);
            assertThat(list(env, botArgs, "--query", "Deliveries[].[EventType,Status]", "--output", "text")
                            .out())
                    .isEqualTo("Remove\tdelivered\nInvite\tdelivered\n");
            Run first = list(env, botArgs, "--max-results", "1");
            assertThat(first.out()).contains("\"EventType\": \"Remove\"").contains("\"NextToken\": \"");
            String token = first.out().replaceAll("(?s).*\"NextToken\": \"([^\"]+)\".*", "$1");
            Run second = list(env, botArgs, "--max-results", "1", "--next-token", token);
            assertThat(second.out()).contains("\"EventType\": \"Invite\"").doesNotContain("NextToken");

            // an event being retried (the bot answers 500) is pending, with its next attempt; redeliver refuses it
            endpoint.failNext.set(1_000);
            String other = Api.room(chime, account, "retrying").roomId();
            chime.createRoomMembership(b -> b.accountId(account).roomId(other).memberId(bot.botId()));
            Run pending = awaitListed(env, botArgs, "pending", 1);
            for (Instant until = Instant.now().plusSeconds(30);
                    !pending.out().contains("HTTP 500") && Instant.now().isBefore(until); ) {
                Thread.sleep(200);
                pending = awaitListed(env, botArgs, "pending", 1);
            }
            assertThat(pending.out())
                    .contains("\"RoomId\": \"" + other + "\"")
                    .contains("\"LastError\": \"HTTP 500\"")
                    .containsPattern("\"NextAttemptTimestamp\": \"" + TIME + "\"")
                    .doesNotContain("FinishedTimestamp");
            String retrying = pending.out().replaceAll("(?s).*\"EventId\": \"([^\"]+)\".*", "$1");
            Run conflict = run(env, concat(List.of("admin", "redeliver", "--event-id", retrying), botArgs));
            assertThat(conflict.code()).isEqualTo(254);
            assertThat(conflict.err().strip())
                    .startsWith("An error occurred (ConflictException) when calling the BelfryRedeliverBotEvent"
                            + " operation: ")
                    .contains("still pending");

            // the server's refusals: 254 and the AWS CLI's one-line sentence
            Run badStatus = list(env, botArgs, "--status", "lost");
            assertThat(badStatus.code()).isEqualTo(254);
            assertThat(badStatus.err().strip())
                    .startsWith("An error occurred (BadRequestException) when calling the BelfryListBotDeliveries"
                            + " operation: ")
                    .contains("Status")
                    .doesNotContain("\n");
            String unknown = "5f0e7a43-0000-4000-8000-000000000000";
            Run unknownEvent = run(env, concat(List.of("admin", "redeliver", "--event-id", unknown), botArgs));
            assertThat(unknownEvent.code()).isEqualTo(254);
            assertThat(unknownEvent.err()).contains("(NotFoundException)").contains(unknown);
            Run unknownBot = belfry(
                    env,
                    "admin",
                    "list-bot-deliveries",
                    "--account-id",
                    account,
                    "--bot-id",
                    unknown,
                    "--endpoint-url",
                    url);
            assertThat(unknownBot.code()).isEqualTo(254);
            assertThat(unknownBot.err()).contains("(NotFoundException)").contains("bot");
            // usage errors: 252
            Run missing = belfry(env, "admin", "redeliver", "--account-id", account, "--bot-id", bot.botId());
            assertThat(missing.code()).isEqualTo(252);
            assertThat(missing.err().strip()).startsWith("belfry admin: Missing required option: '--event-id");
        }
    }

    private static Run list(Map<String, String> env, List<String> botArgs, String... more) throws Exception {
        List<String> args = concat(List.of("admin", "list-bot-deliveries"), botArgs);
        args.addAll(List.of(more));
        return run(env, args);
    }

    /** list-bot-deliveries --status {@code status} until it shows {@code count} events (the worker is asynchronous). */
    private static Run awaitListed(Map<String, String> env, List<String> botArgs, String status, int count)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Run r = list(env, botArgs, "--status", status);
            assertThat(r.code()).as(r.err()).isZero();
            int shown = r.out().split("\"EventId\"", -1).length - 1;
            if (shown >= count || Instant.now().isAfter(deadline)) {
                assertThat(shown).as("%s events listed: %s", status, r.out()).isEqualTo(count);
                return r;
            }
            Thread.sleep(200);
        }
    }

    private static Run run(Map<String, String> env, List<String> args) throws Exception {
        return belfry(env, args.toArray(String[]::new));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
