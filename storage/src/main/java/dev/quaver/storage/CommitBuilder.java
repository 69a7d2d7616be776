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
import dev.quaver.storage.lsm.WriteSet;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the operations of one batch into the {@link WriteSet} of its commit, checking, as of the
 * end of the batch, primary key and UNIQUE index uniqueness and write-write conflicts.
 *
 * <p>The end state of a table is (rows at the latest sequence − rows the batch updates or
 * deletes) ∪ (rows the batch inserts, and the new versions of updated rows). Updates and deletes
 * name rows by the key they had at the read snapshot, so {@code UPDATE t SET pk = pk + 1} moves
 * every row without colliding with itself, while two new rows with one key collide.
 *
 * <p>Thread safety: used once, under the engine's commit lock (it reads the latest, possibly not
 * yet published, state of the store).
 */
final class CommitBuilder {
  private static final byte[] EMPTY_VALUE = new byte[0];

  private final LsmStore store;
  private final CatalogState catalog;
  private final Map<Long, Long> nextRowIds;
  private final long readSnapshot;
  private final WriteSet writes = new WriteSet();

  /** {@code nextRowIds}: next hidden row id per table, advanced in place (guarded by the lock). */
  CommitBuilder(LsmStore store, CatalogState catalog, Map<Long, Long> nextRowIds, long readSnapshot) {
    this.store = store;
    this.catalog = catalog;
    this.nextRowIds = nextRowIds;
    this.readSnapshot = readSnapshot;
  }

