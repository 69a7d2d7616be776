package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;

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

  /** Replaces the row stored under {@code rowKey}; the key changes if the primary key does. */
  void update(TableDef table, byte[] rowKey, Object[] newRow);

  void delete(TableDef table, byte[] rowKey);

  /** Number of rows inserted, updated or deleted so far (the statement's update count). */
  int size();
}
