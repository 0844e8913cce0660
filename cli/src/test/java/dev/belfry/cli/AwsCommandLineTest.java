package dev.belfry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.BelfryVersion;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCommandLineTest {
    record Run(int exit, String stdout, String stderr) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AwsCommandLine.run(
                args,
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HOME", "/nonexistent"));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionAnywhereOnTheLinePrintsOneLineAndExitsZero() {
        Run expected = new Run(0, BelfryVersion.line() + "\n", "");
        assertThat(run("--version")).isEqualTo(expected);
        assertThat(run("chime", "--version")).isEqualTo(expected);
        assertThat(run("--region", "x", "chime", "list-rooms", "--vers")).isEqualTo(expected);
    }

    @Test
    void versionEndsTheParseWhereItStandsAsArgparsesVersionAction() {
        assertThat(run("--version", "--output", "bad").exit()).isZero();
        Run late = run("--output", "bad", "--version");
        assertThat(late.exit()).isEqualTo(252);
        assertThat(late.stderr()).contains("belfry: error: argument --output: Invalid choice");
    }

    @Test
    void theServiceIsRequiredAndMustBeChime() {
        assertThat(run("--region", "x").stderr())
                .endsWith("belfry: error: the following arguments are required: command\n\n");
        Run other = run("--region", "x", "s3", "ls");
        assertThat(other.exit()).isEqualTo(252);
        assertThat(other.stderr()).contains("argument command: Invalid choice, valid choices are:", "chime");
    }

    @Test
    void theValueOfAGlobalOptionIsNotTheService() {
        Run r = run("--profile", "chime", "--output=json", "chime");
        assertThat(r.exit()).isEqualTo(252);
        assertThat(r.stderr()).endsWith("belfry: error: the following arguments are required: operation\n\n");
    }
}
