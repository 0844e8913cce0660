package dev.belfry.store.internal;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Start-up fast path: when the database's Flyway history already holds exactly the bundled migrations, all
 * successful, there is nothing to migrate and Flyway is not loaded at all. Loading and running Flyway was about a
 * third of `belfry serve`'s start-up (423 classes, its classpath scan and validation; BENCHMARKS.md). Anything
 * else (a fresh database, a missing, failed or unknown version, a listing problem) goes through Flyway as before,
 * so refusing a newer schema and applying new scripts are unchanged. Not re-checked on this path: the checksums
 * of already applied scripts (Flyway's validate-on-migrate); a release never edits an applied script.
 */
final class BundledSchema {
    private BundledSchema() {}

    static boolean isCurrent(DataSource ds) {
        TreeSet<String> bundled = bundledVersions();
        if (bundled == null || bundled.isEmpty()) {
            return false;
        }
        TreeSet<String> applied = new TreeSet<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history table yet: Flyway creates it
        }
        return applied.equals(bundled);
    }

    /** Versions of db/migration/V<version>__*.sql on the class path, or null when they cannot be listed. */
    static TreeSet<String> bundledVersions() {
        URL url = BundledSchema.class.getClassLoader().getResource("db/migration");
        if (url == null) {
            return null;
        }
        TreeSet<String> out = new TreeSet<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (java.util.jar.JarFile jar = conn.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        add(out, e.nextElement().getName(), "db/migration/");
                    }
                }
            } else if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(f -> add(out, "db/migration/" + f.getFileName(), "db/migration/"));
                }
            } else {
                return null;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return out;
    }

    private static void add(TreeSet<String> out, String name, String dir) {
        if (!name.startsWith(dir + "V") || !name.endsWith(".sql") || name.indexOf('/', dir.length()) >= 0) {
            return;
        }
        String file = name.substring(dir.length() + 1);
        int sep = file.indexOf("__");
        if (sep > 0) {
            out.add(file.substring(0, sep).replace('_', '.'));
        }
    }
}
