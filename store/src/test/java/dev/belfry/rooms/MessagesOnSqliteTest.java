package dev.belfry.rooms;

import dev.belfry.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Rooms' messages and webhooks on SQLite: a fresh data directory per test. */
final class MessagesOnSqliteTest extends MessagesContract {
    @TempDir
    Path temp;

    @Override
    StoreConfig freshDatabase() {
        return StoreConfig.sqlite(temp.resolve("data"));
    }
}
