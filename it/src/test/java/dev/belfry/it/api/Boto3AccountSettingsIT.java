package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.mail.SmtpSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's account and user operations driven by boto3 (botocore signs, serializes and parses): the script
 * it/src/test/resources/api/boto3_account_settings.py asserts D51-D59 and prints its checks as JSON. Invitations
 * go to a GreenMail SMTP server in this JVM.
 */
class Boto3AccountSettingsIT {

    @Test
    void accountAndUserOperationsWithBoto3() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String url = "smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?starttls=off";
        try (RunningServer server = Api.start(s -> s.withCredentialsFile(Api.twoTenantCredentials())
                .withSmtp(SmtpSettings.parse(url, "belfry@example.com", null)))) {
            String enterprise = server.server()
                    .domain()
                    .accounts()
                    .create("111111111111", "boto3 enterprise", AccountType.EnterpriseLWA)
                    .accountId();
            Boto3Script.Result result = Boto3Script.run("/api/boto3_account_settings.py", server.url(), enterprise);
            assertThat(result.checks())
                    .as(result.diagnostics())
                    .hasSizeGreaterThanOrEqualTo(25)
                    .contains(
                            "account settings partial update",
                            "global settings per tenant",
                            "21 items -> 400 BadRequestException",
                            "unknown license type -> 400 BadRequestException",
                            "invites Pending and Sent",
                            "RetentionDays 0 -> 400 BadRequestException",
                            "RetentionDays 5476 -> 400 BadRequestException",
                            "InitiateDeletionTimestamp is 30 days on");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }
}
