package dev.belfry.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * A new SQLite data directory starts from a copy of an empty database that Flyway itself migrated at build
 * time (the build runs {@link #main}), instead of running Flyway at start-up: on a new data directory Flyway
 * was ~350 ms of `belfry serve`'s ~1.2 s to the first answer (BENCHMARKS.md item 14). The copy holds the schema
 * and Flyway's own history rows, checksums included, so {@link BundledSchema} finds it current and later
 * releases migrate it like any other database. It holds no data and no secret: {@code settings} is empty until
 * the store generates this installation's keys. Without the resource (a build that skipped it), or when the
 * file cannot be placed, Flyway runs as before.
 */
public final class SchemaTemplate {
    static final String RESOURCE = "db/template/belfry.db";

    private SchemaTemplate() {}

    /** Puts the template at {@code database} if no file is there yet; true when it did. */
    static boolean installIfNew(Path database) {
        if (Files.exists(database)) {
            return false;
        }
        try (InputStream in = SchemaTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            Path tmp = Files.createTempFile(database.toAbsolutePath().getParent(), ".belfry-template", ".tmp");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                // a hard link appears whole or not at all, and fails if another process created the file meanwhile
                Files.createLink(database, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // Flyway creates the schema instead
        }
    }

    /** Build step: writes the migrated empty database to {@code args[0]}. */
    public static void main(String[] args) throws IOException, SQLException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.deleteIfExists(out);
        SQLiteDataSource ds = new SQLiteDataSource(); // rollback journal: one self-contained file
        ds.setUrl("jdbc:sqlite:" + out.toAbsolutePath());
        // a build step: quiet unless something is wrong (this runs inside `./belfry`'s first build, too)
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        Flyway.configure(SchemaTemplate.class.getClassLoader())
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                .dataSource(ds)
                .locations(Migrations.LOCATION)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("VACUUM");
        }
    }
}
