package dev.quaver.planner.cost;

import dev.quaver.planner.schema.CatalogTable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Calcite metadata whose row counts come from Quaver's statistics: table scans read the
 * analyzed row count (unknown tables are {@link CostModel#UNKNOWN_TABLE_ROWS}: large), filters
 * apply {@link Selectivity}, capped by {@link KeyRowBound} where they bind a unique key, inner and semi equi-joins divide by the larger distinct count of
 * each key pair, aggregates multiply the distinct counts of their group keys. Everything else
 * is Calcite's own estimate over these. Installed on the statement's cluster, so join ordering,
 * conversion and EXPLAIN all see the same numbers.
 *
 * <p>Thread safety: confined to one planning thread (as every RelMetadataQuery).
 */
public final class CostMetadataQuery extends RelMetadataQuery {
  private final StatisticsLookup stats;
  private final Map<RelNode, Double> cache = new IdentityHashMap<>();

  public CostMetadataQuery(StatisticsLookup stats) {
    super();
    this.stats = stats;
  }

  public StatisticsLookup statistics() {
    return stats;
  }

  @Override
  public Double getRowCount(RelNode rel) {
    // Deep join trees ask for the same inputs again and again: remember plain nodes' answers
    // (nodes over HepRelVertex inputs may change under the Hep planner, so they are not kept).
    boolean cacheable = rel.getInputs().stream().noneMatch(HepRelVertex.class::isInstance)
        && !(rel instanceof HepRelVertex);
    if (cacheable) {
      Double known = cache.get(rel);
      if (known != null) {
        return known;
      }
    }
    Double estimate = estimate(rel);
    if (cacheable && estimate != null) {
      cache.put(rel, estimate);
    }
    return estimate;
  }

  private Double estimate(RelNode rel) {
    if (rel instanceof TableScan scan) {
      CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
      if (table != null) {
        return stats.rows(table.table());
      }
    } else if (rel instanceof Filter filter) {
      double input = rows(filter.getInput());
      double estimate = Math.max(1, input * Selectivity.of(filter.getInput(), filter.getCondition(), stats,
          rel.getCluster().getRexBuilder()));
      // A bound unique key: at most one row per bound value combination, statistics or not.
      return Math.max(1, Math.min(estimate, KeyRowBound.of(filter.getInput(), filter.getCondition())));
    } else if (rel instanceof Join join && join.getSystemFieldList().isEmpty()) {
      Double rows = joinRows(join);
      if (rows != null) {
        return rows;
      }
    } else if (rel instanceof Aggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
      return aggregateRows(aggregate);
    }
    return super.getRowCount(rel);
  }

  /** Rows of an inner, left, semi or anti join from key distinct counts; null for others. */
  private Double joinRows(Join join) {
    JoinRelType type = join.getJoinType();
    if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
      return null;
    }
    double left = rows(join.getLeft());
    double right = rows(join.getRight());
    double selectivity = joinSelectivity(join, left, right);
    double inner = Math.max(1, left * right * selectivity);
    return switch (type) {
      case INNER -> inner;
      case LEFT -> Math.max(left, inner);
      case SEMI -> Math.max(1, Math.min(left, inner));
      case ANTI -> Math.max(1, left - Math.min(left, inner));
      default -> null;
    };
  }

  private double joinSelectivity(Join join, double leftRows, double rightRows) {
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    double selectivity = 1;
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (conjunct.isAlwaysTrue()) {
        continue;
      }
      int[] keys = equiKeys(conjunct, leftWidth);
      if (keys == null) {
        selectivity *= Selectivity.of(join, conjunct, stats, join.getCluster().getRexBuilder());
        continue;
      }
      double leftDistinct = distinct(join.getLeft(), keys[0], leftRows);
      double rightDistinct = distinct(join.getRight(), keys[1] - leftWidth, rightRows);
      selectivity *= 1 / Math.max(1, Math.max(leftDistinct, rightDistinct));
    }
    return selectivity;
  }

  /** {@code [left field, right field]} of {@code a = b} across the join, else null. */
  static int[] equiKeys(RexNode conjunct, int leftWidth) {
    if (!(conjunct instanceof org.apache.calcite.rex.RexCall call)
        || (call.getKind() != org.apache.calcite.sql.SqlKind.EQUALS
            && call.getKind() != org.apache.calcite.sql.SqlKind.IS_NOT_DISTINCT_FROM)) {
      return null;
    }
    RexNode a = RexUtil.removeCast(call.getOperands().get(0));
    RexNode b = RexUtil.removeCast(call.getOperands().get(1));
    if (!(a instanceof RexInputRef x) || !(b instanceof RexInputRef y)) {
      return null;
    }
    if (x.getIndex() < leftWidth && y.getIndex() >= leftWidth) {
      return new int[] {x.getIndex(), y.getIndex()};
    }
    if (y.getIndex() < leftWidth && x.getIndex() >= leftWidth) {
      return new int[] {y.getIndex(), x.getIndex()};
    }
    return null;
  }

  /**
   * Distinct values of a field of {@code rel} with {@code rows} rows: the column's distinct count
   * scaled down when a filter kept a fraction of the table, else (unknown) every row distinct.
   */
  double distinct(RelNode rel, int field, double rows) {
    StatisticsLookup.ColumnInfo column = stats.column(rel, field);
    if (column == null) {
      return rows;
    }
    double distinct = column.distinct();
    if (rows < column.tableRows()) {
      // Values surviving a selection of rows / tableRows of the rows (Yao's estimate, simplified).
      double kept = rows / column.tableRows();
      distinct = distinct * (1 - Math.pow(1 - kept, column.tableRows() / distinct));
    }
    return Math.max(1, Math.min(distinct, rows));
  }

  private double aggregateRows(Aggregate aggregate) {
    double input = rows(aggregate.getInput());
    List<Integer> keys = aggregate.getGroupSet().asList();
    if (keys.isEmpty()) {
      return 1;
    }
    double groups = 1;
    for (int key : keys) {
      StatisticsLookup.ColumnInfo column = stats.column(aggregate.getInput(), key);
      if (column == null) {
        // Unknown: Calcite's guess (a tenth of the rows per key).
        groups *= Math.max(1, input * 0.1);
      } else {
        groups *= distinct(aggregate.getInput(), key, input) + (column.stats().nullCount() > 0 ? 1 : 0);
      }
      if (groups >= input) {
        return Math.max(1, input);
      }
    }
    return Math.max(1, Math.min(groups, input));
  }

  private double rows(RelNode rel) {
    Double rows = getRowCount(rel);
    return rows == null ? CostModel.UNKNOWN_TABLE_ROWS : Math.max(1, rows);
  }
}
