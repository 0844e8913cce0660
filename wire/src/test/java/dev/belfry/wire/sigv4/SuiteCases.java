package dev.belfry.wire.sigv4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The cases of AWS's SigV4 test suite, vendored under src/test/resources/sigv4-test-suite. */
final class SuiteCases {

    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String REGION = "us-east-1";
    static final String SERVICE = "service";

    private SuiteCases() {}

    /**
     * AWS's suite (Apache-2.0, LICENSE and NOTICE beside it) is vendored under src/test/resources so the
     * tests run from a bare clone.
     */
    static Path suiteRoot() {
        Path vendored =
                Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("src/test/resources/sigv4-test-suite");
        if (Files.isDirectory(vendored)) {
            return vendored;
        }
        throw new IllegalStateException(
                "src/test/resources/sigv4-test-suite not found under " + System.getProperty("user.dir"));
    }

    /** Every folder holding {@code <folder>.req}, named by its path relative to the suite root. */
    static List<Path> caseFolders() {
        Path root = suiteRoot();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory)
                    .filter(dir -> Files.isRegularFile(dir.resolve(dir.getFileName() + ".req")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path folder) {
        return suiteRoot().relativize(folder).toString().replace('\\', '/');
    }

    static byte[] read(Path folder, String extension) {
        try {
            return Files.readAllBytes(folder.resolve(folder.getFileName() + "." + extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path folder, String extension) {
        return new String(read(folder, extension), java.nio.charset.StandardCharsets.UTF_8);
    }
}
