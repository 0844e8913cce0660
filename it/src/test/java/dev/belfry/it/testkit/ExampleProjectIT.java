package dev.belfry.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/examples/junit5-spring-boot, a user's project outside this build (a Spring Boot 3 service on Jetty 12.0 and
 * Jackson 2.19), built with {@code mvn -B verify} against the belfry-junit5 this build made, as a user's build gets
 * it from {@code mvn install} (D98).
 *
 * <p>The project builds in target/ with a local repository of its own, into which the two files {@code mvn install}
 * would put there are written (this build's belfry-junit5 jar, its pom and the parent pom), so nothing is installed
 * into ~/.m2. Everything else comes from the user's ~/.m2 read as a file repository (no network when it has all of
 * it) and from Maven Central for what it lacks. Runs once, in the SQLite pass (the project's servers are the
 * extension's own, on SQLite).
 */
final class ExampleProjectIT {
    private static final Path EXAMPLE = Path.of("../docs/examples/junit5-spring-boot");

    @Test
    void theSpringBootExampleProjectPassesItsOwnBuild() throws Exception {
        String version = System.getProperty("belfry.version");
        String built = System.getProperty("belfry.junit5.jar");
        assertThat(version)
                .as("belfry.version (set by the it module's Failsafe configuration)")
                .isNotNull();
        assertThat(built)
                .as("belfry.junit5.jar (set by the it module's Failsafe configuration)")
                .isNotNull();
        Path jar = Path.of(built);
        assertThat(jar).as("this build's belfry-junit5 jar").isRegularFile();
        Path work = Path.of("target/example-project").toAbsolutePath();
        Path project = work.resolve("project");
        Path repository = work.resolve("repository"); // kept between runs: the third-party artifacts
        deleteTree(project);
        copyTree(EXAMPLE, project);
        install(repository, "belfry-junit5", version, jar, Path.of("../junit5/pom.xml"));
        install(repository, "belfry-parent", version, null, Path.of("../pom.xml"));
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, settings());

        Path log = work.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(
                        maven(),
                        "-B",
                        "-s",
                        settings.toString(),
                        "-Dmaven.repo.local=" + repository,
                        "-Dbelfry.version=" + version,
                        "verify")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(k -> k.startsWith("BELFRY_"));
        Process p = builder.start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("mvn -B verify of the example within 15 minutes:\n" + output)
                .isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        // all three classes ran, at the same time (AllClassesAtOnce fails them otherwise), and nothing was skipped
        assertThat(output).contains("Tests run: 7, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(output).contains("BUILD SUCCESS");
    }

    /** What {@code mvn install} leaves in a local repository: the jar and the pom under the artifact's path. */
    private static void install(Path repository, String artifact, String version, Path jar, Path pom)
            throws IOException {
        Path dir = repository.resolve("dev/belfry/" + artifact + "/" + version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The user's ~/.m2 as a file repository ahead of Maven Central (releases only: Belfry's snapshots are in the
     * project's own local repository and must not be looked up anywhere). A local repository keeps no checksum
     * files for what Maven installed into it, so none are asked of it.
     */
    private static String settings() {
        Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (!Files.isDirectory(userRepository)) {
            return "<settings/>\n";
        }
        String repo = "<id>user-m2</id><url>" + userRepository.toUri()
                + "</url><releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        return "<settings><profiles><profile><id>user-m2</id>"
                + "<repositories><repository>" + repo + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repo + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>user-m2</activeProfile></activeProfiles>"
                + "</settings>\n";
    }

    /** The Maven running this build (failsafe passes its home), else the one on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
