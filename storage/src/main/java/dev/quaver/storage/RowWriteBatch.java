package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.ColumnRows;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's {@link WriteBatch}: the statement's operations in the order they were added.
 * Keys of new rows are computed at commit, when the engine holds its commit lock.
 *
 * <p>Thread safety: confined to the thread that builds it.
 */
final class RowWriteBatch implements WriteBatch {
  enum Kind { INSERT, UPDATE, DELETE, REBUILD_INDEX, INSERT_ROWS }

  /**
   * The rows of one {@link #insertRows} call, checked and encoded when added: per row its value
   * and, when the table has a primary key, its key (else {@code primaryKeys} is null).
   */
  record EncodedRows(byte[][] primaryKeys, byte[][] values) {
    int count() {
      return values.length;
    }

    /** Row {@code i} as an INSERT operation (no {@code Object[]} unless {@code row} is given). */
    Operation operation(TableDef table, int i, Object[] row) {
      return new Operation(Kind.INSERT, table, null, row, primaryKeys == null ? null : primaryKeys[i],
          values[i], ConflictAction.ERROR, null, null, List.of(), null);
    }
  }

  /**
   * One operation; {@code rowKey} is null for inserts, {@code row} null for deletes and for the
   * rows of an INSERT_ROWS ({@code encoded}: the rows of one {@link #insertRows}, one operation
   * for all; when {@link CommitBuilder} handles them one by one their {@code row} stays null and
   * is decoded from {@code value} only for an error message or an index).
   * {@code primaryKey} (the new row's key when the table has a primary key) and {@code value}
   * (the encoded row) are filled in by {@link #prepare} before the commit lock is taken.
   * {@code conflict} is the insert's conflict action (ERROR for other kinds); {@code ignored}
   * counts the batch's skipped inserts (set only when the action is IGNORE); {@code indexName}
   * names the index of a REBUILD_INDEX. {@code conflictColumns} (sorted) limits the resolved
   * conflicts to one key; empty for every key.
   */
  record Operation(Kind kind, TableDef table, byte[] rowKey, Object[] row, byte[] primaryKey,
      byte[] value, ConflictAction conflict, AtomicLong ignored, String indexName,
      List<Integer> conflictColumns, EncodedRows encoded) {
    Operation(Kind kind, TableDef table, byte[] rowKey, Object[] row) {
      this(kind, table, rowKey, row, null, null, ConflictAction.ERROR, null, null, List.of(), null);
    }

    Operation withEncoded(byte[] newPrimaryKey, byte[] newValue) {
      return new Operation(kind, table, rowKey, row, newPrimaryKey, newValue, conflict, ignored, indexName,
          conflictColumns, encoded);
    }
  }

  private final long readSnapshot;
  private final ArrayList<Operation> operations = new ArrayList<>();
  private final AtomicLong ignored = new AtomicLong();
  private boolean hasRebuilds;
  /** Rows inserted, updated or deleted (an INSERT_ROWS operation counts its rows). */
  private int size;
  private boolean hasRows;

  RowWriteBatch(long readSnapshot) {
    this.readSnapshot = readSnapshot;
  }

  @Override
  public long readSnapshot() {
    return readSnapshot;
  }

  @Override
  public void insert(TableDef table, Object[] row) {
    insert(table, row, ConflictAction.ERROR);
  }

  @Override
  public void insert(TableDef table, Object[] row, ConflictAction action) {
    insert(table, row, action, List.of());
  }

  @Override
  public void insert(TableDef table, Object[] row, ConflictAction action, List<Integer> conflictColumns) {
    Objects.requireNonNull(action, "action is null");
    addRow(new Operation(Kind.INSERT, Objects.requireNonNull(table, "table is null"), null,
        Objects.requireNonNull(row, "row is null"), null, null, action,
        action == ConflictAction.IGNORE ? ignored : null, null,
        conflictColumns.isEmpty() ? List.of() : conflictColumns.stream().sorted().toList(), null));
  }

