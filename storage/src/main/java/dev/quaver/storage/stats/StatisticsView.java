package dev.quaver.storage.stats;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.system.SystemTables;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The system tables that show statistics: {@code SYS.TABLE_STATISTICS} (one row per table, row
 * count NULL when the table was never analyzed) and {@code SYS.COLUMN_STATISTICS} (one row per
 * column of an analyzed table). Documented in docs/formats/stats.md.
 */
public final class StatisticsView {
  public static final String TABLES = "TABLE_STATISTICS";
  public static final String COLUMNS = "COLUMN_STATISTICS";

  private StatisticsView() {}

  /** Registers both views over {@code catalog}'s statistics in {@code registry}. */
  public static void register(SystemTables registry, Catalog catalog) {
    registry.register(TABLES, List.of(
        new ColumnDef("TABLE_NAME", ColumnType.TEXT, false, null),
        new ColumnDef("ROW_COUNT", ColumnType.BIGINT, true, null),
        new ColumnDef("AVG_ROW_BYTES", ColumnType.DOUBLE, true, null),
        new ColumnDef("COLLECTED_AT", ColumnType.TIMESTAMP, true, null)), () -> tableRows(catalog));
    registry.register(COLUMNS, List.of(
        new ColumnDef("TABLE_NAME", ColumnType.TEXT, false, null),
        new ColumnDef("COLUMN_NAME", ColumnType.TEXT, false, null),
        new ColumnDef("NULL_COUNT", ColumnType.BIGINT, false, null),
        new ColumnDef("DISTINCT_COUNT", ColumnType.BIGINT, false, null),
        new ColumnDef("MIN_VALUE", ColumnType.TEXT, true, null),
        new ColumnDef("MAX_VALUE", ColumnType.TEXT, true, null),
        new ColumnDef("HISTOGRAM_BOUNDS", ColumnType.INTEGER, false, null),
        new ColumnDef("MOST_COMMON", ColumnType.TEXT, true, null)), () -> columnRows(catalog));
  }

  private static List<Object[]> tableRows(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      Optional<TableStatistics> stats = catalog.statistics().table(table.id());
      rows.add(new Object[] {table.name(), stats.map(TableStatistics::rowCount).orElse(null),
          stats.map(TableStatistics::averageRowBytes).orElse(null),
          stats.map(TableStatistics::collectedAtMillis).orElse(null)});
    }
    return rows;
  }

  private static List<Object[]> columnRows(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      Optional<TableStatistics> stats = catalog.statistics().table(table.id());
      if (stats.isEmpty()) {
        continue;
      }
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnStatistics column = stats.get().column(i);
        String common = column.mostCommon().isEmpty() ? null : column.mostCommon().stream()
            .map(value -> text(value.value()) + ":" + value.count()).collect(Collectors.joining(", "));
        rows.add(new Object[] {table.name(), table.columns().get(i).name(), column.nullCount(),
            Math.round(column.distinctCount()), text(column.min()), text(column.max()),
            column.histogram().size(), common});
      }
    }
    return rows;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
