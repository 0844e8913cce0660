package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.JsonTree;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the boto3 scripts in it/src/test/resources/api against a server, with no AWS_* variables and a fresh
 * HOME so nothing of the machine's AWS configuration leaks in. Each script prints {"checks": [...],
 * "failures": [...]}; a script that exits non-zero or reports a failure fails the calling test here.
 */
final class Boto3Script {
    private Boto3Script() {}

    /** The checks a script passed, and its output for assertion messages. */
    record Result(List<String> checks, String diagnostics, Map<String, Object> output) {}

    @SuppressWarnings("unchecked")
    static Result run(String resource, String... args) throws Exception {
        String python = RequiredTools.python3WithBoto3(); // fails, never skips, under CI=true
        Path script = Files.createTempFile("boto3-", ".py");
        try (var in = Boto3Script.class.getResourceAsStream(resource)) {
            assertThat(in).as("script %s", resource).isNotNull();
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
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
        return new Result((List<String>) result.get("checks"), diagnostics, result);
    }
}
