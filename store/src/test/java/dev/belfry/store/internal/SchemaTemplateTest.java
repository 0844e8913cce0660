package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.rooms.RoomStore;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new SQLite data directory starts from the build's Flyway-migrated empty database. */
final class SchemaTemplateTest {
    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryGetsTheTemplateOnceAndFlywayAgreesItIsCurrent() throws Exception {
        Path db = temp.resolve("a").resolve(StoreConfig.SQLITE_FILE);
        Files.createDirectories(db.getParent());
        assertThat(SchemaTemplate.installIfNew(db)).isTrue();
        assertThat(SchemaTemplate.installIfNew(db)).isFalse(); // never over an existing file
        assertThat(db.getParent()).isDirectoryNotContaining("glob:**.tmp");

        String url = "jdbc:sqlite:" + db;
        TreeSet<String> applied = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        assertThat(applied).isEqualTo(BundledSchema.bundledVersions()).isNotEmpty();
        // Flyway's own checks: checksums and descriptions match the bundled scripts, nothing is pending
        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations(Migrations.LOCATION)
                .load();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM settings")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero(); // no secret travels in the template
        }
    }

    @Test
    void everyNewInstallationGetsItsOwnSecrets() throws Exception {
        byte[] one;
        byte[] two;
        try (RoomStore a = Stores.open(StoreConfig.sqlite(temp.resolve("one")))) {
            one = a.sharedSecret("page-token-key");
        }
        try (RoomStore b = Stores.open(StoreConfig.sqlite(temp.resolve("two")))) {
            two = b.sharedSecret("page-token-key");
        }
        assertThat(one).isNotEqualTo(two);
    }
}
