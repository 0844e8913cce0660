package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import org.junit.jupiter.api.Test;

/**
 * The phone number operations driven by boto3 (D60–D69; botocore signs, serializes and parses): the script
 * it/src/test/resources/api/boto3_phone_numbers.py checks every one of them and prints its checks as JSON.
 */
class Boto3PhoneNumbersIT {

    @Test
    void phoneNumbersWithBoto3() throws Exception {
        try (RunningServer server = Api.start(s -> s.withCredentialsFile(Api.twoTenantCredentials())
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA))) {
            Boto3Script.Result result = Boto3Script.run("/api/boto3_phone_numbers.py", server.url());
            assertThat(result.checks())
                    .as(result.diagnostics())
                    .hasSizeGreaterThanOrEqualTo(37)
                    .contains(
                            "order of an invalid number -> 400 BadRequestException",
                            "501 batch items -> 400 BadRequestException",
                            "another tenant's number -> NotFound",
                            "PrimaryProvisionedNumber set",
                            "deleting an associated number -> PhoneNumberAssociationsExist",
                            "deleted number DeleteInProgress for 7 days",
                            "countries for BusinessCalling");
        }
    }
}
