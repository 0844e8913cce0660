package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `--audit-retention-days N` (D86): kept for ever unless set, from any settings layer; N must be at least 1. */
class ServeAuditRetentionTest {
    @TempDir
    Path dir;

    private ServerSettings resolve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.resolve().settings();
    }

    @Test
    void keptForEverUnlessAnyLayerSetsIt() throws Exception {
        assertThat(resolve(Map.of()).messaging().auditRetention()).isNull();
        assertThat(resolve(Map.of(), "--audit-retention-days", "30").messaging().auditRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThat(resolve(Map.of("BELFRY_AUDIT_RETENTION_DAYS", "7"))
                        .messaging()
                        .auditRetention())
                .isEqualTo(Duration.ofDays(7));
        Path conf = Files.writeString(dir.resolve("belfry.properties"), "audit-retention-days = 365\n");
        assertThat(resolve(Map.of(), "--config", conf.toString()).messaging().auditRetention())
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void zeroOrLessIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of(), "--audit-retention-days", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--audit-retention-days must be at least 1, was 0");
    }
}
