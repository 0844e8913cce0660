package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.rooms.RoomStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One open store per data directory (D37); the process-level refusal is ServeLockIT's. */
class DataDirectoryLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        RoomStore first = Stores.open(StoreConfig.sqlite(data));
        try {
            assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(data)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the data directory " + data + " is in use by another Belfry server")
                    .hasMessageContaining("(process " + ProcessHandle.current().pid() + ")")
                    .hasMessageNotContaining("\n");
        } finally {
            first.close();
        }
        Stores.open(StoreConfig.sqlite(data)).close(); // released on close, and the file left behind does not block
        assertThat(data.resolve("belfry.lock")).exists();
    }

    @Test
    void aStoreThatFailsToOpenLetsGoOfTheDirectory() throws Exception {
        java.nio.file.Files.writeString(
                data.resolve(StoreConfig.SQLITE_FILE), "not a database, long enough to be read");
        assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(data))).isInstanceOf(StoreException.class);
        java.nio.file.Files.delete(data.resolve(StoreConfig.SQLITE_FILE));
        Stores.open(StoreConfig.sqlite(data)).close();
    }
}
