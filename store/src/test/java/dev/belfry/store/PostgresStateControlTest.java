package dev.belfry.store;

import dev.belfry.rooms.RoomStore;
import java.util.UUID;

/** StateControlTest on PostgreSQL (one TRUNCATE), in a schema of its own. */
final class PostgresStateControlTest extends StateControlTest {
    private final String schema = "belfry_s_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    RoomStore openStore() {
        return Stores.open(StoreConfig.jdbc(TestSchemas.create(schema)));
    }

    @Override
    void closed() {
        TestSchemas.drop(schema);
    }
}
