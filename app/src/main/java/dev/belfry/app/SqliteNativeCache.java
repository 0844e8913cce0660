package dev.belfry.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.OSInfo;

/**
 * Launcher helper, run once per build: copies SQLite's native library for this platform out of the jar into
 * a directory and prints its file name, so {@code ./belfry serve} can hand it to sqlite-jdbc
 * ({@code -Dorg.sqlite.lib.path}, {@code -Dorg.sqlite.lib.name}). Otherwise sqlite-jdbc extracts the ~1 MB library
 * to a new temporary file on every start: ~85 ms of the first connection (BENCHMARKS.md item 14). If the library
 * given cannot be loaded, sqlite-jdbc falls back to extracting it as before.
 */
public final class SqliteNativeCache {
    private SqliteNativeCache() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                System.exit(1); // no bundled library for this platform: sqlite-jdbc finds one its own way
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(name);
    }
}
