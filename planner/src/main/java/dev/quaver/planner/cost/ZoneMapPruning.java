package dev.quaver.planner.cost;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.storage.stats.ValueCount;
import dev.quaver.type.SqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the fraction of a table's columnar row groups that a scan's pushed-down filter keeps
 * after zone-map pruning (docs/cost-model.md §2), so that the scan cost counts the bytes actually
 * read. Only the conjuncts the storage can prune with are considered — {@code column op literal}
 * with a literal of the column's own type, strings only for equality, never CHAR (the rules of the
 * executor's ScanPredicates) — and per column they are intersected into one interval.
 *
 * <p>For a column with matching fraction {@code s} of the rows (from the histogram and most common
 * values), a row group of {@code R} rows is kept when its [min, max] overlaps the interval:
 * <ul>
 *   <li>on the table's leading sort column (its {@code ORDER BY} key, else the first primary-key
 *       column: rows are in that order in each partition) the matching rows are contiguous, so
 *       {@code min(1, s + 1/G)} of the {@code G} row groups of a partition are kept (the range plus
 *       a partly matching group at its edge); {@code s = 0} keeps none;
 *   <li>on any other column the values are spread over the groups, and a group is kept when any
 *       of its rows could match: {@code 1 − (1 − s)^R}, which is about 1 unless {@code s} is far
 *       below {@code 1/R}.
 * </ul>
 * Columns combine by product (independence). Without statistics the fixed selectivities of
 * {@link Selectivity} apply. Stateless.
 */
public final class ZoneMapPruning {
  /** Rows per columnar row group (storage's SegmentOptions default, quaver.segment.rowGroupRows). */
  public static final int ROW_GROUP_ROWS = 16_384;

  private ZoneMapPruning() {}

  /**
   * The fraction (0..1) of the row groups of {@code table} a scan of {@code columns} with
   * {@code filter} (over the scan's output columns) reads; 1 without a usable predicate.
   */
  public static double keptFraction(PhysicalExpr filter, TableDef table, List<Integer> columns,
      TableStatistics stats, double tableRows, int partitions) {
    if (filter == null) {
      return 1;
    }
    Map<Integer, Interval> intervals = new LinkedHashMap<>();
    collect(filter, table, columns, intervals);
    if (intervals.isEmpty()) {
      return 1;
    }
    double rowsPerPartition = Math.max(1, tableRows / Math.max(1, partitions));
    double groups = Math.max(1, Math.ceil(rowsPerPartition / ROW_GROUP_ROWS));
    double groupRows = Math.min(ROW_GROUP_ROWS, rowsPerPartition);
    int leading = leadingSortColumn(table);
    double kept = 1;
    for (Map.Entry<Integer, Interval> entry : intervals.entrySet()) {
      ColumnStatistics column = stats == null || entry.getKey() >= stats.columns().size() ? null
          : stats.column(entry.getKey());
      double s = entry.getValue().fraction(column, stats == null ? tableRows : Math.max(1, stats.rowCount()));
      if (entry.getKey() == leading) {
        kept *= s <= 0 ? 0 : Math.min(1, s + 1 / groups);
      } else {
        kept *= 1 - Math.pow(1 - Math.min(1, Math.max(0, s)), groupRows);
      }
    }
    return Math.max(0, Math.min(1, kept));
  }

  /** Row groups per partition of a table of {@code tableRows} rows over {@code partitions}. */
  public static double groupsPerPartition(double tableRows, int partitions) {
    return Math.max(1, Math.ceil(Math.max(1, tableRows / Math.max(1, partitions)) / ROW_GROUP_ROWS));
  }

  /** The column the rows of each partition are ordered by first, or -1. */
  static int leadingSortColumn(TableDef table) {
    if (!table.sortKey().isEmpty()) {
      return table.sortKey().get(0);
    }
    return table.primaryKey().isEmpty() ? -1 : table.primaryKey().get(0);
  }