  /**
   * Checks and encodes each row when added, reading the columns in place: one INSERT_ROWS
   * operation holding every row's value (and primary key), no {@code Object[]}, boxed value or
   * operation record per row.
   * Tables whose commit needs the row's values (secondary indexes, an identity column) and
   * statements capturing their inserted rows take the row path.
   */
  @Override
  public void insertRows(TableDef table, ColumnRows rows) {
    Objects.requireNonNull(table, "table is null");
    if (!table.indexes().isEmpty() || IdentityColumns.column(table) >= 0 || IdentityColumns.isCapturing()) {
      WriteBatch.super.insertRows(table, rows);
      return;
    }
    if (hasRebuilds) {
      throw new IllegalStateException("a batch that rebuilds indexes holds nothing else");
    }
    int count = rows.rowCount();
    if (count == 0) {
      return;
    }
    List<ColumnType> types = CommitBuilder.columnTypes(table);
    byte[][] values = new byte[count][];
    byte[][] keys = table.hasPrimaryKey() ? new byte[count][] : null;
    ByteWriter out = new ByteWriter(256); // one buffer for every row value, copied out per row
    for (int row = 0; row < count; row++) {
      RowConstraints.check(table, rows, row);
      out.reset();
      RowCodec.encode(out, types, rows, row);
      values[row] = out.toByteArray();
      if (keys != null) {
        keys[row] = KeySpace.primaryKey(table, rows, row);
      }
    }
    operations.add(new Operation(Kind.INSERT_ROWS, table, null, null, null, null, ConflictAction.ERROR,
        null, null, List.of(), new EncodedRows(keys, values)));
    size += count;
    hasRows = true;
  }

  @Override
  public void update(TableDef table, byte[] rowKey, Object[] newRow) {
    addRow(new Operation(Kind.UPDATE, Objects.requireNonNull(table, "table is null"),
        Objects.requireNonNull(rowKey, "rowKey is null"),
        Objects.requireNonNull(newRow, "newRow is null")));
  }

  @Override
  public void delete(TableDef table, byte[] rowKey) {
    addRow(new Operation(Kind.DELETE, Objects.requireNonNull(table, "table is null"),
        Objects.requireNonNull(rowKey, "rowKey is null"), null));
  }

  @Override
  public void rebuildIndex(TableDef table, String indexName) {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(indexName, "indexName is null");
    if (hasRows) {
      throw new IllegalStateException("a batch that rebuilds indexes holds nothing else");
    }
    hasRebuilds = true;
    operations.add(new Operation(Kind.REBUILD_INDEX, table, null, null, null, null,
        ConflictAction.ERROR, null, indexName, List.of(), null));
    size++;
  }

  @Override
  public void expectRows(int rows) {
    if (rows > 0) {
      operations.ensureCapacity(operations.size() + rows);
    }
  }

  @Override
  public long ignoredInserts() {
    return ignored.get();
  }

  @Override
  public int size() {
    return size;
  }

  List<Operation> operations() {
    return operations;
  }

  /**
   * Checks every new row ({@link RowConstraints}) and encodes its value and primary key, so the
   * commit lock is held only for what needs it.
   */
  List<Operation> prepare() {
    ignored.set(0);
    List<Operation> prepared = new ArrayList<>(operations.size());
    TableDef typesOf = null;
    List<ColumnType> types = null;
    ByteWriter out = new ByteWriter(256); // one buffer for every row value, copied out per row
    for (Operation operation : operations) {
      if (operation.row() == null) {
        prepared.add(operation); // deletes, rebuilds, INSERT_ROWS (already encoded)
        continue;
      }
      TableDef table = operation.table();
      if (table != typesOf) {
        typesOf = table;
        types = CommitBuilder.columnTypes(table);
      }
      RowConstraints.check(table, operation.row());
      if (IdentityColumns.needsValue(table, operation.row())) {
        prepared.add(operation); // key and value are encoded at commit, with the identity value
        continue;
      }
      out.reset();
      RowCodec.encode(out, types, operation.row());
      prepared.add(operation.withEncoded(
          table.hasPrimaryKey() ? KeySpace.primaryKey(table, operation.row()) : null,
          out.toByteArray()));
    }
    return prepared;
  }

  private void addRow(Operation operation) {
    if (hasRebuilds) {
      throw new IllegalStateException("a batch that rebuilds indexes holds nothing else");
    }
    hasRows = true;
    operations.add(operation);
    size++;
  }
}
