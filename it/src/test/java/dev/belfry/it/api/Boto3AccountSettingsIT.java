package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.mail.SmtpSettings;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's account and user operations driven by boto3 (botocore signs, serializes and parses): the script
 * it/src/test/resources/api/boto3_account_settings.py asserts D51-D59 and prints its checks as JSON. Invitations
 * go to a GreenMail SMTP server in this JVM.
 */
class Boto3AccountSettingsIT {

    @Test
    @SuppressWarnings("unchecked")
    void accountAndUserOperationsWithBoto3() throws Exception {
        String python = RequiredTools.python3WithBoto3();
        Path script = Files.createTempFile("boto3_settings", ".py");
        try (var in = getClass().getResourceAsStream("/api/boto3_account_settings.py")) {
            Files.write(script, in.readAllBytes());
        }
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
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), server.url(), enterprise);
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            pb.environment().put("HOME", Files.createTempDirectory("boto3-home").toString());
            Path err = Files.createTempFile("boto3", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String diagnostics = "stdout:\n" + out + "\nstderr:\n" + Files.readString(err);
            assertThat(p.exitValue()).as(diagnostics).isZero();
            Map<String, Object> result = (Map<String, Object>) JsonTree.read(out.strip());
            assertThat((List<String>) result.get("failures")).as(diagnostics).isEmpty();
            assertThat((List<String>) result.get("checks"))
                    .as(diagnostics)
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
