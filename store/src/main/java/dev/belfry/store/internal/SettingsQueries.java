package dev.belfry.store.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Server-wide values in the settings table. */
final class SettingsQueries {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;

    SettingsQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * The named secret, created on first use. Insert-if-absent then read, so servers racing to create it
     * all end up with whichever value was stored first.
     */
    byte[] secret(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        sql.update(
                "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                name,
                Base64.getEncoder().encodeToString(fresh));
        String stored = sql.one("SELECT value FROM settings WHERE name = ?", rs -> rs.getString(1), name)
                .orElseThrow();
        return Base64.getDecoder().decode(stored);
    }
}
