package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static dev.quaver.storage.StorageEngineTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.PersistentCatalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.row.KeySpace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inserts with REPLACE / IGNORE conflict actions, and index rebuilds (REINDEX), at commit. */
class ConflictResolutionTest {
  @TempDir Path directory;
  private StorageEngine engine;
  private TableDef table;

  @BeforeEach
  void open() {
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    engine.catalog().createTable(people("T"));
    table = engine.catalog().createIndex("T", new IndexDef("U_NAME", List.of(1), true));
    insert(engine, table, new Object[] {1, "a", 1L}, new Object[] {2, "b", 2L}, new Object[] {3, "c", null});
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void replaceDeletesEveryConflictingRow() {
    // Conflicts with row 1 on the primary key and with row 2 on U_NAME: both go.
    commit(ConflictAction.REPLACE, new Object[] {1, "b", 9L});
    assertThat(rows(engine, table)).containsExactly(List.of(1, "b", 9L), Arrays.asList(3, "c", null));
    assertThat(indexEntries("U_NAME")).isEqualTo(2);
    insert(engine, table, new Object[] {2, "a", null}); // the old entries of "a" and "b" are gone
    assertCode(() -> insert(engine, table, new Object[] {4, "b", null}), ErrorCode.UNIQUE_VIOLATION);
  }

  @Test
  void replaceWithoutConflictInsertsAndLaterRowOfTheBatchWins() {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insert(table, new Object[] {4, "d", 1L}, ConflictAction.REPLACE);
    batch.insert(table, new Object[] {5, "d", 2L}, ConflictAction.REPLACE);
    batch.insert(table, new Object[] {5, "e", 3L}, ConflictAction.REPLACE);
    engine.commit(batch);
    assertThat(rows(engine, table)).containsExactly(List.of(1, "a", 1L), List.of(2, "b", 2L),
        Arrays.asList(3, "c", null), List.of(5, "e", 3L));
    assertThat(indexEntries("U_NAME")).isEqualTo(4);
  }

  @Test
  void ignoreSkipsConflictingRowsAndCountsThem() {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insert(table, new Object[] {1, "x", 1L}, ConflictAction.IGNORE);
    batch.insert(table, new Object[] {7, "a", 1L}, ConflictAction.IGNORE);
    batch.insert(table, new Object[] {8, "h", 1L}, ConflictAction.IGNORE);
    batch.insert(table, new Object[] {8, "i", 1L}, ConflictAction.IGNORE);
    batch.insert(table, new Object[] {9, "h", 1L}, ConflictAction.IGNORE);
    engine.commit(batch);
    assertThat(batch.ignoredInserts()).isEqualTo(4);
    assertThat(rows(engine, table)).containsExactly(List.of(1, "a", 1L), List.of(2, "b", 2L),
        Arrays.asList(3, "c", null), List.of(8, "h", 1L));
  }

  @Test
  void conflictColumnsResolveOnlyThatKey() {
    WriteBatch skipped = engine.newWriteBatch(engine.currentSnapshot());
    skipped.insert(table, new Object[] {1, "x", 1L}, ConflictAction.IGNORE, List.of(0));
    skipped.insert(table, new Object[] {7, "b", 1L}, ConflictAction.IGNORE, List.of(1));
    engine.commit(skipped);
    assertThat(skipped.ignoredInserts()).isEqualTo(2);
    WriteBatch otherKey = engine.newWriteBatch(engine.currentSnapshot());
    otherKey.insert(table, new Object[] {8, "a", 1L}, ConflictAction.IGNORE, List.of(0));
    assertCode(() -> engine.commit(otherKey), ErrorCode.UNIQUE_VIOLATION);
    assertThat(rows(engine, table)).hasSize(3);
  }

  @Test
  void plainInsertsOfTheBatchStillFailOnConflicts() {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insert(table, new Object[] {4, "z", 1L}, ConflictAction.IGNORE);
    batch.insert(table, new Object[] {5, "a", 1L});
    assertCode(() -> engine.commit(batch), ErrorCode.UNIQUE_VIOLATION);
    assertThat(rows(engine, table)).hasSize(3);
  }

  @Test
  void hiddenRowIdTableConflictsOnUniqueIndexOnly() {
    TableDef plain = new TableDef(0, "P", table.columns(), List.of(), List.of(), 4, List.of());
    engine.catalog().createTable(plain);
    TableDef p = engine.catalog().createIndex("P", new IndexDef("P_NAME", List.of(1), true));
    insert(engine, p, new Object[] {1, "a", 1L}, new Object[] {1, "b", 1L});
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.insert(p, new Object[] {2, "a", 2L}, ConflictAction.REPLACE);
    batch.insert(p, new Object[] {3, "b", 3L}, ConflictAction.IGNORE);
    engine.commit(batch);
    assertThat(rows(engine, p)).containsExactly(List.of(1, "b", 1L), List.of(2, "a", 2L));
  }

  @Test
  void conflictWithARowCommittedAfterTheSnapshotIsASerializationFailure() {
    for (ConflictAction action : List.of(ConflictAction.REPLACE, ConflictAction.IGNORE)) {
      long snapshot = engine.currentSnapshot();
      int id = action == ConflictAction.REPLACE ? 10 : 11;
      insert(engine, table, new Object[] {id, "n" + id, null});
      WriteBatch late = engine.newWriteBatch(snapshot);
      late.insert(table, new Object[] {id, "other", null}, action);
      assertCode(() -> engine.commit(late), ErrorCode.SERIALIZATION_FAILURE);
    }
    // A row changed after the snapshot conflicts through the unique index as well.
    long snapshot = engine.currentSnapshot();
    insert(engine, table, new Object[] {12, "u", null});
    WriteBatch late = engine.newWriteBatch(snapshot);
    late.insert(table, new Object[] {13, "u", null}, ConflictAction.REPLACE);
    assertCode(() -> engine.commit(late), ErrorCode.SERIALIZATION_FAILURE);
  }

  @Test
  void rebuildIndexRestoresExactlyTheEntriesOfTheRows() {
    byte[] stray = strayEntry();
    assertThat(indexEntries("U_NAME")).isEqualTo(4);
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.rebuildIndex(table, "U_NAME");
    engine.commit(batch);
    assertThat(indexEntries("U_NAME")).isEqualTo(3);
    assertThat(stray).isNotNull();
    assertCode(() -> insert(engine, table, new Object[] {5, "c", null}), ErrorCode.UNIQUE_VIOLATION);
    WriteBatch unknown = engine.newWriteBatch(engine.currentSnapshot());
    unknown.rebuildIndex(table, "NO_SUCH");
    assertCode(() -> engine.commit(unknown), ErrorCode.UNDEFINED_OBJECT);
  }

  @Test
  void rebuildIsAlone() {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.rebuildIndex(table, "U_NAME");
    assertThatThrownBy(() -> batch.insert(table, new Object[] {9, "q", null}))
        .isInstanceOf(IllegalStateException.class);
  }

  private void commit(ConflictAction action, Object[]... newRows) {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    for (Object[] row : newRows) {
      batch.insert(table, row, action);
    }
    engine.commit(batch);
  }

  /** Writes an index entry that belongs to no row, as a damaged index would hold. */
  private byte[] strayEntry() {
    LsmStorageEngine lsm = (LsmStorageEngine) engine;
    long indexId = ((PersistentCatalog) engine.catalog()).state().indexId("U_NAME");
    dev.quaver.storage.io.ByteWriter out = new dev.quaver.storage.io.ByteWriter(32);
    KeySpace.indexPrefix(out, indexId, table, List.of(1), new Object[] {99, "stray", null});
    out.writeBytes(KeySpace.rowIdKey(table.id(), 99));
    byte[] entry = out.toByteArray();
    dev.quaver.storage.lsm.WriteSet writes = new dev.quaver.storage.lsm.WriteSet();
    writes.put(entry, new byte[0]);
    lsm.store().finish(lsm.store().write(writes), false);
    return entry;
  }

  private int indexEntries(String index) {
    LsmStorageEngine lsm = (LsmStorageEngine) engine;
    long indexId = ((PersistentCatalog) engine.catalog()).state().indexId(index);
    int count = 0;
    try (Cursor cursor = lsm.store().scan(KeySpace.indexStart(indexId), KeySpace.indexEnd(indexId),
        Long.MAX_VALUE)) {
      while (cursor.next()) {
        count++;
      }
    }
    return count;
  }
}
