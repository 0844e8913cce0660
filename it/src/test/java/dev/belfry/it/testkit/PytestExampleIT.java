package dev.belfry.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docs/TESTING-WITH-BELFRY.md's boto3/pytest example, run as it is printed there against this build's jar. */
final class PytestExampleIT {
    @Test
    void theDocumentedPytestSuitePasses() throws Exception {
        String python = RequiredTools.python3WithBoto3();
        RequiredTools.require(
                new ProcessBuilder(python, "-c", "import pytest").start().waitFor() == 0,
                "pytest for " + python + " (apt-get install python3-pytest)");
        ProcessBuilder builder = new ProcessBuilder(
                        python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "../docs/examples/pytest")
                .redirectErrorStream(true);
        builder.environment()
                .put("BELFRY_JAR", ServerProcess.jar().toAbsolutePath().toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("3 passed");
    }
}
