package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL (127.0.0.1:5432/test, user postgres, trust auth; override with
 * BELFRY_TEST_PG). Each test gets its own schema, created here and dropped after, so parallel runs
 * never share tables.
 */
final class PostgresRoomStoreTest extends RoomStoreContract {
    private final List<String> schemas = new ArrayList<>();

    @Override
    StoreConfig freshDatabase() {
        String schema = TestSchemas.newName("belfry_t_");
        schemas.add(schema);
        return StoreConfig.jdbc(TestSchemas.create(schema)).withPoolSize(10);
    }

    @AfterEach
    void dropSchemas() {
        if (store != null) {
            store.close();
            store = null;
        }
        schemas.forEach(TestSchemas::drop);
    }

    @Test
    void anUnreachableServerIsAOneLineError() {
        StoreConfig config = StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/test?user=postgres")
                .withConnectTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> Stores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:1/test")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingDatabaseIsAOneLineError() {
        assertThatThrownBy(() -> Stores.open(
                        StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:5432/no_such_db_belfry?user=postgres")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no_such_db_belfry")
                .hasMessageNotContaining("\n");
    }

    @Test
    void passwordsStayOutOfMessages() {
        assertThatThrownBy(
                        () -> Stores.open(StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/test?user=x&password=hunter2")
                                .withConnectTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("hunter2");
    }
}
