package dev.belfry.junit5;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The shaded belfry.jar this artifact carries, copied out once per test JVM (a JVM runs a jar from a file). A
 * {@code belfry.jar} system property points at another build instead.
 */
final class BundledJar {
    private static Path path;

    private BundledJar() {}

    static synchronized Path path() {
        if (path == null) {
            String override = System.getProperty("belfry.jar");
            path = override != null ? Path.of(override) : extract();
        }
        return path;
    }

    private static Path extract() {
        try (InputStream in = BundledJar.class.getResourceAsStream("belfry.jar")) {
            if (in == null) {
                throw new IllegalStateException("belfry-junit5 was built without its belfry.jar");
            }
            Path dir = Files.createTempDirectory("belfry-jar");
            Path jar = dir.resolve("belfry.jar");
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            jar.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy out belfry.jar", e);
        }
    }
}
