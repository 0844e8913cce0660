package dev.belfry.rooms;

import dev.belfry.store.StoreConfig;
import dev.belfry.store.TestSchemas;
import org.junit.jupiter.api.AfterEach;

/**
 * The audit trail on PostgreSQL (127.0.0.1:5432/test, or BELFRY_TEST_PG): a schema of its own per
 * test, dropped after.
 */
final class AuditOnPostgresTest extends AuditContract {
    private String schema;

    @Override
    StoreConfig freshDatabase() {
        schema = TestSchemas.newName("belfry_audit_");
        return StoreConfig.jdbc(TestSchemas.create(schema)).withPoolSize(4);
    }

    @AfterEach
    void dropSchema() {
        close();
        TestSchemas.drop(schema);
    }
}
