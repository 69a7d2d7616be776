package dev.quaver.storage.system;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code SYS.TABLES}: one row per table, view and system table, with its layout (primary key,
 * distribution key, partitions, index count). Documented in docs/system-tables.md.
 */
public final class TablesView {
  public static final String NAME = "TABLES";

  private TablesView() {}

  /** Registers {@code SYS.TABLES} over {@code catalog} in {@code registry}. */
  public static void register(SystemTables registry, Catalog catalog) {
    List<ColumnDef> columns = List.of(
        new ColumnDef("TABLE_NAME", ColumnType.TEXT, false, null),
        new ColumnDef("TABLE_SCHEMA", ColumnType.TEXT, false, null),
        new ColumnDef("TABLE_TYPE", ColumnType.TEXT, false, null),
        new ColumnDef("COLUMN_COUNT", ColumnType.INTEGER, true, null),
        new ColumnDef("PRIMARY_KEY", ColumnType.TEXT, true, null),
        new ColumnDef("DISTRIBUTION_KEY", ColumnType.TEXT, true, null),
        new ColumnDef("PARTITIONS", ColumnType.INTEGER, true, null),
        new ColumnDef("INDEX_COUNT", ColumnType.INTEGER, true, null));
    registry.register(NAME, columns, () -> rows(registry, catalog));
  }

  private static List<Object[]> rows(SystemTables registry, Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      rows.add(new Object[] {table.name(), "PUBLIC", "TABLE", table.columns().size(),
          names(table, table.primaryKey()), names(table, table.distributionKey()),
          table.partitions(), table.indexes().size()});
    }
    for (ViewDef view : catalog.views()) {
      Integer columnCount = view.columnNames().isEmpty() ? null : view.columnNames().size();
      rows.add(new Object[] {view.name(), "PUBLIC", "VIEW", columnCount, null, null, null, null});
    }
    for (TableDef table : registry.tables()) {
      rows.add(new Object[] {table.name(), SystemTable.SCHEMA, "SYSTEM TABLE",
          table.columns().size(), null, null, null, null});
    }
    return rows;
  }

  private static String names(TableDef table, List<Integer> ordinals) {
    if (ordinals.isEmpty()) {
      return null;
    }
    return ordinals.stream().map(i -> table.columns().get(i).name())
        .collect(Collectors.joining(", "));
  }
}
