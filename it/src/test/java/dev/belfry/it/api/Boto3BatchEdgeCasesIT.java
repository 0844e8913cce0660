package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import org.junit.jupiter.api.Test;

/**
 * BatchCreateRoomMembership edge cases driven by boto3 (botocore signs, serializes and parses): the script
 * it/src/test/resources/api/boto3_batch_edge_cases.py asserts D8, D10–D14 and D22 and prints its checks as JSON.
 */
class Boto3BatchEdgeCasesIT {

    @Test
    void batchEdgeCasesWithBoto3() throws Exception {
        try (RunningServer server = Api.start(s -> s.withCredentialsFile(Api.twoTenantCredentials())
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA))) {
            Boto3Script.Result result = Boto3Script.run(
                    "/api/boto3_batch_edge_cases.py",
                    server.url(),
                    dev.belfry.testsupport.BotEndpoint.shared().url());
            assertThat(result.checks())
                    .as(result.diagnostics())
                    .hasSizeGreaterThanOrEqualTo(28)
                    .contains(
                            "51 items -> 400 BadRequestException",
                            "empty list -> Errors []",
                            "invalid Role -> 400 BadRequestException",
                            "bot without an events configuration -> BadRequest",
                            "blank MemberId -> 400 BadRequestException",
                            "item without MemberId -> BadRequest without MemberId",
                            "unknown id -> NotFound",
                            "another account's user -> NotFound",
                            "another tenant's user -> NotFound",
                            "suspended user -> Forbidden",
                            "disabled bot -> Forbidden",
                            "duplicate id: no error",
                            "bot is a member with MemberType Bot",
                            "role kept when omitted",
                            "role changed when supplied");
        }
    }
}
