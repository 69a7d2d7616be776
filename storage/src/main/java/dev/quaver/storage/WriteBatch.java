package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;
import java.util.List;

/**
 * The writes of one statement (later: one transaction), applied together by
 * {@link StorageEngine#commit}. Rows are {@code Object[]} in table column order holding the Java
 * values of {@link dev.quaver.type.SqlType}; row keys are the bytes a scan returned in its row-key
 * column.
 *
 * <p>Thread safety: confined to the thread that builds it.
 */
public interface WriteBatch {
  /** The snapshot the statement read at. */
  long readSnapshot();

  void insert(TableDef table, Object[] row);

  /**
   * Inserts {@code row}, resolving a conflict on the primary key or a UNIQUE index as
   * {@code action} says. Conflicts are found at commit, against the latest rows and the batch's
   * earlier operations; a conflicting row that someone else changed after {@link #readSnapshot()}
   * is a write-write conflict (SERIALIZATION_FAILURE, 40001), whatever the action.
   */
  default void insert(TableDef table, Object[] row, ConflictAction action) {
    if (action != ConflictAction.ERROR) {
      throw new UnsupportedOperationException("this write batch does not resolve conflicts: " + action);
    }
    insert(table, row);
  }

  /**
   * As {@link #insert(TableDef, Object[], ConflictAction)}, but only conflicts on the key whose
   * columns are {@code conflictColumns} (the primary key or a UNIQUE index; ordinals in any order)
   * are resolved; a conflict on another key fails the commit as for a plain insert (PostgreSQL's
   * {@code ON CONFLICT (cols)}). An empty list means every key.
   */
  default void insert(TableDef table, Object[] row, ConflictAction action, List<Integer> conflictColumns) {
    if (!conflictColumns.isEmpty()) {
      throw new UnsupportedOperationException("this write batch does not resolve conflicts by key");
    }
    insert(table, row, action);
  }

  /**
   * Inserts every row of {@code rows} (the table's columns in order), as {@link #insert(TableDef,
   * Object[])} of each row in order would: same checks, same SQLSTATEs, same stored bytes. The
   * engine's batch encodes the rows straight from the columns (no {@code Object[]} or boxed value
   * per row: a JDBC batch's parameter columns); this default makes the rows one by one.
   */
  default void insertRows(TableDef table, dev.quaver.storage.row.ColumnRows rows) {
    int columns = table.columns().size();
    for (int i = 0; i < rows.rowCount(); i++) {
      insert(table, rows.row(columns, i));
    }
  }

  /**
   * After a successful commit: how many inserts with {@link ConflictAction#IGNORE} were skipped
   * (so the statement's update count can leave them out).
   */
  default long ignoredInserts() {
    return 0;
  }

  /**
   * Deletes every entry of index {@code indexName} of {@code table} and builds it again from the
   * table's latest rows (REINDEX), at commit. A batch that rebuilds indexes holds nothing else.
   */
  default void rebuildIndex(TableDef table, String indexName) {
    throw new UnsupportedOperationException("this write batch does not rebuild indexes");
  }

  /** Replaces the row stored under {@code rowKey}; the key changes if the primary key does. */
  void update(TableDef table, byte[] rowKey, Object[] newRow);

  void delete(TableDef table, byte[] rowKey);

  /** Number of rows inserted, updated or deleted so far (the statement's update count). */
  int size();

  /**
   * A hint that about {@code rows} more writes follow (a batch insert knows its row count), so
   * the batch can size its operation list once instead of growing it; ignoring it is correct.
   */
  default void expectRows(int rows) {}
}
