package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.server.ServerSettings;
import dev.belfry.server.bots.AwsKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `--lambda-endpoint URL` and the operator's AWS keys for Lambda bots (D111). */
class ServeLambdaSettingsTest {
    @TempDir
    Path home;

    private ServerSettings resolve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.resolve().settings();
    }

    @Test
    void theEndpointIsAwsUnlessAnyLayerSetsIt() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        assertThat(resolve(env).messaging().botEvents().lambdaEndpoint()).isNull();
        assertThat(resolve(env, "--lambda-endpoint", "http://127.0.0.1:4566")
                        .messaging()
                        .botEvents()
                        .lambdaEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:4566"));
        Path conf = Files.writeString(home.resolve("belfry.properties"), "lambda-endpoint = https://lambda.internal\n");
        assertThat(resolve(env, "--config", conf.toString())
                        .messaging()
                        .botEvents()
                        .lambdaEndpoint())
                .isEqualTo(URI.create("https://lambda.internal"));
        for (String bad : new String[] {"lambda.internal", "ftp://x", "http://x/?a=b", "http://"}) {
            assertThatThrownBy(() -> resolve(env, "--lambda-endpoint", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--lambda-endpoint must be an http:// or https:// URL with no query, was " + bad);
        }
    }

    @Test
    void theKeysComeFromTheEnvironmentElseTheProfileAsTheAwsCliFindsThem() throws Exception {
        Map<String, String> bare = Map.of("HOME", home.toString());
        assertThat(resolve(bare).messaging().botEvents().lambdaCredentials().get())
                .isNull();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/credentials"),
                "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n");
        // read on each invocation: a key written after the start is used
        assertThat(resolve(bare).messaging().botEvents().lambdaCredentials().get())
                .isEqualTo(new AwsKeys("AKIDFILE", "file-secret", null));
        Map<String, String> env = Map.of(
                "HOME", home.toString(),
                "AWS_ACCESS_KEY_ID", "AKIDENV",
                "AWS_SECRET_ACCESS_KEY", "env-secret",
                "AWS_SESSION_TOKEN", "tok");
        assertThat(resolve(env).messaging().botEvents().lambdaCredentials().get())
                .isEqualTo(new AwsKeys("AKIDENV", "env-secret", "tok"));
        assertThat(resolve(Map.of("HOME", home.toString(), "AWS_PROFILE", "missing"))
                        .messaging()
                        .botEvents()
                        .lambdaCredentials()
                        .get())
                .as("an unknown profile gives no keys, not a failed start")
                .isNull();
    }
}
