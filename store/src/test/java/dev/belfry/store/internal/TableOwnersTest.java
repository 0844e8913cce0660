package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every table of the migrated schema has an owner, and the copier and state control carry every tenant table. */
final class TableOwnersTest {
    @TempDir
    Path temp;

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws Exception {
        List<String> schema = new ArrayList<>();
        try (JdbcRoomStore store = (JdbcRoomStore) Stores.open(StoreConfig.sqlite(temp));
                Connection c = store.readDataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                                + " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway_%'")) {
            while (rs.next()) {
                schema.add(rs.getString(1));
            }
        }
        assertThat(schema).isNotEmpty();
        assertThat(new HashSet<>(TableOwners.known())).isEqualTo(new HashSet<>(schema));
    }

    @Test
    void theCopierCarriesEveryTableButTheLeases() {
        Set<String> notCopied = new HashSet<>(TableOwners.known());
        TableCopier.TABLES.forEach(notCopied::remove);
        assertThat(notCopied).containsExactly("job_leases");
        assertThat(TableOwners.owner("job_leases")).isEqualTo(TableOwners.Owner.SERVER);
        assertThat(TableOwners.owner("settings")).isEqualTo(TableOwners.Owner.SERVER);
    }
}
