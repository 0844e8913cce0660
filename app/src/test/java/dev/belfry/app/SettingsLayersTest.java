package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLayersTest {
    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        Path file = dir.resolve("belfry.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = config("port = 1111\nhost = file-host\ndb-pool-size = 3\n");
        SettingsLayers layers = SettingsLayers.load(file, Map.of("BELFRY_PORT", "2222", "BELFRY_HOST", "env-host"));
        assertThat(layers.integer("port", 3333, 8765)).isEqualTo(3333);
        assertThat(layers.integer("port", null, 8765)).isEqualTo(2222);
        assertThat(layers.string("host", null, "127.0.0.1")).isEqualTo("env-host");
        assertThat(layers.integer("db-pool-size", null, 10)).isEqualTo(3);
        assertThat(layers.integer("max-bots-per-account", null, 10)).isEqualTo(10);
    }

    @Test
    void theConfigFileComesFromBelfryConfigWhenNoOptionNamesIt() throws Exception {
        Path file = config("demo = yes\n");
        SettingsLayers layers = SettingsLayers.load(null, Map.of("BELFRY_CONFIG", file.toString()));
        assertThat(layers.bool("demo", null, false)).isTrue();
    }

    @Test
    void pathsInTheFileAreRelativeToIt() throws Exception {
        Path file = config("credentials = creds.json\n");
        SettingsLayers layers = SettingsLayers.load(file, Map.of());
        assertThat(layers.path("credentials", null, null))
                .isEqualTo(dir.toAbsolutePath().resolve("creds.json"));
        assertThat(SettingsLayers.load(file, Map.of("BELFRY_CREDENTIALS", "x.json"))
                        .path("credentials", null, null))
                .isEqualTo(Path.of("x.json"));
    }

    @Test
    void badValuesNameWhereTheyCameFrom() throws Exception {
        SettingsLayers layers = SettingsLayers.load(config("port = eighty\n"), Map.of("BELFRY_ACCESS_LOG", "maybe"));
        assertThatThrownBy(() -> layers.integer("port", null, 1))
                .hasMessage("port in the config file must be a whole number, was 'eighty'");
        assertThatThrownBy(() -> layers.bool("access-log", null, true))
                .hasMessage("BELFRY_ACCESS_LOG must be true or false, was 'maybe'");
    }

    @Test
    void unknownKeysAreAnError() throws Exception {
        Path file = config("prot = 1\n");
        assertThatThrownBy(() -> SettingsLayers.load(file, Map.of()))
                .hasMessageContaining("unknown setting 'prot'")
                .hasMessageContaining("known: access-log, allow-http-bot-endpoints, audit-retention-days,"
                        + " bot-event-dead-retention-days, bot-event-retention-days, bot-event-retry-horizon,"
                        + " create-account-type");
    }
}
