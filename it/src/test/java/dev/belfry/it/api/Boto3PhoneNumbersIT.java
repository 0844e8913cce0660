package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The phone number operations driven by boto3 (D60–D69; botocore signs, serializes and parses): the script
 * it/src/test/resources/api/boto3_phone_numbers.py checks every one of them and prints its checks as JSON.
 */
class Boto3PhoneNumbersIT {

    @Test
    @SuppressWarnings("unchecked")
    void phoneNumbersWithBoto3() throws Exception {
        String python = RequiredTools.python3WithBoto3();
        Path script = Files.createTempFile("boto3_phones", ".py");
        try (var in = getClass().getResourceAsStream("/api/boto3_phone_numbers.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (RunningServer server = Api.start(s -> s.withCredentialsFile(Api.twoTenantCredentials())
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA))) {
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), server.url());
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
