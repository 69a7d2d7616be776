package dev.quaver.planner.cost;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.Statistics;
import dev.quaver.storage.stats.TableStatistics;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;

/**
 * The planner's read access to the storage statistics: by table, and by output column of a
 * logical plan through its {@link ColumnOrigin}. Immutable (the statistics behind it may change;
 * each statement plans with what it reads).
 */
public final class StatisticsLookup {
  /** Knows no table: every table is unknown (large). */
  public static final StatisticsLookup NONE = new StatisticsLookup(Statistics.NONE);

  private final Statistics statistics;

  public StatisticsLookup(Statistics statistics) {
    this.statistics = Objects.requireNonNull(statistics, "statistics is null");
  }

  /** The table's statistics, or null when it was never analyzed. */
  public TableStatistics table(TableDef table) {
    return table.id() < 0 ? null : statistics.table(table.id()).orElse(null);
  }

  /** Rows of the table: its statistics, else {@link CostModel#UNKNOWN_TABLE_ROWS}. */
  public double rows(TableDef table) {
    TableStatistics stats = table(table);
    return stats == null ? CostModel.UNKNOWN_TABLE_ROWS : Math.max(1, stats.rowCount());
  }

  /** Statistics of field {@code field} of {@code rel} with its table's row count, or null. */
  ColumnInfo column(RelNode rel, int field) {
    ColumnOrigin origin = ColumnOrigin.of(rel, field);
    if (origin == null) {
      return null;
    }
    TableStatistics stats = table(origin.table());
    if (stats == null) {
      return null;
    }
    return new ColumnInfo(stats.column(origin.column()), Math.max(1, stats.rowCount()));
  }

  /** A column's statistics and the row count of its table. */
  record ColumnInfo(ColumnStatistics stats, double tableRows) {
    double distinct() {
      return Math.max(1, stats.distinctCount());
    }

    double nullFraction() {
      return Math.min(1, stats.nullCount() / tableRows);
    }
  }
}