  private static void collect(PhysicalExpr expr, TableDef table, List<Integer> columns,
      Map<Integer, Interval> out) {
    if (!(expr instanceof PhysicalExpr.Call call)) {
      return;
    }
    if (call.function() == ScalarFunction.AND) {
      for (PhysicalExpr operand : call.operands()) {
        collect(operand, table, columns, out);
      }
      return;
    }
    ScalarFunction function = call.function();
    if (call.operands().size() != 2 || !isComparison(function)) {
      return;
    }
    PhysicalExpr left = call.operands().get(0);
    PhysicalExpr right = call.operands().get(1);
    if (left instanceof PhysicalExpr.Literal && right instanceof PhysicalExpr.InputRef) {
      PhysicalExpr swap = left;
      left = right;
      right = swap;
      function = flip(function);
    }
    if (!(left instanceof PhysicalExpr.InputRef ref) || !(right instanceof PhysicalExpr.Literal literal)
        || literal.value() == null || ref.index() >= columns.size()) {
      return;
    }
    int column = columns.get(ref.index());
    SqlType type = table.columns().get(column).type().type();
    if (literal.type().type() != type || type == SqlType.CHAR
        || (type == SqlType.VARCHAR && function != ScalarFunction.EQUALS)) {
      return; // the storage does not prune with it (ScanPredicates' rules)
    }
    out.computeIfAbsent(column, c -> new Interval()).add(function, literal.value());
  }

  private static boolean isComparison(ScalarFunction function) {
    return switch (function) {
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> true;
      default -> false;
    };
  }

  private static ScalarFunction flip(ScalarFunction function) {
    return switch (function) {
      case LESS_THAN -> ScalarFunction.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ScalarFunction.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> ScalarFunction.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ScalarFunction.LESS_THAN_OR_EQUAL;
      default -> function;
    };
  }

  /** The conjunction of one column's comparisons with literals: a point or an interval. */
  private static final class Interval {
    private Object equal;
    private boolean contradictory;
    private Object low;
    private Object high;
    private int ranges;

    void add(ScalarFunction function, Object value) {
      try {
        switch (function) {
          case EQUALS -> {
            if (equal != null && Selectivity.compare(equal, value) != 0) {
              contradictory = true;
            }
            equal = value;
          }
          case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
            low = low == null || Selectivity.compare(value, low) > 0 ? value : low;
            ranges++;
          }
          default -> {
            high = high == null || Selectivity.compare(value, high) < 0 ? value : high;
            ranges++;
          }
        }
      } catch (ClassCastException e) {
        // incomparable literals: keep what we have (estimates only)
      }
    }

    /** Fraction of the table's rows inside this interval. */
    double fraction(ColumnStatistics stats, double tableRows) {
      if (contradictory) {
        return 0;
      }
      try {
        if (equal != null) {
          return equality(stats, tableRows);
        }
        return range(stats, tableRows);
      } catch (ClassCastException e) {
        return equal != null ? Selectivity.EQUALITY : Selectivity.RANGE;
      }
    }

    private double equality(ColumnStatistics stats, double tableRows) {
      if (stats == null) {
        return Selectivity.EQUALITY;
      }
      if (stats.min() != null && (Selectivity.compare(equal, stats.min()) < 0
          || Selectivity.compare(equal, stats.max()) > 0)) {
        return 0;
      }
      long commonRows = 0;
      for (ValueCount common : stats.mostCommon()) {
        if (Selectivity.compare(common.value(), equal) == 0) {
          return common.count() / tableRows;
        }
        commonRows += common.count();
      }
      double rest = Math.max(0, tableRows - stats.nullCount() - commonRows) / tableRows;
      double others = Math.max(1, stats.distinctCount() - stats.mostCommon().size());
      return Math.max(rest / others, 1 / tableRows);
    }

    private double range(ColumnStatistics stats, double tableRows) {
      if (stats == null || stats.histogram().size() < 2) {
        return ranges > 1 ? Selectivity.RANGE * Selectivity.RANGE * 3 / 2 : Selectivity.RANGE;
      }
      double from = low == null ? 0 : Selectivity.fractionBelow(stats, low);
      double to = high == null ? 1 : Selectivity.fractionBelow(stats, high);
      if (Double.isNaN(from) || Double.isNaN(to)) {
        return Selectivity.RANGE;
      }
      if (low != null && stats.max() != null && Selectivity.compare(low, stats.max()) > 0
          || high != null && stats.min() != null && Selectivity.compare(high, stats.min()) < 0) {
        return 0;
      }
      // Inside [min, max]: at least one row (a bound equal to min or max matches it).
      return Math.max(1 / tableRows, to - from);
    }
  }
}
