package dev.belfry.cli.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's launcher ({@code ./belfry}) called as {@code aws} through a symlink in a directory put first
 * on PATH, as a user installs the shim. The app jar does not exist yet when the cli module is verified, so the
 * launcher runs this module's classes (BELFRY_CLASSPATH); the bash routing and the symlink resolution are the
 * real ones.
 */
final class AwsShim {
    static final Path LAUNCHER = Path.of("..", "belfry").toAbsolutePath().normalize();
    private static Path dir;

    private AwsShim() {}

    static synchronized Path directory() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("belfry-shim");
                Files.createSymbolicLink(dir.resolve("aws"), LAUNCHER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static String classpath() {
        try {
            return Path.of("target", "classes").toAbsolutePath() + ":"
                    + Files.readString(Path.of("target", "classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("run the differential suite with mvn verify (package writes it)", e);
        }
    }

    /** The environment with the shim first on PATH. */
    static Map<String, String> env(Map<String, String> base, String pathAfterShim) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put("PATH", directory() + ":" + pathAfterShim);
        env.put("BELFRY_CLASSPATH", classpath());
        return env;
    }

    static ChimeDifferentialIT.Outcome run(
            StubServer stub, List<String> line, Map<String, String> env, Path home, DiffCase c) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(line);
        // ProcessBuilder looks the program up on the parent's PATH; name the shim so PATH order is the child's.
        command.set(0, directory().resolve("aws").toString());
        ChimeDifferentialIT.Outcome o = ChimeDifferentialIT.runProcess(
                stub, command, env(env, env.getOrDefault("PATH", "/usr/bin:/bin")), home, c);
        return c.compareStderr() ? o : new ChimeDifferentialIT.Outcome(o.exit(), o.stdout(), "", o.requests());
    }
}
