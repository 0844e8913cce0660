package dev.belfry.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The outside programs Belfry's suites compare against: the AWS CLI v2, tmux, a python3 with boto3.
 *
 * <p>On a developer's machine a missing tool skips the test that needs it, with the reason. With {@code CI=true} it
 * fails the test instead: CI must prove the behaviour, and a suite that quietly skipped there would pass having
 * compared nothing. {@code .ci/run} installs each tool first.
 */
public final class RequiredTools {
    /** The AWS CLI v2 from Debian's {@code awscli}; the {@code aws} on PATH may be v1. */
    public static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");

    private static volatile Optional<String> boto3Python;

    private RequiredTools() {}

    /** {@link #AWS_CLI_V2}, or a skip (a failure in CI) when it is not installed. */
    public static Path awsCliV2() {
        require(Files.isExecutable(AWS_CLI_V2), AWS_CLI_V2 + " (AWS CLI v2, apt-get install awscli)");
        return AWS_CLI_V2;
    }

    /** openssl, which makes the TLS tests' certificates and keys in every PEM form; a skip (a failure in CI). */
    public static Path openssl() {
        Path openssl = Path.of("/usr/bin/openssl");
        require(Files.isExecutable(openssl), "openssl (apt-get install openssl)");
        return openssl;
    }

    /** The tmux binary, or a skip (a failure in CI). */
    public static Path tmux() {
        Path tmux = Path.of("/usr/bin/tmux");
        require(Files.isExecutable(tmux), "tmux (apt-get install tmux)");
        return tmux;
    }

    /**
     * A python3 that can import boto3: the one on PATH first, then Debian's {@code /usr/bin/python3} (which gets
     * boto3 from the {@code python3-boto3} package). A skip, or a failure in CI, when neither can.
     */
    public static String python3WithBoto3() {
        Optional<String> found = boto3Python;
        if (found == null) {
            found = List.of("python3", "/usr/bin/python3").stream()
                    .filter(RequiredTools::importsBoto3)
                    .findFirst();
            boto3Python = found;
        }
        require(found.isPresent(), "python3 with boto3 (apt-get install python3-boto3)");
        return found.get();
    }

    /** Skips the calling test when {@code present} is false, or fails it when the environment says CI=true. */
    public static void require(boolean present, String tool) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(tool + " is required in CI (CI=true), and it is missing: .ci/run should have installed it");
        }
        Assumptions.abort(tool + " is not installed");
    }

    private static boolean importsBoto3(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import boto3")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