  WriteSet build(List<Operation> operations) {
    Map<Long, List<Operation>> byTable = new LinkedHashMap<>();
    for (Operation operation : operations) {
      byTable.computeIfAbsent(operation.table().id(), id -> new ArrayList<>()).add(operation);
    }
    for (Map.Entry<Long, List<Operation>> entry : byTable.entrySet()) {
      TableDef stale = entry.getValue().get(0).table();
      TableDef table = catalog.tableById(entry.getKey()).orElseThrow(() -> QuaverException.of(
          ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist", stale.name()));
      buildTable(table, entry.getValue());
    }
    return writes;
  }

  private void buildTable(TableDef table, List<Operation> operations) {
    if (operations.get(0).kind() == RowWriteBatch.Kind.REBUILD_INDEX) {
      rebuildIndexes(table, operations);
      return;
    }
    // Rows of INSERT_ROWS go straight into the write set under fresh row ids unless something
    // must see each row (a key, an index, an identity column, a conflict resolver, a capture).
    boolean resolves = ConflictResolver.isNeeded(operations);
    if (table.hasPrimaryKey() || !table.indexes().isEmpty() || IdentityColumns.column(table) >= 0
        || resolves || IdentityColumns.isCapturing()) {
      operations = expandRows(table, operations, resolves);
    }
    Map<ByteArrayKey, byte[]> removed = new HashMap<>();
    Map<ByteArrayKey, Operation> added = new LinkedHashMap<>();
    ConflictResolver resolver = ConflictResolver.isNeeded(operations)
        ? new ConflictResolver(store, catalog, table, readSnapshot, removed, added,
            rowKey -> remove(table, rowKey, removed))
        : null;
    long rowIdStart = table.hasPrimaryKey() ? 0 : nextRowIds.getOrDefault(table.id(), 1L);
    long nextRowId = rowIdStart;
    int identityColumn = IdentityColumns.column(table);
    long identityStart = identityColumn < 0 ? 0
        : nextRowIds.getOrDefault(IdentityColumns.counterId(table), 1L);
    long nextIdentity = identityStart;
    List<ColumnType> rowTypes = identityColumn < 0 ? null : columnTypes(table);
    // Inserts under a fresh hidden row id collide with nothing (ids only grow), so unless a
    // conflict resolver watches the batch they skip the map of added rows: a list, in order.
    List<byte[]> freshKeys = new ArrayList<>(operations.size());
    List<Operation> freshRows = new ArrayList<>(operations.size());
    writes.expect(rowCount(operations));
    for (Operation operation : operations) {
      if (identityColumn >= 0 && operation.row() != null && operation.row()[identityColumn] == null) {
        // Assigned here, under the commit lock, so values grow in commit order.
        operation.row()[identityColumn] = IdentityColumns.value(table, identityColumn, nextIdentity++);
        operation = operation.withEncoded(
            table.hasPrimaryKey() ? KeySpace.primaryKey(table, operation.row()) : null,
            RowCodec.encode(rowTypes, operation.row()));
      }
      switch (operation.kind()) {
        case DELETE -> remove(table, operation.rowKey(), removed);
        case UPDATE -> {
          remove(table, operation.rowKey(), removed);
          byte[] newKey = table.hasPrimaryKey() ? operation.primaryKey() : operation.rowKey();
          add(table, newKey, operation, added, resolver);
        }
        case INSERT -> {
          if (operation.conflict() != ConflictAction.ERROR && !resolver.resolve(operation)) {
            continue;
          }
          byte[] key = table.hasPrimaryKey()
              ? operation.primaryKey() : KeySpace.rowIdKey(table.id(), nextRowId++);
          if (table.hasPrimaryKey() || resolver != null) {
            add(table, key, operation, added, resolver);
          } else {
            freshKeys.add(key);
            freshRows.add(operation);
          }
          if (operation.row() != null || IdentityColumns.isCapturing()) {
            IdentityColumns.inserted(table, rowOf(table, operation));
          }
        }
        case INSERT_ROWS -> {
          byte[][] values = operation.encoded().values();
          for (byte[] value : values) {
            writes.put(KeySpace.rowIdKey(table.id(), nextRowId++), value);
          }
        }
        case REBUILD_INDEX -> throw new IllegalStateException("a batch that rebuilds indexes holds nothing else");
      }
    }
    if (table.hasPrimaryKey()) {
      for (Map.Entry<ByteArrayKey, Operation> entry : added.entrySet()) {
        if (!removed.containsKey(entry.getKey())
            && store.get(entry.getKey().bytes(), Long.MAX_VALUE) != null) {
          throw duplicate(primaryKeyName(table), table, table.primaryKey(), rowOf(table, entry.getValue()));
        }
      }
    }
    if (!table.indexes().isEmpty()) {
      for (int i = 0; i < freshKeys.size(); i++) {
        added.put(new ByteArrayKey(freshKeys.get(i)), freshRows.get(i));
      }
      freshKeys.clear();
    }
    List<ColumnType> types = columnTypes(table);
    for (IndexDef index : table.indexes()) {
      maintainIndex(table, index, catalog.indexId(index.name()), types, removed, added);
    }
    for (ByteArrayKey key : removed.keySet()) {
      if (!added.containsKey(key)) {
        writes.delete(key.bytes());
      }
    }
    for (Map.Entry<ByteArrayKey, Operation> entry : added.entrySet()) {
      writes.put(entry.getKey().bytes(), entry.getValue().value());
    }
    for (int i = 0; i < freshKeys.size(); i++) {
      writes.put(freshKeys.get(i), freshRows.get(i).value());
    }
    if (nextRowId != rowIdStart) {
      nextRowIds.put(table.id(), nextRowId);
      writes.rowId(table.id(), nextRowId);
    }
    if (nextIdentity != identityStart) {
      // The counter's high-water mark travels in this commit's WAL record (like row ids).
      nextRowIds.put(IdentityColumns.counterId(table), nextIdentity);
      writes.rowId(IdentityColumns.counterId(table), nextIdentity);
    }
  }

  /**
   * {@code operations} with each INSERT_ROWS replaced by one INSERT per row (its encoded key and
   * value; its {@code Object[]} decoded only when {@code withRows}: a conflict resolver reads it).
   */
  private static List<Operation> expandRows(TableDef table, List<Operation> operations, boolean withRows) {
    List<Operation> expanded = null;
    List<ColumnType> types = withRows ? columnTypes(table) : null;
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      if (operation.kind() != RowWriteBatch.Kind.INSERT_ROWS) {
        if (expanded != null) {
          expanded.add(operation);
        }
        continue;
      }
      if (expanded == null) {
        expanded = new ArrayList<>(operations.subList(0, i));
      }
      RowWriteBatch.EncodedRows rows = operation.encoded();
      for (int r = 0; r < rows.count(); r++) {
        expanded.add(rows.operation(operation.table(), r,
            withRows ? RowCodec.decode(rows.values()[r], types) : null));
      }
    }
    return expanded == null ? operations : expanded;
  }

  private static int rowCount(List<Operation> operations) {
    int count = 0;
    for (Operation operation : operations) {
      count += operation.encoded() == null ? 1 : operation.encoded().count();
    }
    return count;
  }

  private void remove(TableDef table, byte[] rowKey, Map<ByteArrayKey, byte[]> removed) {
    ByteArrayKey key = new ByteArrayKey(rowKey);
    if (removed.containsKey(key)) {
      return;
    }
    if (KeySpace.idOf(rowKey) != table.id() || rowKey[0] != KeySpace.ROW_KIND) {
      throw new IllegalArgumentException("row key " + key + " is not a key of table " + table.name());
    }
    byte[] current = store.get(rowKey, Long.MAX_VALUE);
    if (current == null || store.latestSequence(rowKey) > readSnapshot) {
      throw QuaverException.of(ErrorCode.SERIALIZATION_FAILURE,
          "could not serialize access due to concurrent update of a row of table \"%s\"",
          table.name());
    }
    removed.put(key, current);
  }

  private void add(TableDef table, byte[] rowKey, Operation operation,
      Map<ByteArrayKey, Operation> added, ConflictResolver resolver) {
    if (added.putIfAbsent(new ByteArrayKey(rowKey), operation) != null) {
      throw duplicate(primaryKeyName(table), table, table.primaryKey(), rowOf(table, operation));
    }
    if (resolver != null) {
      resolver.added(rowKey, operation);
    }
  }

  /**
   * REINDEX: builds each named index again from the table's latest rows, deleting the entries
   * that do not belong (IndexBuilder.rebuild).
   */
  private void rebuildIndexes(TableDef table, List<Operation> operations) {
    Set<String> done = new HashSet<>();
    for (Operation operation : operations) {
      if (operation.kind() != RowWriteBatch.Kind.REBUILD_INDEX) {
        throw new IllegalStateException("a batch that rebuilds indexes holds nothing else");
      }
      if (!done.add(operation.indexName())) {
        continue;
      }
      IndexDef index = table.index(operation.indexName()).orElseThrow(() -> QuaverException.of(
          ErrorCode.UNDEFINED_OBJECT, "index \"%s\" does not exist", operation.indexName()));
      long indexId = catalog.indexId(index.name());
      IndexBuilder.rebuild(store, table, index, indexId, writes);
    }
  }

  /** Deletes the entries of removed rows, adds those of new rows, checks a UNIQUE index. */
  private void maintainIndex(TableDef table, IndexDef index, long indexId, List<ColumnType> types,
      Map<ByteArrayKey, byte[]> removed, Map<ByteArrayKey, Operation> added) {
    Set<ByteArrayKey> newEntries = new HashSet<>();
    Set<ByteArrayKey> uniquePrefixes = new HashSet<>();
    ByteWriter out = new ByteWriter(64);
    for (Map.Entry<ByteArrayKey, Operation> entry : added.entrySet()) {
      Object[] row = rowOf(table, entry.getValue());
      out.reset();
      boolean hasNull = KeySpace.indexPrefix(out, indexId, table, index.columns(), row);
      if (index.unique() && !hasNull) {
        byte[] prefix = out.toByteArray();
        if (!uniquePrefixes.add(new ByteArrayKey(prefix)) || existsOutside(prefix, removed)) {
          throw duplicate(index.name(), table, index.columns(), row);
        }
      }
      out.writeBytes(entry.getKey().bytes());
      newEntries.add(new ByteArrayKey(out.toByteArray()));
    }
    for (Map.Entry<ByteArrayKey, byte[]> entry : removed.entrySet()) {
      out.reset();
      Object[] oldRow = RowCodec.decode(entry.getValue(), types);
      KeySpace.indexPrefix(out, indexId, table, index.columns(), oldRow);
      out.writeBytes(entry.getKey().bytes());
      ByteArrayKey oldEntry = new ByteArrayKey(out.toByteArray());
      if (!newEntries.contains(oldEntry)) {
        writes.delete(oldEntry.bytes());
      }
    }
    for (ByteArrayKey entry : newEntries) {
      writes.put(entry.bytes(), EMPTY_VALUE);
    }
  }

  /** Whether a live entry with {@code prefix} belongs to a row the batch does not remove. */
  private boolean existsOutside(byte[] prefix, Map<ByteArrayKey, byte[]> removed) {
    try (Cursor cursor = store.scan(prefix, KeySpace.prefixEnd(prefix), Long.MAX_VALUE)) {
      while (cursor.next()) {
        byte[] entry = cursor.key();
        byte[] rowKey = Arrays.copyOfRange(entry, prefix.length, entry.length);
        if (!removed.containsKey(new ByteArrayKey(rowKey))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The values of an operation's new row: its {@code Object[]}, or its encoded value decoded (rows
   * added by {@link RowWriteBatch#insertRows} carry only the encoding; needed for an error message
   * or when an index appeared after the rows were added).
   */
  static Object[] rowOf(TableDef table, Operation operation) {
    return operation.row() != null ? operation.row() : RowCodec.decode(operation.value(), columnTypes(table));
  }

  static List<ColumnType> columnTypes(TableDef table) {
    List<ColumnType> types = new ArrayList<>(table.columns().size());
    for (var column : table.columns()) {
      types.add(column.type());
    }
    return types;
  }

  static String primaryKeyName(TableDef table) {
    return table.name() + "_pkey";
  }

  static QuaverException duplicate(String constraint, TableDef table, List<Integer> columns,
      Object[] row) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int column : columns) {
      if (names.length() > 0) {
        names.append(", ");
        values.append(", ");
      }
      names.append(table.columns().get(column).name());
      values.append(row[column] instanceof java.math.BigDecimal d ? d.toPlainString() : row[column]);
    }
    return QuaverException.of(ErrorCode.UNIQUE_VIOLATION,
        "duplicate key value violates unique constraint \"%s\": key (%s)=(%s) already exists",
        constraint, names, values);
  }
}
