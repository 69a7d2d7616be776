package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The engine's {@link WriteBatch}: the statement's operations in the order they were added.
 * Keys of new rows are computed at commit, when the engine holds its commit lock.
 *
 * <p>Thread safety: confined to the thread that builds it.
 */
final class RowWriteBatch implements WriteBatch {
  enum Kind { INSERT, UPDATE, DELETE }

  /**
   * One operation; {@code rowKey} is null for inserts, {@code row} null for deletes.
   * {@code primaryKey} (the new row's key when the table has a primary key) and {@code value}
   * (the encoded row) are filled in by {@link #prepare} before the commit lock is taken.
   */
  record Operation(Kind kind, TableDef table, byte[] rowKey, Object[] row, byte[] primaryKey,
      byte[] value) {
    Operation(Kind kind, TableDef table, byte[] rowKey, Object[] row) {
      this(kind, table, rowKey, row, null, null);
    }
  }

  private final long readSnapshot;
  private final List<Operation> operations = new ArrayList<>();

  RowWriteBatch(long readSnapshot) {
    this.readSnapshot = readSnapshot;
  }

  @Override
  public long readSnapshot() {
    return readSnapshot;
  }

  @Override
  public void insert(TableDef table, Object[] row) {
    operations.add(new Operation(Kind.INSERT, Objects.requireNonNull(table, "table is null"),
        null, Objects.requireNonNull(row, "row is null")));
  }

  @Override
  public void update(TableDef table, byte[] rowKey, Object[] newRow) {
    operations.add(new Operation(Kind.UPDATE, Objects.requireNonNull(table, "table is null"),
        Objects.requireNonNull(rowKey, "rowKey is null"),
        Objects.requireNonNull(newRow, "newRow is null")));
  }

  @Override
  public void delete(TableDef table, byte[] rowKey) {
    operations.add(new Operation(Kind.DELETE, Objects.requireNonNull(table, "table is null"),
        Objects.requireNonNull(rowKey, "rowKey is null"), null));
  }

  @Override
  public int size() {
    return operations.size();
  }

  List<Operation> operations() {
    return operations;
  }

  /**
   * Checks every new row ({@link RowConstraints}) and encodes its value and primary key, so the
   * commit lock is held only for what needs it.
   */
  List<Operation> prepare() {
    List<Operation> prepared = new ArrayList<>(operations.size());
    TableDef typesOf = null;
    List<ColumnType> types = null;
    for (Operation operation : operations) {
      if (operation.row() == null) {
        prepared.add(operation);
        continue;
      }
      TableDef table = operation.table();
      if (table != typesOf) {
        typesOf = table;
        types = CommitBuilder.columnTypes(table);
      }
      RowConstraints.check(table, operation.row());
      prepared.add(new Operation(operation.kind(), table, operation.rowKey(), operation.row(),
          table.hasPrimaryKey() ? KeySpace.primaryKey(table, operation.row()) : null,
          RowCodec.encode(types, operation.row())));
    }
    return prepared;
  }
}
