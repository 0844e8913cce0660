package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second {@code belfry serve} on a data directory a running server holds exits non-zero with one line naming the
 * directory and the holder, and the first keeps serving (D37).
 */
class SecondServerIT {
    @Test
    void aSecondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
        Path data = Databases.tempDir("belfry-second");
        try (ServerProcess first = LoadFixtures.start(List.of("--data", data.toString()))) {
            Path err = Files.createTempFile("belfry-second", ".err");
            Process second = new ProcessBuilder(
                            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                            "-jar",
                            ServerProcess.jar().toString(),
                            "serve",
                            "--port",
                            String.valueOf(ServerProcess.freePort()),
                            "--data",
                            data.toString())
                    .redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(second.exitValue()).isNotZero();
            assertThat(stderr.lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("belfry serve: the data directory " + data + " is in use by another Belfry server")
                    .contains("(process " + first.process().pid() + ")");

            Http.Response health = Http.exchange(
                    first.port(),
                    "GET /_belfry/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(health.status()).isEqualTo(200);
        }
    }
}
