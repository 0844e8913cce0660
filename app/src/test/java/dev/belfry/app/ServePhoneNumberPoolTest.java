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

/** `--phone-number-pool FILE` (D60): read and checked while the settings resolve, from any settings layer. */
class ServePhoneNumberPoolTest {
    @TempDir
    Path dir;

    private ServerSettings resolve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.resolve().settings();
    }

    @Test
    void aPoolFileFromTheCommandLineTheEnvironmentOrTheConfigFile() throws Exception {
        Path pool = Files.writeString(dir.resolve("pool.txt"), "+15035550100..+15035550109 US Local OR Portland\n");
        assertThat(resolve(Map.of()).phoneNumberPool()).isNull(); // the bundled fictional pool
        assertThat(resolve(Map.of(), "--phone-number-pool", pool.toString())
                        .phoneNumberPool()
                        .find("+15035550105"))
                .isPresent();
        assertThat(resolve(Map.of("BELFRY_PHONE_NUMBER_POOL", pool.toString()))
                        .phoneNumberPool()
                        .find("+15035550110"))
                .isEmpty();
        Path conf = Files.writeString(dir.resolve("belfry.properties"), "phone-number-pool = pool.txt\n");
        assertThat(resolve(Map.of(), "--config", conf.toString()).phoneNumberPool())
                .isNotNull();
    }

    @Test
    void aLineThatCannotBeReadNamesItsNumberAndAMissingFileItsPath() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "# ok\n+1503555 US Local\n");
        assertThatThrownBy(() -> resolve(Map.of(), "--phone-number-pool", bad.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("phone number pool, line 2: ");
        assertThatThrownBy(() -> resolve(
                        Map.of(), "--phone-number-pool", dir.resolve("none.txt").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none.txt");
    }
}
