package dev.quaver.storage.catalog;

import java.util.List;

/**
 * What a DDL change means for the stored data, beyond the new catalog state: the engine turns
 * it into key-value writes in the same WAL record (index entries to build, key ranges to drop).
 * Immutable.
 */
public sealed interface CatalogChange {
  /** A new, empty table: nothing to write. */
  record CreateTable(TableDef table) implements CatalogChange {}

  /** Drop the table's rows and every entry of its indexes. */
  record DropTable(TableDef table, List<Long> indexIds) implements CatalogChange {
    public DropTable {
      indexIds = List.copyOf(indexIds);
    }
  }

  /** Build the entries of a new index of {@code table} (the table after the change). */
  record CreateIndex(TableDef table, IndexDef index, long indexId) implements CatalogChange {}

  /** Drop the entries of an index. */
  record DropIndex(long indexId) implements CatalogChange {}

  /** A view was created or dropped: nothing to write. */
  record ViewChange(String viewName) implements CatalogChange {}

  /** A trigger was created or dropped: nothing to write. */
  record TriggerChange(String triggerName) implements CatalogChange {}
}
