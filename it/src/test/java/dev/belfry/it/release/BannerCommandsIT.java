package dev.belfry.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The start-up banner's ready-to-paste command signs with the credential the server really accepts, and prints no
 * secret it was not given on the command line (D38). The pasted line is run as a shell would run it.
 */
class BannerCommandsIT {
    private static final String SECRET = "banner-secret-5f3c9a";

    @Test
    void withACredentialFromTheEnvironmentThePastedCommandWorksAndTheSecretIsNotPrinted() throws Exception {
        Path aws = RequiredTools.awsCliV2();
        Map<String, String> env = Map.of("BELFRY_ACCESS_KEY_ID", "AKIDBANNER", "BELFRY_SECRET_ACCESS_KEY", SECRET);
        try (ServerProcess server = ServerProcess.start(
                List.of("--data", Databases.tempDir("belfry-banner").toString()), env)) {
            String banner = server.output();
            assertThat(banner).doesNotContain(SECRET).doesNotContain("AWS_SECRET_ACCESS_KEY=test");
            String line = tryLine(banner);
            assertThat(line).contains("AWS_ACCESS_KEY_ID=AKIDBANNER");

            Path home = Files.createTempDirectory("banner-home");
            ProcessBuilder paste = new ProcessBuilder("bash", "-c", line)
                    .redirectErrorStream(true)
                    .directory(home.toFile());
            paste.environment().clear();
            paste.environment()
                    .putAll(Map.of(
                            "PATH",
                            aws.getParent() + ":/bin", // the AWS CLI v2 as `aws`
                            "HOME",
                            home.toString(),
                            "BELFRY_SECRET_ACCESS_KEY",
                            SECRET, // what the operator's shell exported
                            "AWS_PAGER",
                            ""));
            Process p = paste.start();
            String out = ServerProcess.readAll(p);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(line + "\n" + out).isZero();
            assertThat(out).contains("\"Accounts\"");
        }
    }

    @Test
    void withACredentialsFileTheCommandNamesItsKeyAndNotItsSecret() throws Exception {
        Path dir = Databases.tempDir("belfry-banner-file");
        Path file = dir.resolve("credentials.json");
        Files.writeString(
                file,
                "{\"credentials\":[{\"accessKeyId\":\"AKIDFILE\",\"secretAccessKey\":\"" + SECRET
                        + "\",\"tenant\":\"111122223333\"}]}",
                StandardCharsets.UTF_8);
        try (ServerProcess server = ServerProcess.start(
                List.of("--data", dir.resolve("data").toString(), "--credentials", file.toString()), Map.of())) {
            String banner = server.output();
            assertThat(banner).doesNotContain(SECRET).doesNotContain("WARNING: using the development credential");
            assertThat(tryLine(banner))
                    .contains("AWS_ACCESS_KEY_ID=AKIDFILE AWS_SECRET_ACCESS_KEY='<secretAccessKey of AKIDFILE in "
                            + file + ">'")
                    .doesNotContain("=test");
        }
    }

    @Test
    void withTheDevelopmentDefaultItIsTestTest() throws Exception {
        try (ServerProcess server = ServerProcess.start(
                List.of("--data", Databases.tempDir("belfry-banner-dev").toString()), Map.of())) {
            assertThat(tryLine(server.output()))
                    .contains("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws chime");
        }
    }

    /** The banner's command, without its "try:" label. */
    private static String tryLine(String banner) {
        return banner.lines()
                .filter(l -> l.strip().startsWith("try: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no try: line in\n" + banner))
                .strip()
                .substring("try: ".length());
    }
}
