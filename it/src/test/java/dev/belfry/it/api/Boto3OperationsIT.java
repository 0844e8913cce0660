package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    @SuppressWarnings("unchecked")
    void boto3DrivesTheOperations(String script, int minimumChecks) throws Exception {
        String python = RequiredTools.python3WithBoto3();
        Path file = Files.createTempFile("boto3-", "-" + script);
        try (var in = getClass().getResourceAsStream("/api/boto3/" + script)) {
            assertThat(in).as("script %s", script).isNotNull();
            Files.write(file, in.readAllBytes());
        }
        try (RunningServer server = Api.start(s ->
                s.withCredentialsFile(Api.twoTenantCredentials()).withCreateAccountType(AccountType.EnterpriseLWA))) {
            ProcessBuilder pb = new ProcessBuilder(python, file.toString(), server.url());
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
            assertThat((List<String>) result.get("checks")).as(diagnostics).hasSizeGreaterThanOrEqualTo(minimumChecks);
        }
    }
}
