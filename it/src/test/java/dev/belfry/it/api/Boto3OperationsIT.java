package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums.AccountType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * boto3 (botocore signs, serializes and parses) drives the operations of each script in
 * it/src/test/resources/api/boto3/ against a started server, on SQLite and, in the second run of the API suites, on
 * PostgreSQL. Each script prints {"checks": [...], "failures": [...]}; a script must pass at least as many checks as
 * its row says, so a script that stops early or checks nothing fails here.
 */
class Boto3OperationsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bots_messages_meetings.py, 23"})
    void boto3DrivesTheOperations(String script, int minimumChecks) throws Exception {
        try (LambdaStub lambda = LambdaStub.start();
                RunningServer server = Api.start(s -> Api.withLambda(
                        s.withCredentialsFile(Api.twoTenantCredentials())
                                .withCreateAccountType(AccountType.EnterpriseLWA),
                        lambda));
                ChimeTestBot bot = ChimeTestBot.start()) {
            // the function the script configures (D113: PutEventsConfiguration's dry run must find it)
            lambda.function("arn:aws:lambda:us-east-1:111111111111:function:chime-bot", "unused: no event is sent");
            Boto3Script.Result result = Boto3Script.run("/api/boto3/" + script, server.url(), bot.url());
            assertThat(result.checks()).as(result.diagnostics()).hasSizeGreaterThanOrEqualTo(minimumChecks);
        }
    }
}
