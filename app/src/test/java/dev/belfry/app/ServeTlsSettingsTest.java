package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** With a certificate, plain HTTP is off unless its port is asked for by name, in any settings layer. */
class ServeTlsSettingsTest {
    @TempDir
    Path dir;

    private ServerSettings resolve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.resolve().settings();
    }

    @Test
    void tlsAloneServesHttpsOnlyOnItsDefaultPort() {
        ServerSettings s = resolve(Map.of(), "--tls-cert", "c.pem", "--tls-key", "k.pem");
        assertThat(s.port()).isEqualTo(ServerSettings.NO_PORT);
        assertThat(s.tls().port()).isEqualTo(8443);
        assertThat(s.tls().certificate()).isEqualTo(Path.of("c.pem"));
    }

    @Test
    void aPortGivenInAnyLayerKeepsPlainHttpOn() throws Exception {
        assertThat(resolve(Map.of(), "--tls-cert", "c", "--tls-key", "k", "--port", "8080", "--tls-port", "9443")
                        .port())
                .isEqualTo(8080);
        assertThat(resolve(Map.of("BELFRY_PORT", "8081"), "--tls-cert", "c", "--tls-key", "k")
                        .port())
                .isEqualTo(8081);
        Path conf = Files.writeString(dir.resolve("belfry.properties"), "port = 8082\ntls-cert = c\ntls-key = k\n");
        ServerSettings fromFile = resolve(Map.of(), "--config", conf.toString());
        assertThat(fromFile.port()).isEqualTo(8082);
        assertThat(fromFile.tls().certificate()).isEqualTo(dir.resolve("c")); // relative to the file
    }

    @Test
    void withoutTlsNothingChanges() {
        ServerSettings s = resolve(Map.of());
        assertThat(s.port()).isEqualTo(ServerSettings.DEFAULT_PORT);
        assertThat(s.tls()).isNull();
    }

    @Test
    void halfATlsConfigurationIsAnError() {
        assertThatThrownBy(() -> resolve(Map.of(), "--tls-cert", "c"))
                .hasMessage("give both tls-cert and tls-key (PEM files), or neither");
        assertThatThrownBy(() -> resolve(Map.of(), "--tls-port", "9443"))
                .hasMessage("tls-port needs tls-cert and tls-key");
    }
}
