package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Brings the schema up to date with Flyway (flyway-core itself supports SQLite; PostgreSQL needs
 * flyway-database-postgresql). Scripts live in {@code db/migration} and are portable SQL; add
 * {@code db/migration/<dialect>} locations only for a change one database cannot express portably.
 */
final class Migrations {
    private Migrations() {}

    static final String LOCATION = "classpath:db/migration";

    static void migrate(DataSource ds, Dialect dialect) {
        if (BundledSchema.isCurrent(ds)) {
            return;
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .locations(LOCATION)
                .validateMigrationNaming(true)
                .load();
        try {
            refuseNewerSchema(flyway.info());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "cannot bring the " + name(dialect) + " schema up to date: " + Connect.oneLine(e.getMessage()), e);
        }
    }

    /**
     * Flyway by default ignores applied migrations it does not know ("future" ones). For Belfry they mean a
     * newer binary has changed the schema, and this older one must not run against it.
     */
    private static void refuseNewerSchema(MigrationInfoService info) {
        MigrationInfo[] all = info.all();
        MigrationInfo newest = Arrays.stream(all)
                .filter(m -> m.getState().name().startsWith("FUTURE"))
                .reduce((a, b) -> b)
                .orElse(null);
        if (newest == null) {
            return;
        }
        String known = Arrays.stream(all)
                .filter(m -> !m.getState().name().startsWith("FUTURE") && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .reduce((a, b) -> b)
                .orElse("none");
        throw new StoreException(
                "the database schema is at version " + newest.getVersion().getVersion()
                        + ", newer than this Belfry understands (up to " + known
                        + "); upgrade Belfry or point it at another database");
    }

    private static String name(Dialect dialect) {
        return dialect == Dialect.SQLITE ? "SQLite" : "PostgreSQL";
    }
}
