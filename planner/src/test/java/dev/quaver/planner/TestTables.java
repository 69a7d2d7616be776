package dev.quaver.planner;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;

/** Hand-built TableDefs for planner tests (the corpus test creates its tables through DDL plans). */
final class TestTables {
  private TestTables() {}

  static TableDef table(String name, List<ColumnDef> columns, List<Integer> primaryKey) {
    return new TableDef(0, name, columns, primaryKey, primaryKey, TableDef.DEFAULT_PARTITIONS, List.of());
  }
}
