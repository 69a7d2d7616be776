package dev.quaver.storage.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as the catalog records it. Column positions in {@code primaryKey},
 * {@code distributionKey} and index definitions are ordinals into {@code columns}. A table without
 * a primary key gets a hidden, monotonically assigned row id as its row key. {@code id} is
 * assigned by the catalog on creation and is never reused; data keys are prefixed by it.
 * {@code sortKey} (ordinals; {@code ORDER BY (...)} in CREATE TABLE) orders the rows of each
 * columnar partition; empty means row-key (primary-key) order. Immutable: DDL builds a new
 * TableDef.
 */
public record TableDef(
    long id,
    String name,
    List<ColumnDef> columns,
    List<Integer> primaryKey,
    List<Integer> distributionKey,
    int partitions,
    List<IndexDef> indexes,
    List<Integer> sortKey) {

  /** Partition count when DDL does not say {@code PARTITIONS n}: one per core of a small node. */
  public static final int DEFAULT_PARTITIONS = 4;

  public TableDef {
    Objects.requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    distributionKey = List.copyOf(distributionKey);
    indexes = List.copyOf(indexes);
    sortKey = List.copyOf(sortKey);
    for (int column : sortKey) {
      if (column < 0 || column >= columns.size()) {
        throw new IllegalArgumentException("sort key column " + column + " of table " + name);
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no columns");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("table " + name + " has " + partitions + " partitions");
    }
  }

  /** A table in row-key order (no {@code ORDER BY} option). */
  public TableDef(long id, String name, List<ColumnDef> columns, List<Integer> primaryKey,
      List<Integer> distributionKey, int partitions, List<IndexDef> indexes) {
    this(id, name, columns, primaryKey, distributionKey, partitions, indexes, List.of());
  }

  public boolean hasPrimaryKey() {
    return !primaryKey.isEmpty();
  }

  /** Ordinal of the column with this exact name. */
  public Optional<Integer> columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public Optional<IndexDef> index(String indexName) {
    return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
  }

  public TableDef withId(long newId) {
    return new TableDef(newId, name, columns, primaryKey, distributionKey, partitions, indexes,
        sortKey);
  }

  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(id, name, columns, primaryKey, distributionKey, partitions, newIndexes,
        sortKey);
  }
}
