package dev.belfry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite: a fresh data directory per test. */
final class SqliteRoomStoreTest extends RoomStoreContract {
  @TempDir Path temp;
  private int n;

  @Override
  StoreConfig freshDatabase() {
    return StoreConfig.sqlite(temp.resolve("data-" + n++));
  }

  @Test
  void createsTheDataDirectoryAndAWalDatabase() {
    assertThat(config.dataDir().resolve("belfry.db")).exists();
    assertThat(config.dataDir().resolve("belfry.db-wal")).exists();
  }

  @Test
  void aDataDirectoryThatIsAFileIsAClearError() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> Stores.open(StoreConfig.sqlite(file)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot create the data directory")
        .hasMessageNotContaining("\n");
  }
}
