package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database file is named and called damaged at start-up, instead of a schema error from Flyway. */
class DamagedDatabaseTest {
    @TempDir
    Path data;

    @Test
    void aDamagedHeaderIsNamedAndCalledDamaged() throws Exception {
        assertDamagedAfterWriting(0, "this is not a SQLite header!");
    }

    @Test
    void aDamagedSchemaPageIsNamedAndCalledDamaged() throws Exception {
        assertDamagedAfterWriting(100, "x".repeat(3_000)); // page 1 after the header holds the schema
    }

    private void assertDamagedAfterWriting(long offset, String garbage) throws Exception {
        Stores.open(StoreConfig.sqlite(data)).close();
        Path db = data.resolve(StoreConfig.SQLITE_FILE);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek(offset);
            file.write(garbage.getBytes());
        }
        assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(data)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the SQLite database " + db.toAbsolutePath() + " is damaged")
                .hasMessageContaining("restore it from a backup")
                .hasMessageNotContaining("\n");
    }
}
