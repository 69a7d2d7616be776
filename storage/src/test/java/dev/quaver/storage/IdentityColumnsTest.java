package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity columns: the commit assigns each new row without a value the table's next one; values
 * only grow, also across a restart and after the memtable was flushed (the counter travels in
 * the WAL record and the manifest); an explicit value is kept; inserted rows can be captured
 * with their values (JDBC generated keys).
 */
class IdentityColumnsTest {
  @TempDir Path directory;

  private static TableDef table() {
    return new TableDef(0, "T", List.of(
        new ColumnDef("ID", ColumnType.BIGINT, false, null, Identity.BY_DEFAULT),
        new ColumnDef("NAME", ColumnType.varchar(10), true, null)),
        List.of(0), List.of(0), 2, List.of());
  }

  private LsmStorageEngine open() {
    return LsmStorageEngine.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5), LsmOptions.small());
  }

  private static void insert(StorageEngine engine, TableDef table, Object... names) {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    for (Object name : names) {
      batch.insert(table, new Object[] {null, name});
    }
    engine.commit(batch);
  }

  @Test
  void valuesGrowAcrossCommitsRestartsAndFlushes() {
    try (LsmStorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(table());
      insert(engine, table, "a", "b");
      insert(engine, table, "c");
      WriteBatch explicit = engine.newWriteBatch(engine.currentSnapshot());
      explicit.insert(table, new Object[] {100L, "x"});
      engine.commit(explicit);
      assertThat(rows(engine, table)).extracting(row -> row.get(0)).containsExactly(1L, 2L, 3L, 100L);
    }
    try (LsmStorageEngine engine = open()) {
      TableDef table = engine.catalog().table("T").orElseThrow();
      assertThat(table.columns().get(0).identity()).isEqualTo(Identity.BY_DEFAULT);
      insert(engine, table, "d");
      engine.flush();
    }
    try (LsmStorageEngine engine = open()) {
      TableDef table = engine.catalog().table("T").orElseThrow();
      insert(engine, table, "e");
      assertThat(rows(engine, table)).extracting(row -> row.get(0)).containsExactly(1L, 2L, 3L, 4L, 5L, 100L);
    }
  }

  @Test
  void capturedInsertsCarryTheirValues() {
    try (LsmStorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(table());
      insert(engine, table, "a");
      IdentityColumns.Captured<Long> captured = IdentityColumns.captureInserts(table.id(), () -> {
        insert(engine, table, "b", "c");
        return 7L;
      });
      assertThat(captured.result()).isEqualTo(7L);
      List<Object> ids = new ArrayList<>();
      captured.rows().forEach(row -> ids.add(row[0]));
      assertThat(ids).containsExactly(2L, 3L);
      IdentityColumns.Captured<Integer> other = IdentityColumns.captureInserts(table.id() + 1, () -> {
        insert(engine, table, "d");
        return 0;
      });
      assertThat(other.rows()).isEmpty();
    }
  }
}
