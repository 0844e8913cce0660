package dev.belfry.rooms;

import dev.belfry.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The bot events outbox on SQLite: a fresh data directory per test. */
final class BotEventsOnSqliteTest extends BotEventsContract {
    @TempDir
    Path temp;

    @Override
    StoreConfig freshDatabase() {
        return StoreConfig.sqlite(temp.resolve("data"));
    }
}
