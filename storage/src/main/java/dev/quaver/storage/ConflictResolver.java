package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.RowWriteBatch.Operation;
import dev.quaver.storage.catalog.CatalogState;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.KeySpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Resolves the conflicts of inserts whose {@link ConflictAction} is REPLACE or IGNORE, while
 * {@link CommitBuilder} goes through one table's operations in order. A new row conflicts with
 * a row of the batch added earlier (still in {@code added}) or a latest row of the store that
 * the batch does not remove, on the primary key or on any UNIQUE index (NULLs never conflict);
 * an insert with conflict columns resolves only conflicts on that one key, and a conflict on
 * another key is left to CommitBuilder's checks (23505).
 *
 * <p>A conflicting store row that was changed after the batch's read snapshot is a write-write
 * conflict (40001), as for UPDATE and DELETE: the statement decided on rows it could not see.
 * REPLACE then deletes every conflicting row (a row of the batch simply leaves {@code added},
 * a store row goes through CommitBuilder's remove, which keeps its old value so its index
 * entries are deleted) and lets the row in; IGNORE skips the row and counts it.
 *
 * <p>Thread safety: used once, under the engine's commit lock, by the CommitBuilder that made it.
 */
final class ConflictResolver {
  private final LsmStore store;
  private final TableDef table;
  private final long readSnapshot;
  private final Map<ByteArrayKey, byte[]> removed;
  private final Map<ByteArrayKey, Operation> added;
  private final Consumer<byte[]> remover;
  private final List<IndexDef> uniqueIndexes = new ArrayList<>();
  private final List<Long> uniqueIndexIds = new ArrayList<>();
  /** Per unique index: entry prefix → key of the added row that has it. */
  private final List<Map<ByteArrayKey, ByteArrayKey>> owners = new ArrayList<>();
  private final ByteWriter out = new ByteWriter(64);

  /** {@code remover} removes a store row by key (CommitBuilder's remove, with its checks). */
  ConflictResolver(LsmStore store, CatalogState catalog, TableDef table, long readSnapshot,
      Map<ByteArrayKey, byte[]> removed, Map<ByteArrayKey, Operation> added, Consumer<byte[]> remover) {
    this.store = store;
    this.table = table;
    this.readSnapshot = readSnapshot;
    this.removed = removed;
    this.added = added;
    this.remover = remover;
    for (IndexDef index : table.indexes()) {
      if (index.unique()) {
        uniqueIndexes.add(index);
        uniqueIndexIds.add(catalog.indexId(index.name()));
        owners.add(new HashMap<>());
      }
    }
  }

  /** Whether any operation of the list needs resolving. */
  static boolean isNeeded(List<Operation> operations) {
    for (Operation operation : operations) {
      if (operation.conflict() != ConflictAction.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decides an insert with a REPLACE or IGNORE action: true when the row goes in (REPLACE has
   * then removed every conflicting row), false when it is skipped (IGNORE).
   */
  boolean resolve(Operation insert) {
    Set<ByteArrayKey> inBatch = new LinkedHashSet<>();
    Set<ByteArrayKey> inStore = new LinkedHashSet<>();
    List<Integer> only = insert.conflictColumns();
    if (table.hasPrimaryKey() && (only.isEmpty() || only.equals(sorted(table.primaryKey())))) {
      ByteArrayKey key = new ByteArrayKey(insert.primaryKey());
      if (added.containsKey(key)) {
        inBatch.add(key);
      } else if (!removed.containsKey(key) && store.get(key.bytes(), Long.MAX_VALUE) != null) {
        inStore.add(key);
      }
    }
    for (int i = 0; i < uniqueIndexes.size(); i++) {
      if (!only.isEmpty() && !only.equals(sorted(uniqueIndexes.get(i).columns()))) {
        continue;
      }
      byte[] prefix = prefix(i, insert.row());
      if (prefix == null) {
        continue;
      }
      ByteArrayKey owner = owners.get(i).get(new ByteArrayKey(prefix));
      if (owner != null && added.containsKey(owner)) {
        inBatch.add(owner);
      }
      collectStoreRows(prefix, inStore);
    }
    if (inBatch.isEmpty() && inStore.isEmpty()) {
      return true;
    }
    for (ByteArrayKey key : inStore) {
      if (store.latestSequence(key.bytes()) > readSnapshot) {
        throw QuaverException.of(ErrorCode.SERIALIZATION_FAILURE,
            "could not serialize access due to concurrent update of a row of table \"%s\"",
            table.name());
      }
    }
    if (insert.conflict() == ConflictAction.IGNORE) {
      insert.ignored().incrementAndGet();
      return false;
    }
    for (ByteArrayKey key : inBatch) {
      forget(key, added.remove(key));
    }
    for (ByteArrayKey key : inStore) {
      remover.accept(key.bytes());
    }
    return true;
  }

  /** Records the unique-index prefixes of a row CommitBuilder has just added under {@code key}. */
  void added(byte[] key, Operation operation) {
    ByteArrayKey rowKey = new ByteArrayKey(key);
    for (int i = 0; i < uniqueIndexes.size(); i++) {
      byte[] prefix = prefix(i, operation.row());
      if (prefix != null) {
        owners.get(i).putIfAbsent(new ByteArrayKey(prefix), rowKey);
      }
    }
  }

  private void forget(ByteArrayKey key, Operation operation) {
    for (int i = 0; i < uniqueIndexes.size(); i++) {
      byte[] prefix = prefix(i, operation.row());
      if (prefix != null) {
        owners.get(i).remove(new ByteArrayKey(prefix), key);
      }
    }
  }

  /** Adds the keys of live store rows with this unique-index prefix that the batch does not remove. */
  private void collectStoreRows(byte[] prefix, Set<ByteArrayKey> into) {
    try (Cursor cursor = store.scan(prefix, KeySpace.prefixEnd(prefix), Long.MAX_VALUE)) {
      while (cursor.next()) {
        byte[] entry = cursor.key();
        ByteArrayKey rowKey = new ByteArrayKey(Arrays.copyOfRange(entry, prefix.length, entry.length));
        if (!removed.containsKey(rowKey)) {
          into.add(rowKey);
        }
      }
    }
  }

  private static List<Integer> sorted(List<Integer> columns) {
    return columns.stream().sorted().toList();
  }

  /** The entry prefix of {@code row} in unique index i, or null when a key column is NULL. */
  private byte[] prefix(int i, Object[] row) {
    out.reset();
    boolean hasNull = KeySpace.indexPrefix(out, uniqueIndexIds.get(i), table,
        uniqueIndexes.get(i).columns(), row);
    return hasNull ? null : out.toByteArray();
  }
}
