package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory that lost its database is not silently given a new, empty one (D30). */
class DataDirectoryMarkTest {
    @TempDir
    Path data;

    @Test
    void aDirectoryThatHadADatabaseRefusesToStartWithoutIt() throws Exception {
        Stores.open(StoreConfig.sqlite(data)).close();
        assertThat(data.resolve("belfry.id")).exists();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(data.resolve(StoreConfig.SQLITE_FILE + suffix));
        }
        assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(data)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("had a database, but belfry.db is missing")
                .hasMessageContaining("delete belfry.id to start a new, empty database");
        assertThat(data.resolve(StoreConfig.SQLITE_FILE)).doesNotExist();

        Files.delete(data.resolve("belfry.id")); // the operator's explicit choice: start afresh
        Stores.open(StoreConfig.sqlite(data)).close();
        assertThat(data.resolve(StoreConfig.SQLITE_FILE)).exists();
    }

    @Test
    void aNewDirectoryStartsAndAReopenedOneKeepsItsData() {
        Stores.open(StoreConfig.sqlite(data)).close();
        Stores.open(StoreConfig.sqlite(data)).close();
        assertThat(data.resolve("belfry.id")).exists();
    }
}
